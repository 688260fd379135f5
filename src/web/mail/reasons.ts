import type { I18n } from "../i18n/i18n.tsx";
import type { MailMessage, MailMessageDetail } from "./types.ts";

/** Parameters whose values are codes, shown by their labels (`category: "pdf"` → PDF). */
function labelled(params: Record<string, string | number>, label: I18n["label"]) {
	const out = { ...params };
	if (typeof out.category === "string") out.category = label("mail.category", out.category);
	return out;
}

/**
 * Why the gateway did what it did to an attachment, from the catalogue; a report stored before
 * reasons had codes keeps its stored English words.
 */
export function attachmentReasonText(
	attachment: MailMessageDetail["attachments"][number],
	label: I18n["label"],
): string {
	if (!attachment.reasonCode) return attachment.reason;
	return label("mail.reason", attachment.reasonCode, labelled(attachment.reasonParams, label));
}

/** Why a message was held, from the catalogue; a message held before codes keeps its words. */
export function heldReasonText(message: MailMessage, label: I18n["label"]): string | null {
	if (!message.heldReasonCode) return message.heldReason;
	return label("mail.held", message.heldReasonCode, labelled(message.heldReasonParams, label));
}
