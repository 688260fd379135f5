/**
 * The events another system can subscribe to, and the version of the body they are sent in
 * (docs/webhooks.md). A type is never renamed; a change of a body's shape is a new version.
 */
export const WEBHOOK_EVENT_TYPES = [
	"incident.opened",
	"incident.escalated",
	"finding.overdue",
	"exception.lapsing",
	"exception.lapsed",
	"take_out.overdue",
	"mail.held",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "send a test event" of one subscription. */
export const TEST_EVENT_TYPE = "webhook.test";

export const PAYLOAD_VERSION = 1;

/** Attempts of one delivery before it is kept as failed (backoff: 30 s doubling, at most 1 h). */
export const DELIVERY_ATTEMPTS = 6;

/** Data of each event: ids and references to look up through the API, no personal data. */
export interface WebhookEventData {
	"incident.opened": { incidentId: string; reference: string; source: string };
	"incident.escalated": { incidentId: string; reference: string; severity: number };
	"finding.overdue": { findingId: string; reference: string; dueOn: string };
	"exception.lapsing": { exceptionId: string; reference: string; endsOn: string };
	"exception.lapsed": { exceptionId: string; reference: string; endsOn: string };
	"take_out.overdue": { takeOutId: string; assetId: string; untilDate: string };
	"mail.held": { messageId: string; reason: string; receivedAt: string; heldAt: string };
}

/** The JSON body of a delivery, as the Standard Webhooks specification suggests it. */
export function webhookBody(type: string, at: Date, data: unknown): string {
	return JSON.stringify({ type, timestamp: at.toISOString(), version: PAYLOAD_VERSION, data });
}
