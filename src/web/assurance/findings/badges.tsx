import { useI18n } from "../../i18n/i18n.tsx";
import { severityKey, stateKey } from "./types.ts";

const STATE_CLASS: Record<string, string> = {
	open: "badge badge-warn",
	action_planned: "badge",
	done: "badge badge-warn",
	verified: "badge badge-ok",
	accepted_as_risk: "badge badge-muted",
};

const SEVERITY_CLASS: Record<string, string> = {
	major: "badge badge-danger",
	moderate: "badge badge-warn",
	minor: "badge badge-muted",
};

/** A finding's state in the shared words, coloured by how much it asks of someone. */
export function StateBadge({ state, testId }: { state: string; testId?: string }) {
	const { t } = useI18n();
	return (
		<span className={STATE_CLASS[state] ?? "badge"} data-testid={testId}>
			{t(stateKey(state))}
		</span>
	);
}

export function SeverityBadge({ severity }: { severity: string }) {
	const { t } = useI18n();
	return <span className={SEVERITY_CLASS[severity] ?? "badge"}>{t(severityKey(severity))}</span>;
}

export function OverdueBadge() {
	const { t } = useI18n();
	return <span className="badge badge-danger">{t("findings.overdueBadge")}</span>;
}
