import { termMessages, type VocabularyLang } from "../../../shared/vocabulary.ts";

/**
 * The words for states and kinds, from the one vocabulary shared with the server's exports
 * (src/shared/vocabulary.ts), under the keys the screens use.
 */
function messages(lang: VocabularyLang) {
	return {
		...termMessages("assets.kind", "assetKind", lang),
		...termMessages("assets.zone", "assetZone", lang),
		...termMessages("assets.personal", "personalData", lang),
		...termMessages("assets.lifecycle", "lifecycle", lang),
		...termMessages("custody.lifecycle", "lifecycle", lang),
		...termMessages("custody.takeOut.status", "takeOutStatus", lang),
		...termMessages("custody.disposal.status", "disposalStatus", lang),
		...termMessages("custody.method", "disposalMethod", lang),
		...termMessages("risks.treatment", "riskTreatment", lang),
		...termMessages("risks.status", "riskStatus", lang),
		...termMessages("risks.band", "riskBand", lang),
		...termMessages("docs.status", "documentStatus", lang),
		...termMessages("gap.status", "gapStatus", lang),
		...termMessages("review.status", "reviewStatus", lang),
		...termMessages("mail.status", "mailStatus", lang),
		...termMessages("mail.requestStatus", "releaseStatus", lang),
		...termMessages("mail.category", "mailCategory", lang),
		...termMessages("org.roster.status", "rosterStatus", lang),
		...termMessages("network.tier", "networkTier", lang),
		...termMessages("secureAreas.level", "secureAreaLevel", lang),
		...termMessages("secureAreas.flag", "secureAreaFlag", lang),
		...termMessages("network.gatewayKind", "gatewayKind", lang),
		...termMessages("network.field", "networkControl", lang),
		...termMessages("pack.safeguard", "networkSafeguard", lang),
		...termMessages("pack.model", "networkModel", lang),
		...termMessages("checklists.kind", "checklistKind", lang),
		...termMessages("checklists.answerer", "checklistAnswerer", lang),
		...termMessages("checklists.scale", "checklistScale", lang),
		...termMessages("findings.state", "findingState", lang),
		...termMessages("findings.severity", "findingSeverity", lang),
		...termMessages("findings.source", "findingSource", lang),
		...termMessages("audits.state", "auditState", lang),
		...termMessages("audits.kind", "auditKind", lang),
		...termMessages("audits.result", "auditResult", lang),
	};
}

export const vocabularyJa = messages("ja");
export const vocabularyEn = messages("en");
