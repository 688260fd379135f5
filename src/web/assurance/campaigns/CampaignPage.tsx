import { useCallback, useEffect, useState } from "react";
import { formatFiscalYear, japanDate } from "../../../shared/dates.ts";
import { api, call } from "../../api/client.ts";
import { DownloadButton } from "../../components/DownloadButton.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link } from "../../router.tsx";
import { CloseCampaignDialog } from "./CloseCampaignDialog.tsx";
import { SignOffDialog } from "./SignOffDialog.tsx";
import { type CampaignDetail, heatBand, rateText, responsePath } from "./types.ts";
import "./campaigns.css";

/**
 * A campaign: the caller's own items first, then (for the 管理者 and those who see everything)
 * the live rates per unit, department and clause, and the heat map of units × clauses.
 */
export function CampaignPage({ id }: { id: string }) {
	const { t, lang } = useI18n();
	const { date, dateTime } = useDates();
	const [detail, setDetail] = useState<CampaignDetail | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [signing, setSigning] = useState<string | null>(null);
	const [closing, setClosing] = useState(false);

	const load = useCallback(async () => {
		try {
			setDetail(await call(api.GET("/api/assurance/campaigns/{id}", { params: { path: { id } } })));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, [id]);
	useEffect(() => {
		void load();
	}, [load]);

	const campaign = detail?.campaign;
	const rates = detail?.rates;
	const fiscal = campaign
		? lang === "ja"
			? `${formatFiscalYear(campaign.fiscalYear, "wareki")}（${formatFiscalYear(campaign.fiscalYear, "seireki")}）`
			: formatFiscalYear(campaign.fiscalYear, "seireki", "en")
		: "";
	const unitName = new Map(rates?.units.map((u) => [u.unitId, u.unitName]) ?? []);
	const clauses = rates?.clauses.map((c) => c.clause) ?? [];
	const cell = new Map(rates?.heat.map((h) => [`${h.unitId}|${h.clause}`, h]) ?? []);
	const mayClose =
		campaign?.state === "open" &&
		(detail?.allowedActions.includes("assurance_campaign.manage") ?? false);

	return (
		<section className="page">
			<ErrorAlert error={error} />
			{campaign ? (
				<>
					<div className="page-header">
						<h1>{campaign.title}</h1>
						{rates || mayClose ? (
							<div className="button-row">
								{mayClose ? (
									<button
										type="button"
										className="button button-danger"
										onClick={() => setClosing(true)}
									>
										{t("campaigns.close.open")}
									</button>
								) : null}
								{rates ? (
									<>
										<DownloadButton
											href={`/api/assurance/campaigns/${encodeURIComponent(id)}/export`}
											fileName={`${campaign.title}.xlsx`}
											onError={setError}
										>
											{t("campaigns.exportXlsx")}
										</DownloadButton>
										<DownloadButton
											href={`/api/assurance/campaigns/${encodeURIComponent(id)}/report`}
											fileName={`${campaign.title}.pdf`}
											onError={setError}
										>
											{t("campaigns.reportPdf")}
										</DownloadButton>
									</>
								) : null}
							</div>
						) : null}
					</div>
					<p className="campaign-meta">
						{fiscal} ・ {t("campaigns.dueOn", { date: date(campaign.dueOn) })} ・{" "}
						{t("campaigns.checklistVersion", {
							title: campaign.checklistTitle,
							version: campaign.version,
						})}{" "}
						・ {t("campaigns.respondentCount", { count: campaign.respondents })} ・{" "}
						<span data-testid="campaign-state">
							{t(campaign.state === "open" ? "campaigns.state.open" : "campaigns.state.closed")}
						</span>
					</p>
					{campaign.state === "closed" ? (
						<div className="alert alert-warning" data-testid="campaign-closed">
							<p>{t("campaigns.closedNotice")}</p>
							{campaign.closedAt ? (
								<p>
									{t("campaigns.state.closedAt", {
										at: dateTime(campaign.closedAt),
										by: campaign.closedBy ?? "",
									})}
								</p>
							) : null}
							{campaign.closeReason ? (
								<p>{t("campaigns.closeReasonShown", { reason: campaign.closeReason })}</p>
							) : null}
						</div>
					) : null}
					{detail.mine.map((mine) => (
						<p key={mine.respondentId} className="campaign-mine">
							<Link to={responsePath(mine.respondentId)}>
								{mine.submittedAt
									? t("campaigns.mine.submitted", { unit: mine.unitName })
									: t("campaigns.mine.open", {
											unit: mine.unitName,
											open: mine.assigned - mine.answered,
											assigned: mine.assigned,
										})}
							</Link>
						</p>
					))}
					{rates ? (
						<>
							<h2>{t("campaigns.rates.total")}</h2>
							<p data-testid="campaign-total">
								{t("campaigns.rates.summary", {
									response: rateText(rates.total.responseRate),
									compliance: rateText(rates.total.complianceRate),
								})}
							</p>
							<h2 id="rates-units">{t("campaigns.rates.units")}</h2>
							<div className="table-wrap">
								<table className="table" aria-labelledby="rates-units">
									<thead>
										<tr>
											<th scope="col">{t("campaigns.col.unit")}</th>
											<th scope="col">{t("campaigns.col.submitted")}</th>
											<th scope="col">{t("campaigns.col.response")}</th>
											<th scope="col">{t("campaigns.col.compliance")}</th>
											<th scope="col">{t("campaigns.col.signOff")}</th>
										</tr>
									</thead>
									<tbody>
										{rates.units.map((u) => (
											<tr key={u.unitId} data-testid={`unit-${u.unitName}`}>
												<th scope="row">{u.unitName}</th>
												<td>
													{u.submitted} / {u.respondents}
												</td>
												<td>{rateText(u.responseRate)}</td>
												<td>{rateText(u.complianceRate)}</td>
												<td>
													{u.signedOffAt ? (
														<>
															{t("campaigns.signedOff", {
																at: dateTime(u.signedOffAt),
																by: u.signedOffBy ?? "",
															})}
															{u.signOffNote ? <div>{u.signOffNote}</div> : null}
														</>
													) : u.maySignOff ? (
														<button
															type="button"
															className="button"
															onClick={() => setSigning(u.unitId)}
														>
															{t("campaigns.signOff.open")}
														</button>
													) : (
														t("campaigns.notSignedOff")
													)}
												</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
							{detail.unanswered.length > 0 ? (
								<>
									<h2 id="rates-unanswered">{t("campaigns.unanswered.title")}</h2>
									<p className="hint">{t("campaigns.unanswered.lead")}</p>
									<div className="table-wrap">
										<table
											className="table"
											aria-labelledby="rates-unanswered"
											data-testid="campaign-unanswered"
										>
											<thead>
												<tr>
													<th scope="col">{t("campaigns.col.unit")}</th>
													<th scope="col">{t("campaigns.col.respondent")}</th>
													<th scope="col">{t("campaigns.col.status")}</th>
												</tr>
											</thead>
											<tbody>
												{detail.unanswered.map((r) => (
													<tr key={r.respondentId}>
														<td>{r.unitName}</td>
														<th scope="row">{r.name}</th>
														<td>
															{t("campaigns.unanswered.status", {
																answered: r.answered,
																assigned: r.assigned,
															})}
														</td>
													</tr>
												))}
											</tbody>
										</table>
									</div>
								</>
							) : null}
							<h2 id="rates-departments">{t("campaigns.rates.departments")}</h2>
							<div className="table-wrap">
								<table className="table" aria-labelledby="rates-departments">
									<thead>
										<tr>
											<th scope="col">{t("campaigns.col.department")}</th>
											<th scope="col">{t("campaigns.col.response")}</th>
											<th scope="col">{t("campaigns.col.compliance")}</th>
										</tr>
									</thead>
									<tbody>
										{rates.departments.map((d) => (
											<tr key={d.departmentId}>
												<th scope="row">{d.departmentName}</th>
												<td>{rateText(d.responseRate)}</td>
												<td>{rateText(d.complianceRate)}</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
							<h2 id="rates-clauses">{t("campaigns.rates.clauses")}</h2>
							<div className="table-wrap">
								<table className="table" aria-labelledby="rates-clauses">
									<thead>
										<tr>
											<th scope="col">{t("campaigns.col.clause")}</th>
											<th scope="col">{t("campaigns.col.response")}</th>
											<th scope="col">{t("campaigns.col.compliance")}</th>
											<th scope="col">{t("campaigns.col.no")}</th>
										</tr>
									</thead>
									<tbody>
										{rates.clauses.map((c) => (
											<tr key={c.clause}>
												<th scope="row">{c.clause}</th>
												<td>{rateText(c.responseRate)}</td>
												<td>{rateText(c.complianceRate)}</td>
												<td>{c.no}</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
							<h2 id="rates-heat">{t("campaigns.rates.heat")}</h2>
							<p className="hint">{t("campaigns.rates.heatHint")}</p>
							<div className="table-wrap">
								<table className="table campaign-heat" aria-labelledby="rates-heat">
									<thead>
										<tr>
											<th scope="col">{t("campaigns.col.unit")}</th>
											{clauses.map((clause) => (
												<th key={clause} scope="col">
													{clause}
												</th>
											))}
										</tr>
									</thead>
									<tbody>
										{rates.units.map((u) => (
											<tr key={u.unitId}>
												<th scope="row">{unitName.get(u.unitId)}</th>
												{clauses.map((clause) => {
													const c = cell.get(`${u.unitId}|${clause}`);
													const band = heatBand(c?.complianceRate ?? null);
													return (
														<td key={clause} className={`heat heat-${band}`}>
															{rateText(c?.complianceRate)}
														</td>
													);
												})}
											</tr>
										))}
									</tbody>
								</table>
							</div>
						</>
					) : null}
				</>
			) : null}
			{closing && detail ? (
				<CloseCampaignDialog
					detail={detail}
					today={japanDate(new Date())}
					onClose={(closed) => {
						setClosing(false);
						if (closed) setDetail(closed);
					}}
				/>
			) : null}
			{signing ? (
				<SignOffDialog
					campaignId={id}
					unitId={signing}
					onClose={(signed) => {
						setSigning(null);
						if (signed) void load();
					}}
				/>
			) : null}
		</section>
	);
}
