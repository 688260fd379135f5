import { useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import type { Incident, IncidentOptions } from "./labels.ts";
import { RaiseRiskDialog, type RiskLink } from "./RaiseRiskDialog.tsx";
import { RescoreRiskDialog } from "./RescoreRiskDialog.tsx";
import { type CaseAction, TransitionDialog } from "./TransitionDialog.tsx";
import { TriageDialog } from "./TriageDialog.tsx";

const MOVES: readonly CaseAction[] = ["contain", "recover", "close", "reject"];

/** The risks the case's timeline links to (raised from it or re-rated), by their latest title. */
function linkedRisks(incident: Incident): { id: string; title: string }[] {
	const byId = new Map<string, string>();
	for (const entry of incident.timeline) {
		if (entry.kind !== "risk_raised" && entry.kind !== "risk_rescored") continue;
		const { riskId, title } = entry.data;
		if (typeof riskId === "string") byId.set(riskId, typeof title === "string" ? title : "");
	}
	return [...byId].map(([id, title]) => ({ id, title }));
}

/**
 * The case's buttons, as `allowedActions` permits: triage, then contain → recover → close, or
 * reject; and, from any case but a rejected one, a risk entered in the register from it, and the
 * risks linked to it re-rated in its light.
 */
export function CaseActions({
	incident,
	options,
	onChanged,
}: {
	incident: Incident;
	options: IncidentOptions | null;
	onChanged(next: Incident): void;
}) {
	const { t } = useI18n();
	const [open, setOpen] = useState<"triage" | "risk" | CaseAction | null>(null);
	const [rescoring, setRescoring] = useState<string | null>(null);
	const [raised, setRaised] = useState<{ id: string; title: string } | null>(null);
	const may = (action: string) => incident.allowedActions.includes(`incident.${action}`);
	const moves = MOVES.filter(may);
	const triage = may("triage") && options !== null;
	const raise = may("raise_risk");
	const rescore = may("rescore_risk");
	const risks = linkedRisks(incident);
	if (!triage && moves.length === 0 && !raise && risks.length === 0) return null;
	const close = (saved?: Incident) => {
		setOpen(null);
		if (saved) onChanged(saved);
	};
	const rescored = (link?: RiskLink) => {
		setRescoring(null);
		if (link) onChanged(link.incident);
	};
	const linked = (link?: RiskLink) => {
		setOpen(null);
		if (!link) return;
		const entry = link.incident.timeline.at(-1);
		const title = typeof entry?.data.title === "string" ? entry.data.title : "";
		setRaised({ id: link.riskId, title });
		onChanged(link.incident);
	};
	return (
		<>
			<div className="button-row" data-testid="incident-actions">
				{triage ? (
					<button
						type="button"
						className={incident.state === "reported" ? "button button-primary" : "button"}
						onClick={() => setOpen("triage")}
					>
						{t(
							incident.state === "reported"
								? "incidents.action.triage"
								: "incidents.action.retriage",
						)}
					</button>
				) : null}
				{moves.map((action) => (
					<button
						key={action}
						type="button"
						className={action === "reject" ? "button button-danger" : "button"}
						onClick={() => setOpen(action)}
					>
						{t(`incidents.action.${action}`)}
					</button>
				))}
				{open === "triage" && options ? (
					<TriageDialog incident={incident} options={options} onClose={close} />
				) : null}
				{raise ? (
					<button type="button" className="button" onClick={() => setOpen("risk")}>
						{t("incidents.raiseRisk.action")}
					</button>
				) : null}
				{open !== null && open !== "triage" && open !== "risk" ? (
					<TransitionDialog incident={incident} action={open} onClose={close} />
				) : null}
				{open === "risk" ? <RaiseRiskDialog incident={incident} onClose={linked} /> : null}
			</div>
			{risks.length > 0 ? (
				<div data-testid="incident-linked-risks">
					<h3>{t("incidents.linkedRisks.title")}</h3>
					<ul className="plain-list">
						{risks.map((risk) => (
							<li key={risk.id}>
								<Link to={`/risks/${risk.id}`}>{risk.title || t("incidents.raiseRisk.open")}</Link>
								{rescore ? (
									<>
										{" "}
										<button
											type="button"
											className="button"
											aria-label={t("incidents.rescoreRisk.actionFor", { title: risk.title })}
											onClick={() => setRescoring(risk.id)}
										>
											{t("incidents.rescoreRisk.action")}
										</button>
									</>
								) : null}
							</li>
						))}
					</ul>
					{rescoring ? (
						<RescoreRiskDialog incident={incident} riskId={rescoring} onClose={rescored} />
					) : null}
				</div>
			) : null}
			{raised ? (
				<p role="status" data-testid="incident-risk-raised">
					{t("incidents.raiseRisk.done", { title: raised.title })}{" "}
					<Link to={`/risks/${raised.id}`}>{t("incidents.raiseRisk.open")}</Link>
				</p>
			) : null}
		</>
	);
}
