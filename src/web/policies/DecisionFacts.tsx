import { date, startOfJapanDay } from "../i18n/dates.ts";
import { type Lang, useI18n } from "../i18n/i18n.tsx";
import type { PolicyVersionSummary } from "./types.ts";

/** A calendar day (`YYYY-MM-DD`) written as the UI writes every date. */
function calendarDay(day: string, lang: Lang): string {
	return date(startOfJapanDay(day), lang);
}

/** The 施行日 and the decision (決裁番号 or 委員会決定日) a published version was recorded with. */
export function DecisionFacts({ version }: { version: PolicyVersionSummary }) {
	const { t, lang } = useI18n();
	if (!version.effectiveOn) return null;
	return (
		<dl className="details decision-facts">
			<dt>{t("adoption.effectiveOn")}</dt>
			<dd>{calendarDay(version.effectiveOn, lang)}</dd>
			{version.committeeDecidedOn ? (
				<>
					<dt>{t("adoption.committeeDecidedOn")}</dt>
					<dd>{calendarDay(version.committeeDecidedOn, lang)}</dd>
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
