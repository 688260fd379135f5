import type { networkTermsJa } from "./network-terms.ja.ts";

/** English messages of the network check's findings shown in policy terms. */
export const networkTermsEn: Record<keyof typeof networkTermsJa, string> = {
	"network.finding.technical": "Technical details",
	"network.finding.technicalRule": "Rule id: {rule}",
	"network.finding.technicalSubject": "Subject id: {id}",
	"network.finding.technicalFields": "Pack and layout fields: {fields}",
	"network.finding.flow": "Flow {source} → {destination}",
	"network.finding.element": "{name}",
};
