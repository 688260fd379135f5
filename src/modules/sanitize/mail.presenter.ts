import type { z } from "@hono/zod-openapi";
import type { MailListRow } from "./mail.repository.ts";
import type { mailMessageSchema, releaseRequestSchema } from "./mail.schemas.ts";
import type { ReleaseRequestRow } from "./release/release.repository.ts";
import type { SanitizeReport } from "./sanitize.contract.ts";
import { HELD_REASON_CODES, type HeldReasonCode } from "./sanitize.contract.ts";

type MailMessage = z.infer<typeof mailMessageSchema>;
type ReleaseRequest = z.infer<typeof releaseRequestSchema>;

export function reportOf(row: { report: string | null }): SanitizeReport | null {
	return row.report ? (JSON.parse(row.report) as SanitizeReport) : null;
}

/** A message for lists: envelope, status, no content. */
/** A stored held code the API knows, else null (the stored English words are shown). */
function heldCodeOf(code: string | null): HeldReasonCode | null {
	return code !== null && (HELD_REASON_CODES as readonly string[]).includes(code)
		? (code as HeldReasonCode)
		: null;
}

export function presentMessage(row: MailListRow): MailMessage {
	return {
		id: row.id,
		from: row.envelope_from,
		to: JSON.parse(row.envelope_to) as string[],
		subject: row.subject,
		size: Number(row.size),
		receivedAt: row.received_at,
		status: row.status as MailMessage["status"],
		attempts: Number(row.attempts),
		heldReason: row.held_reason,
		heldReasonCode: heldCodeOf(row.held_reason_code),
		heldReasonParams: row.held_reason_params
			? (JSON.parse(row.held_reason_params) as Record<string, string | number>)
			: {},
		deliveredAt: row.delivered_at,
		attachmentCount: reportOf(row)?.attachments.length ?? 0,
	};
}

export function presentReleaseRequest(
	row: ReleaseRequestRow & { subject?: string | null; envelope_from?: string | null },
	mayDecide: boolean,
): ReleaseRequest {
	return {
		id: row.id,
		messageId: row.message_id,
		subject: row.subject ?? null,
		from: row.envelope_from ?? null,
		attachmentIndex: Number(row.attachment_index),
		filename: row.filename,
		category: row.category,
		sha256: row.sha256,
		requestedBy: row.requested_by,
		recipient: row.recipient,
		reason: row.reason,
		status: row.status as ReleaseRequest["status"],
		decidedBy: row.decided_by,
		decisionReason: row.decision_reason,
		decidedAt: row.decided_at,
		deliveryMode: row.delivery_mode as ReleaseRequest["deliveryMode"],
		deliveredAt: row.delivered_at,
		createdAt: row.created_at,
		allowedActions: !mayDecide
			? []
			: row.status === "pending"
				? ["decide"]
				: row.status === "approved" && !row.delivered_at
					? ["resend"]
					: [],
	};
}
