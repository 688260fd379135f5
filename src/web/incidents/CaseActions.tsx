import { useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "../router.tsx";
import type { Incident, IncidentOptions } from "./labels.ts";
import { RaiseRiskDialog, type RiskLink } from "./RaiseRiskDialog.tsx";
import { type CaseAction, TransitionDialog } from "./TransitionDialog.tsx";
import { TriageDialog } from "./TriageDialog.tsx";

const MOVES: readonly CaseAction[] = ["contain", "recover", "close", "reject"];

/**
 * The case's buttons, as `allowedActions` permits: triage, then contain → recover → close, or
 * reject; and, from any case but a rejected one, a risk entered in the register from it.
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
	const [raised, setRaised] = useState<{ id: string; title: string } | null>(null);
	const may = (action: string) => incident.allowedActions.includes(`incident.${action}`);
	const moves = MOVES.filter(may);
	const triage = may("triage") && options !== null;
	const raise = may("raise_risk");
	if (!triage && moves.length === 0 && !raise) return null;
	const close = (saved?: Incident) => {
		setOpen(null);
		if (saved) onChanged(saved);
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
			{raised ? (
				<p role="status" data-testid="incident-risk-raised">
					{t("incidents.raiseRisk.done", { title: raised.title })}{" "}
					<Link to={`/risks/${raised.id}`}>{t("incidents.raiseRisk.open")}</Link>
				</p>
			) : null}
		</>
	);
}
