import { NETWORK_ISSUE_TEXT, type NetworkIssueCode } from "../../../shared/network-issues.ts";

/** Why a network model or firewall export is refused: one catalogue shared with the CLI (src/shared/network-issues.ts). */
type NetworkIssueMessages = { [Code in NetworkIssueCode as `networkIssue.${Code}`]: string };

function messages(lang: "ja" | "en"): NetworkIssueMessages {
	return Object.fromEntries(
		Object.entries(NETWORK_ISSUE_TEXT).map(([code, text]) => [`networkIssue.${code}`, text[lang]]),
	) as NetworkIssueMessages;
}

export const networkIssuesJa = messages("ja");
export const networkIssuesEn = messages("en");
