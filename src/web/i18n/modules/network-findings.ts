import { NETWORK_FINDING_TEXT, type NetworkFindingCode } from "../../../shared/network-findings.ts";

/**
 * What the three-tier check found and what to change: one catalogue shared with the PDF, XLSX
 * and terminal reports (src/shared/network-findings.ts). Fill it with `findingWords` of the
 * violation's parameters, which words the vocabulary codes they carry.
 */
type NetworkFindingMessages = {
	[Code in NetworkFindingCode as
		| `networkFinding.message.${Code}`
		| `networkFinding.remedy.${Code}`]: string;
};

function messages(lang: "ja" | "en"): NetworkFindingMessages {
	return Object.fromEntries(
		Object.entries(NETWORK_FINDING_TEXT).flatMap(([code, text]) => [
			[`networkFinding.message.${code}`, text.message[lang]],
			[`networkFinding.remedy.${code}`, text.remedy[lang]],
		]),
	) as NetworkFindingMessages;
}

export const networkFindingsJa = messages("ja");
export const networkFindingsEn = messages("en");
