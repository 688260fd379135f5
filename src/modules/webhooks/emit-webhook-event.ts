import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import {
	DELIVERY_ATTEMPTS,
	type WebhookEventData,
	type WebhookEventType,
	webhookBody,
} from "./webhook-events.ts";
import {
	type DeliveryRow,
	enabledSubscriptions,
	insertDeliveries,
	insertEvent,
	type SubscriptionRow,
} from "./webhooks.repository.ts";

/** The scheduler's job that sends one delivery; declared in webhooks.jobs.ts. */
export const DELIVER_JOB = "webhooks.deliver";

/** An id for the webhook-id header: `msg_` and 32 hex digits. */
export function newEventId(): string {
	return `msg_${randomUUID().replaceAll("-", "")}`;
}

function subscribesTo(row: SubscriptionRow, type: string): boolean {
	try {
		const types = JSON.parse(row.event_types) as unknown;
		return Array.isArray(types) && types.includes(type);
	} catch {
		return false;
	}
}

/**
 * Queue deliveries of one stored event to `subscriptions`, each sent by a job of the scheduler.
 * Runs in the caller's transaction.
 */
export async function queueDeliveries(
	tx: Tx,
	tenantId: string,
	event: { id: string; type: string },
	subscriptions: readonly SubscriptionRow[],
	at: Date,
): Promise<DeliveryRow[]> {
	const now = at.toISOString();
	const rows: DeliveryRow[] = subscriptions.map((subscription) => ({
		id: randomUUID(),
		tenant_id: tenantId,
		subscription_id: subscription.id,
		event_id: event.id,
		event_type: event.type,
		status: "pending",
		attempts: 0,
		max_attempts: DELIVERY_ATTEMPTS,
		last_status: null,
		last_error: null,
		next_attempt_at: now,
		delivered_at: null,
		created_at: now,
		updated_at: now,
	}));
	await insertDeliveries(tx, rows);
	for (const row of rows) {
		await enqueueJob(tx, {
			name: DELIVER_JOB,
			tenantId,
			payload: { deliveryId: row.id },
			dueAt: at,
			maxAttempts: DELIVERY_ATTEMPTS,
		});
	}
	return rows;
}

/**
 * The outbox of webhooks: the emitting module calls this in the transaction of its change, so an
 * event exists exactly when the change commits; the scheduler then sends it to every enabled
 * subscription of the tenant to its type. Nothing is stored when nobody subscribes. With
 * `dedupeKey`, an occurrence that a daily sweep sees again is emitted once. Returns how many
 * deliveries were queued.
 *
 * @example
 * await emitWebhookEvent(tx, tenantId, "incident.opened", { incidentId, reference, source });
 */
export async function emitWebhookEvent<T extends WebhookEventType>(
	tx: Tx,
	tenantId: string,
	type: T,
	data: WebhookEventData[T],
	options: { dedupeKey?: string; at?: Date } = {},
): Promise<number> {
	const subscribers = (await enabledSubscriptions(tx, tenantId)).filter((row) =>
		subscribesTo(row, type),
	);
	if (subscribers.length === 0) return 0;
	const at = options.at ?? new Date();
	const event = { id: newEventId(), type };
	const stored = await insertEvent(tx, {
		id: event.id,
		tenant_id: tenantId,
		type,
		body: webhookBody(type, at, data),
		dedupe_key: options.dedupeKey ?? null,
		created_at: at.toISOString(),
	});
	if (!stored) return 0;
	return (await queueDeliveries(tx, tenantId, event, subscribers, at)).length;
}
