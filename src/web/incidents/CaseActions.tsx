import { useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import type { Incident, IncidentOptions } from "./labels.ts";
import { type CaseAction, TransitionDialog } from "./TransitionDialog.tsx";
import { TriageDialog } from "./TriageDialog.tsx";

const MOVES: readonly CaseAction[] = ["contain", "recover", "close", "reject"];

/** The case's buttons, as `allowedActions` permits: triage, then contain → recover → close, or reject. */
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
	const [open, setOpen] = useState<"triage" | CaseAction | null>(null);
	const may = (action: string) => incident.allowedActions.includes(`incident.${action}`);
	const moves = MOVES.filter(may);
	const triage = may("triage") && options !== null;
	if (!triage && moves.length === 0) return null;
	const close = (saved?: Incident) => {
		setOpen(null);
		if (saved) onChanged(saved);
	};
	return (
		<div className="button-row" data-testid="incident-actions">
			{triage ? (
				<button
					type="button"
					className={incident.state === "reported" ? "button button-primary" : "button"}
					onClick={() => setOpen("triage")}
				>
					{t(
						incident.state === "reported" ? "incidents.action.triage" : "incidents.action.retriage",
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
			{open !== null && open !== "triage" ? (
				<TransitionDialog incident={incident} action={open} onClose={close} />
			) : null}
		</div>
	);
}
