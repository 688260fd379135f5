import { useCallback, useEffect, useState } from "react";
import { formatFiscalYear } from "../../../shared/dates.ts";
import { api, call } from "../../api/client.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useDates } from "../../i18n/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Link, navigate } from "../../router.tsx";
import { OpenCampaignDialog } from "./OpenCampaignDialog.tsx";
import { type CampaignList, campaignPath, responsePath } from "./types.ts";
import "./campaigns.css";

/** Self-inspection campaigns the caller takes part in, with their own items to answer first. */
export function CampaignsPage() {
	const { t, lang } = useI18n();
	const { date } = useDates();
	const [list, setList] = useState<CampaignList | null>(null);
	const [error, setError] = useState<unknown>(null);
	const [opening, setOpening] = useState(false);

	const load = useCallback(async () => {
		try {
			setList(await call(api.GET("/api/assurance/campaigns")));
			setError(null);
		} catch (failure) {
			setError(failure);
		}
	}, []);
	useEffect(() => {
		void load();
	}, [load]);

	const manage = list?.allowedActions.includes("assurance_campaign.manage") ?? false;
	const fiscal = (year: number) =>
		lang === "ja"
			? `${formatFiscalYear(year, "wareki")}（${formatFiscalYear(year, "seireki")}）`
			: formatFiscalYear(year, "seireki", "en");

	return (
		<section className="page">
			<div className="page-header">
				<h1>{t("campaigns.title")}</h1>
				{manage ? (
					<button type="button" className="button button-primary" onClick={() => setOpening(true)}>
						{t("campaigns.open")}
					</button>
				) : null}
			</div>
			<p className="lead">{t("campaigns.lead")}</p>
			<ErrorAlert error={error} />
			{list && list.items.length === 0 ? (
				<EmptyState
					testId="campaigns-empty"
					title={t("campaigns.emptyTitle")}
					guidance={t("campaigns.emptyGuidance")}
					action="assurance_campaign.manage"
				/>
			) : null}
			<ul className="campaign-cards">
				{list?.items.map((item) => (
					<li key={item.id} className="card campaign-card">
						<h2>
							<Link to={campaignPath(item.id)}>{item.title}</Link>
						</h2>
						<p className="campaign-meta">
							{fiscal(item.fiscalYear)} ・ {t("campaigns.dueOn", { date: date(item.dueOn) })} ・{" "}
							{t(item.state === "open" ? "campaigns.state.open" : "campaigns.state.closed")}
						</p>
						{item.mine.map((mine) => (
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
					</li>
				))}
			</ul>
			{opening ? (
				<OpenCampaignDialog
					onClose={(id) => {
						setOpening(false);
						if (id) navigate(campaignPath(id));
					}}
				/>
			) : null}
		</section>
	);
}
