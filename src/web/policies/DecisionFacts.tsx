import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { PolicyVersionSummary } from "./types.ts";

/** The 施行日 and the decision (決裁番号 or 委員会決定日) a published version was recorded with. */
export function DecisionFacts({ version }: { version: PolicyVersionSummary }) {
	const { t } = useI18n();
	// Calendar days, written the tenant's way like every date of the UI.
	const { date } = useDates();
	if (!version.effectiveOn) return null;
	return (
		<dl className="details decision-facts">
			<dt>{t("adoption.effectiveOn")}</dt>
			<dd>{date(version.effectiveOn)}</dd>
			{version.committeeDecidedOn ? (
				<>
					<dt>{t("adoption.committeeDecidedOn")}</dt>
					<dd>{date(version.committeeDecidedOn)}</dd>
				</>
			) : null}
			{version.decisionNumber ? (
				<>
					<dt>{t("adoption.decisionNumber")}</dt>
					<dd>{version.decisionNumber}</dd>
				</>
			) : null}
		</dl>
	);
}
