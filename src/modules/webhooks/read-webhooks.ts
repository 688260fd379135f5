import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { WEBHOOK_EVENT_TYPES } from "./webhook-events.ts";
import { webhooksPolicy } from "./webhooks.policy.ts";
import {
	type DeliveryRow,
	listDeliveries,
	listSubscriptions,
	type SubscriptionRow,
	subscriptionUrls,
} from "./webhooks.repository.ts";
import type { DeliveryView, deliveryQuerySchema, SubscriptionView } from "./webhooks.schemas.ts";

/** A subscription as the API shows it; the secret only when it was just made. */
export function presentSubscription(
	actor: Actor,
	row: SubscriptionRow,
	secret?: string,
): SubscriptionView {
	return {
		id: row.id,
		url: row.url,
		description: row.description,
		eventTypes: JSON.parse(row.event_types) as string[],
		enabled: Boolean(row.enabled),
		version: Number(row.version),
		createdBy: row.created_by_label,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		...(secret ? { secret } : {}),
		allowedActions: allowedActions(actor, webhooksPolicy, ["webhook.manage"]),
	};
}

/** The tenant's subscriptions, oldest first, with the event types one may subscribe to. */
export async function readSubscriptions(db: Queryable, actor: Actor) {
	authorize(actor, webhooksPolicy, "webhook.read");
	const rows = await listSubscriptions(db, actor.tenantId);
	return {
		items: rows.map((row) => presentSubscription(actor, row)),
		eventTypes: [...WEBHOOK_EVENT_TYPES],
		allowedActions: allowedActions(actor, webhooksPolicy),
	};
}

function presentDelivery(row: DeliveryRow, urls: Map<string, string>): DeliveryView {
	return {
		id: row.id,
		subscriptionId: row.subscription_id,
		url: urls.get(row.subscription_id) ?? "",
		eventId: row.event_id,
		eventType: row.event_type,
		status: row.status as DeliveryView["status"],
		attempts: Number(row.attempts),
		maxAttempts: Number(row.max_attempts),
		lastStatus: row.last_status === null ? null : Number(row.last_status),
		lastError: row.last_error,
		nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
		deliveredAt: row.delivered_at,
		createdAt: row.created_at,
	};
}

/** Deliveries, newest first, with their outcome: status, attempts, last error, next attempt. */
export async function readDeliveries(
	db: Queryable,
	actor: Actor,
	query: z.infer<typeof deliveryQuerySchema>,
) {
	authorize(actor, webhooksPolicy, "webhook.read");
	const page = await listDeliveries(
		db,
		actor.tenantId,
		{ subscriptionId: query.subscriptionId, status: query.status },
		{ offset: query.offset, limit: query.limit },
	);
	const urls = await subscriptionUrls(db, actor.tenantId, [
		...new Set(page.rows.map((row) => row.subscription_id)),
	]);
	return {
		items: page.rows.map((row) => presentDelivery(row, urls)),
		total: page.total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(actor, webhooksPolicy),
	};
}
