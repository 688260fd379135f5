import type { AppDeps } from "../../deps.ts";
import { jobBackoffSeconds } from "../../platform/jobs/schedule.ts";
import { sendWebhook } from "./send-webhook.ts";
import { signedHeaders } from "./webhook-signing.ts";
import {
	type DeliveryRow,
	findAnySubscription,
	findDelivery,
	findEvent,
	updateDelivery,
} from "./webhooks.repository.ts";

export type DeliveryOutcome = "delivered" | "retry" | "failed" | "skipped";

/** A failed attempt that will be tried again: its job throws this, so the scheduler backs off. */
export class DeliveryRetry extends Error {}

/**
 * One attempt of the job `webhooks.deliver`: sign the event's body with the subscription's secret
 * (a fresh timestamp each attempt, the same webhook-id), POST it, and record the outcome on the
 * delivery. A failure before the last attempt throws `DeliveryRetry`, and the scheduler runs the
 * job again after its backoff; after the last, or when the instance does not allow the target,
 * the delivery is kept as failed with its error.
 *
 * @example
 * await deliverWebhook(runtime, tenantId, deliveryId, job.attempt);
 */
export async function deliverWebhook(
	deps: Pick<AppDeps, "db" | "config" | "secrets">,
	tenantId: string,
	deliveryId: string,
	attempt: number,
): Promise<DeliveryOutcome> {
	const delivery = await findDelivery(deps.db, tenantId, deliveryId);
	if (delivery?.status !== "pending") return "skipped";
	const [subscription, event] = await Promise.all([
		findAnySubscription(deps.db, tenantId, delivery.subscription_id),
		findEvent(deps.db, tenantId, delivery.event_id),
	]);
	const record = (patch: Partial<DeliveryRow>) =>
		updateDelivery(deps.db, tenantId, delivery.id, {
			...patch,
			attempts: attempt,
			updated_at: new Date().toISOString(),
		});
	if (!subscription || !event || subscription.deleted_at) {
		await record({ status: "failed", last_error: "unsubscribed", next_attempt_at: null });
		return "failed";
	}
	const sentAt = new Date();
	const headers = signedHeaders(
		deps.secrets.open(subscription.secret_sealed),
		event.id,
		sentAt,
		event.body,
	);
	const outcome = await sendWebhook(
		deps.config.webhookAllowedHosts,
		subscription.url,
		{ ...headers },
		event.body,
	);
	if (outcome.ok) {
		await record({
			status: "delivered",
			last_status: outcome.status,
			last_error: null,
			next_attempt_at: null,
			delivered_at: new Date().toISOString(),
		});
		return "delivered";
	}
	const error = (outcome.error ?? "failed").slice(0, 1000);
	if (outcome.permanent || attempt >= delivery.max_attempts) {
		await record({
			status: "failed",
			last_status: outcome.status,
			last_error: error,
			next_attempt_at: null,
		});
		return "failed";
	}
	// The scheduler's backoff for this attempt (run-due.ts), shown as the next attempt.
	const next = new Date(Date.now() + jobBackoffSeconds(attempt) * 1000).toISOString();
	await record({ last_status: outcome.status, last_error: error, next_attempt_at: next });
	throw new DeliveryRetry(`webhook delivery ${delivery.id}: ${error}`);
}
