import type {
	HeldReasonCode,
	SanitizeReasonCode,
} from "../../../modules/sanitize/sanitize.contract.ts";
import { HELD_REASON_TEXT, SANITIZE_REASON_TEXT } from "../../../shared/mail-reasons.ts";

type ReasonTexts = { [Code in SanitizeReasonCode as `mail.reason.${Code}`]: string } & {
	[Code in HeldReasonCode as `mail.held.${Code}`]: string;
};

/**
 * Why the sanitising gateway treated an attachment or held a message as it did: one catalogue
 * shared with the notice written into delivered mail (src/shared/mail-reasons.ts). `{category}`
 * is shown by its label (画像, PDF…).
 */
function messages(lang: "ja" | "en"): ReasonTexts {
	return Object.fromEntries([
		...Object.entries(SANITIZE_REASON_TEXT).map(([code, text]) => [
			`mail.reason.${code}`,
			text[lang],
		]),
		...Object.entries(HELD_REASON_TEXT).map(([code, text]) => [`mail.held.${code}`, text[lang]]),
	]) as ReasonTexts;
}

export const mailReasonsJa = messages("ja");
export const mailReasonsEn = messages("en");
