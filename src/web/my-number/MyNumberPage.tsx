import { useEffect, useState } from "react";
import { japanDate } from "../../shared/dates.ts";
import { api, call } from "../api/client.ts";
import { fiscalYearOfDay, useFiscalYear } from "../assurance/audits/useFiscalYear.ts";
import { DownloadButton } from "../components/DownloadButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { AffairDialog } from "./AffairDialog.tsx";
import {
	type AffairList,
	affairPath,
	kindKey,
	type MyNumberOptions,
	piaKey,
	piaStatusKey,
} from "./types.ts";

/** The years offered for the yearly report: this fiscal year and the four before it. */
const YEARS_SHOWN = 5;

/**
 * 特定個人情報の取扱い: the My Number affairs the caller answers for (every affair for the CISO,
 * 統括 and auditors), with their responsible person, current handlers, PIA and what needs
 * attention; the CISO and 統括 register affairs, they and auditors export the yearly report.
 */
export function MyNumberPage() {
	const { t } = useI18n();
	const { date } = useDates();
	const fiscalYear = useFiscalYear();
	const current = fiscalYearOfDay(japanDate(new Date()));
	const [year, setYear] = useState(current);
	const [list, setList] = useState<AffairList | null>(null);
	const [options, setOptions] = useState<MyNumberOptions | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [creating, setCreating] = useState(false);
	const mayManage = list?.mayManage ?? false;

	useEffect(() => {
		call(api.GET("/api/my-number/affairs")).then(setList, setError);
	}, []);
	useEffect(() => {
		if (mayManage) call(api.GET("/api/my-number/options")).then(setOptions, setError);
	}, [mayManage]);

	const report = (format: "xlsx" | "pdf") => (
		<DownloadButton
			href={`/api/my-number/report?${new URLSearchParams({ format, fiscalYear: String(year) })}`}
			fileName={`特定個人情報取扱状況報告_${year}.${format}`}
			onError={setError}
		>
			{t(format === "xlsx" ? "myNumber.report.xlsx" : "myNumber.report.pdf")}
		</DownloadButton>
	);

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("myNumber.title")}</h1>
				<div className="button-row">
					{mayManage && options ? (
						<button
							type="button"
							className="button button-primary"
							onClick={() => setCreating(true)}
						>
							{t("myNumber.create")}
						</button>
					) : null}
				</div>
			</div>
			<p className="lead">{t("myNumber.intro")}</p>
			<ErrorAlert error={error} />
			{list?.mayReport ? (
				<section aria-labelledby="my-number-report">
					<h2 id="my-number-report">{t("myNumber.report")}</h2>
					<div className="form-row">
						<div className="field">
							<label className="field-label" htmlFor="my-number-report-year">
								{t("myNumber.report.year")}
							</label>
							<select
								id="my-number-report-year"
								value={String(year)}
								onChange={(event) => setYear(Number(event.target.value))}
							>
								{Array.from({ length: YEARS_SHOWN }, (_, i) => current - i).map((option) => (
									<option key={option} value={option}>
										{fiscalYear(option)}
									</option>
								))}
							</select>
						</div>
					</div>
					<div className="button-row">
						{report("xlsx")}
						{report("pdf")}
					</div>
				</section>
			) : null}
			{list && list.items.length === 0 ? (
				<p className="empty" data-testid="my-number-empty">
					{t("myNumber.empty")}
				</p>
			) : null}
			{list && list.items.length > 0 ? (
				<div className="table-wrap">
					<table className="table" aria-label={t("myNumber.title")}>
						<thead>
							<tr>
								<th scope="col">{t("myNumber.col.name")}</th>
								<th scope="col">{t("myNumber.col.kind")}</th>
								<th scope="col">{t("myNumber.col.responsible")}</th>
								<th scope="col">{t("myNumber.col.handlers")}</th>
								<th scope="col">{t("myNumber.col.pia")}</th>
								<th scope="col">{t("myNumber.col.piaDue")}</th>
								<th scope="col">{t("myNumber.col.flags")}</th>
							</tr>
						</thead>
						<tbody>
							{list.items.map((item) => (
								<tr key={item.id} data-my-number-affair={item.id}>
									<td>
										<Link to={affairPath(item.id)}>{item.name}</Link>
									</td>
									<td>{t(kindKey(item.kind))}</td>
									<td>{item.responsible}</td>
									<td>{item.currentHandlers}</td>
									<td>
										{t(piaKey(item.piaLevel))}（{t(piaStatusKey(item.piaStatus))}）
									</td>
									<td className="nowrap">{item.piaDueOn ? date(item.piaDueOn) : "—"}</td>
									<td>
										<span className="tag-list">
											{item.piaOverdue ? (
												<span className="badge badge-warn">{t("myNumber.flag.piaOverdue")}</span>
											) : null}
											{item.assetsOutsideTier > 0 ? (
												<span className="badge badge-warn">
													{t("myNumber.flag.outsideTier", { count: item.assetsOutsideTier })}
												</span>
											) : null}
											{item.unseenNotices > 0 ? (
												<span className="badge badge-warn">
													{t("myNumber.flag.notices", { count: item.unseenNotices })}
												</span>
											) : null}
										</span>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{creating && options ? (
				<AffairDialog
					options={options}
					onClose={(saved) => {
						setCreating(false);
						if (saved) navigate(affairPath(saved.id));
					}}
				/>
			) : null}
		</section>
	);
}
