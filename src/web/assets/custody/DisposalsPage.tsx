import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Field } from "../../components/Field.tsx";
import { useUrlFilter } from "../../components/useUrlParams.ts";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import { type Disposal, disposalStatusKey, methodKey } from "./types.ts";

function exportUrl(format: "xlsx" | "csv", from: string, to: string): string {
	const params = new URLSearchParams({ format });
	if (from) params.set("from", from);
	if (to) params.set("to", to);
	return `/api/disposals/export?${params.toString()}`;
}

/** The disposal and lease-return register (廃棄・返却記録簿) for a period, and its export for audits. */
export function DisposalsPage() {
	const { t } = useI18n();
	const { date } = useDates();
	// The period applied lives in the address: reload, back and a shared link keep it.
	const period = useUrlFilter({ from: "", to: "" });
	const applied = period.filter;
	const [from, setFrom] = useState(applied.from);
	const [to, setTo] = useState(applied.to);
	useEffect(() => {
		setFrom(applied.from);
		setTo(applied.to);
	}, [applied]);
	const [items, setItems] = useState<Disposal[] | null>(null);
	const [error, setError] = useState<unknown>(null);

	const load = useCallback(async (range: { from: string; to: string }) => {
		try {
			const query = {
				...(range.from ? { from: range.from } : {}),
				...(range.to ? { to: range.to } : {}),
			};
			setItems((await call(api.GET("/api/disposals", { params: { query } }))).items);
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load(applied);
	}, [load, applied]);

	function filter(event: FormEvent) {
		event.preventDefault();
		period.apply({ from, to });
	}

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("custody.disposal.title")}</h1>
				<div className="button-row">
					<DownloadButton
						href={exportUrl("xlsx", applied.from, applied.to)}
						fileName="disposals.xlsx"
						onError={setError}
					>
						{t("custody.disposal.exportXlsx")}
					</DownloadButton>
					<DownloadButton
						href={exportUrl("csv", applied.from, applied.to)}
						fileName="disposals.csv"
						onError={setError}
					>
						{t("custody.disposal.exportCsv")}
					</DownloadButton>
				</div>
			</div>
			<p className="lead">{t("custody.disposal.lead")}</p>
			<form className="filters" onSubmit={filter} aria-label={t("custody.disposal.period")}>
				<Field label={t("custody.disposal.from")}>
					{(id) => (
						<input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
					)}
				</Field>
				<Field label={t("custody.disposal.to")}>
					{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
				</Field>
				<button type="submit" className="button">
					{t("common.search")}
				</button>
			</form>
			<ErrorAlert error={error} />
			{items && items.length === 0 ? (
				<div className="empty" data-testid="no-disposals">
					<p>{t("custody.disposal.none")}</p>
					<p>{t("deadEnd.disposalStart", { button: t("assets.custody") })}</p>
					<p>
						<Link to="/assets">{t("deadEnd.openLedger")}</Link>
					</p>
				</div>
			) : null}
			{items && items.length > 0 ? (
				<div className="table-wrap">
					<table className="table" aria-label={t("custody.disposal.title")}>
						<thead>
							<tr>
								<th scope="col">{t("custody.disposal.asset")}</th>
								<th scope="col">{t("custody.disposal.class")}</th>
								<th scope="col">{t("custody.disposal.method")}</th>
								<th scope="col">{t("custody.disposal.performedOn")}</th>
								<th scope="col">{t("custody.disposal.witness")}</th>
								<th scope="col">{t("custody.disposal.contractor")}</th>
								<th scope="col">{t("custody.disposal.serials")}</th>
								<th scope="col">{t("custody.disposal.certificateHash")}</th>
								<th scope="col">{t("custody.disposal.state")}</th>
							</tr>
						</thead>
						<tbody>
							{items.map((item) => (
								<tr key={item.id}>
									<td>
										{item.asset.code} {item.asset.name}
										<div className="cell-sub">{item.asset.unitName}</div>
									</td>
									<td>{item.asset.classKey}</td>
									<td>{t(methodKey(item.method))}</td>
									<td className="nowrap">{date(item.performedOn)}</td>
									<td>{item.witness}</td>
									<td>{item.contractor ?? "—"}</td>
									<td>{item.serialNumbers.join(", ") || "—"}</td>
									<td>
										{item.files
											.filter((f) => f.kind === "certificate")
											.map((f) => (
												<code key={f.id} className="sha256">
													{f.sha256}
												</code>
											))}
									</td>
									<td>
										<span className="badge">{t(disposalStatusKey(item.status))}</span>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
		</section>
	);
}
