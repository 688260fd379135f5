import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { type AllowedHost, targetAllowed } from "../../shared/allowed-hosts.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import type { SecretBox } from "../auth/secret-box.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { newEventId, queueDeliveries } from "./emit-webhook-event.ts";
import { TEST_EVENT_TYPE, webhookBody } from "./webhook-events.ts";
import {
	hostNotAllowed,
	staleSubscription,
	subscriptionNotFound,
	urlRefused,
} from "./webhook-problems.ts";
import { newSigningSecret } from "./webhook-signing.ts";
import { webhooksPolicy } from "./webhooks.policy.ts";
import {
	findSubscription,
	insertEvent,
	insertSubscription,
	type SubscriptionRow,
	updateSubscription,
} from "./webhooks.repository.ts";
import type { ChangeSubscriptionInput, CreateSubscriptionInput } from "./webhooks.schemas.ts";

/** What managing subscriptions needs of the instance: its allow-list and its secret box. */
export interface WebhookDesk {
	actor: Actor;
	allowList: readonly AllowedHost[];
	secrets: SecretBox;
}

/** A target URL the instance allows, normalised; refused naming the host otherwise. */
export function allowedTarget(allowList: readonly AllowedHost[], raw: string): string {
	const url = new URL(raw);
	if (url.protocol !== "http:" && url.protocol !== "https:")
		throw urlRefused("webhook_url_not_http");
	if (url.username || url.password) throw urlRefused("webhook_url_has_credentials");
	if (!targetAllowed(allowList, url)) throw hostNotAllowed(url.host);
	url.hash = "";
	return url.toString();
}

export function snapshotOf(
	row: Pick<SubscriptionRow, "url" | "description" | "event_types" | "enabled">,
) {
	return {
		url: row.url,
		description: row.description,
		eventTypes: JSON.parse(row.event_types) as string[],
		enabled: Boolean(row.enabled),
	};
}

/**
 * Subscribe a URL to events. The signing secret is generated here, kept sealed, and returned
 * once in the clear for the receiver's configuration.
 *
 * @throws Problem `validation_failed` (`webhook_host_not_allowed` with the host, …)
 * @example
 * const { row, secret } = await inTransaction(db, (tx) => subscribe(tx, desk, input));
 */
export async function subscribe(
	tx: Tx,
	desk: WebhookDesk,
	input: CreateSubscriptionInput,
	now: Date = new Date(),
): Promise<{ row: SubscriptionRow; secret: string }> {
	authorize(desk.actor, webhooksPolicy, "webhook.manage");
	const url = allowedTarget(desk.allowList, input.url);
	const secret = newSigningSecret();
	const at = now.toISOString();
	const row: SubscriptionRow = {
		id: randomUUID(),
		tenant_id: desk.actor.tenantId,
		url,
		description: input.description,
		event_types: JSON.stringify(input.eventTypes),
		secret_sealed: desk.secrets.seal(secret),
		enabled: true,
		created_by: desk.actor.accountId,
		created_by_label: desk.actor.label,
		version: 1,
		created_at: at,
		updated_at: at,
		deleted_at: null,
	};
	await insertSubscription(tx, row);
	await recordAudit(tx, auditContextOf(desk.actor), "webhook.subscribed", snapshotOf(row), {
		recordType: "webhook_subscription",
		recordId: row.id,
	});
	return { row, secret };
}

async function current(tx: Tx, desk: WebhookDesk, id: string): Promise<SubscriptionRow> {
	authorize(desk.actor, webhooksPolicy, "webhook.manage");
	const row = await findSubscription(tx, desk.actor.tenantId, id);
	if (!row) throw subscriptionNotFound();
	return row;
}

async function write(
	tx: Tx,
	desk: WebhookDesk,
	row: SubscriptionRow,
	version: number,
	patch: Partial<SubscriptionRow>,
): Promise<SubscriptionRow> {
	if (!(await updateSubscription(tx, desk.actor.tenantId, row.id, version, patch))) {
		throw staleSubscription();
	}
	return { ...row, ...patch, version: version + 1 };
}

/** Change the URL, description, events or whether it is enabled. */
export async function changeSubscription(
	tx: Tx,
	desk: WebhookDesk,
	id: string,
	input: ChangeSubscriptionInput,
	now: Date = new Date(),
): Promise<SubscriptionRow> {
	const row = await current(tx, desk, id);
	const url = allowedTarget(desk.allowList, input.url);
	const changed = await write(tx, desk, row, input.version, {
		url,
		description: input.description,
		event_types: JSON.stringify(input.eventTypes),
		enabled: input.enabled,
		updated_at: now.toISOString(),
	});
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"webhook.changed",
		{ before: snapshotOf(row), after: snapshotOf(changed) },
		{ recordType: "webhook_subscription", recordId: row.id },
	);
	return changed;
}

/** A new signing secret, shown once; the old one signs nothing from now on. */
export async function rotateSecret(
	tx: Tx,
	desk: WebhookDesk,
	id: string,
	version: number,
	now: Date = new Date(),
): Promise<{ row: SubscriptionRow; secret: string }> {
	const row = await current(tx, desk, id);
	const secret = newSigningSecret();
	const changed = await write(tx, desk, row, version, {
		secret_sealed: desk.secrets.seal(secret),
		updated_at: now.toISOString(),
	});
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"webhook.secret_rotated",
		{ url: row.url },
		{ recordType: "webhook_subscription", recordId: row.id },
	);
	return { row: changed, secret };
}

/** Unsubscribe: nothing more is sent; its past deliveries stay listed. */
export async function unsubscribe(
	tx: Tx,
	desk: WebhookDesk,
	id: string,
	version: number,
	now: Date = new Date(),
): Promise<void> {
	const row = await current(tx, desk, id);
	const at = now.toISOString();
	await write(tx, desk, row, version, { enabled: false, deleted_at: at, updated_at: at });
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"webhook.unsubscribed",
		{ url: row.url },
		{ recordType: "webhook_subscription", recordId: row.id },
	);
}

/**
 * Queue a `webhook.test` event to this subscription alone (enabled or not), sent by the
 * scheduler like any other. Returns the delivery's id.
 */
export async function sendTestEvent(
	tx: Tx,
	desk: WebhookDesk,
	id: string,
	now: Date = new Date(),
): Promise<string> {
	const row = await current(tx, desk, id);
	allowedTarget(desk.allowList, row.url);
	const event = { id: newEventId(), type: TEST_EVENT_TYPE };
	await insertEvent(tx, {
		id: event.id,
		tenant_id: row.tenant_id,
		type: event.type,
		body: webhookBody(event.type, now, { subscriptionId: row.id }),
		dedupe_key: null,
		created_at: now.toISOString(),
	});
	const [delivery] = await queueDeliveries(tx, row.tenant_id, event, [row], now);
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"webhook.test_sent",
		{ url: row.url, eventId: event.id },
		{ recordType: "webhook_subscription", recordId: row.id },
	);
	return delivery?.id ?? "";
}
