import type { Queryable } from "../../db/queryable.ts";
import type {
	WebhookDeliveryTable,
	WebhookEventTable,
	WebhookSubscriptionTable,
} from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type SubscriptionRow = WebhookSubscriptionTable;
export type WebhookEventRow = WebhookEventTable;
export type DeliveryRow = WebhookDeliveryTable;

export async function insertSubscription(tx: Tx, row: SubscriptionRow): Promise<void> {
	await tx.insertInto("webhook_subscriptions").values(row).execute();
}

export function findSubscription(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("webhook_subscriptions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("deleted_at", "is", null)
		.executeTakeFirst();
}

/** Any subscription, removed ones too (a delivery's). */
export function findAnySubscription(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("webhook_subscriptions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function listSubscriptions(db: Queryable, tenantId: string) {
	return db
		.selectFrom("webhook_subscriptions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("deleted_at", "is", null)
		.orderBy("created_at")
		.orderBy("id")
		.execute();
}

export function enabledSubscriptions(db: Queryable, tenantId: string) {
	return db
		.selectFrom("webhook_subscriptions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("deleted_at", "is", null)
		.where("enabled", "=", true)
		.execute();
}

/** Change a subscription if it is still at `version`; false when someone changed it first. */
export async function updateSubscription(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<SubscriptionRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("webhook_subscriptions")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.where("deleted_at", "is", null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Insert an event unless its dedupe key was seen in the tenant; whether it was inserted. */
export async function insertEvent(tx: Tx, row: WebhookEventRow): Promise<boolean> {
	const result = await tx
		.insertInto("webhook_events")
		.values(row)
		.onConflict((oc) => oc.columns(["tenant_id", "dedupe_key"]).doNothing())
		.returning("id")
		.execute();
	return result.length === 1;
}

export function findEvent(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("webhook_events")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function insertDeliveries(tx: Tx, rows: readonly DeliveryRow[]): Promise<void> {
	if (rows.length > 0)
		await tx
			.insertInto("webhook_deliveries")
			.values([...rows])
			.execute();
}

export function findDelivery(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("webhook_deliveries")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export async function updateDelivery(
	db: Queryable,
	tenantId: string,
	id: string,
	patch: Partial<DeliveryRow>,
): Promise<void> {
	await db
		.updateTable("webhook_deliveries")
		.set(patch)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/** A page of deliveries, newest first, of one subscription or all, and how many in all. */
export async function listDeliveries(
	db: Queryable,
	tenantId: string,
	filter: { subscriptionId?: string | undefined; status?: string | undefined },
	page: { offset: number; limit: number },
) {
	let base = db.selectFrom("webhook_deliveries").where("tenant_id", "=", tenantId);
	if (filter.subscriptionId) base = base.where("subscription_id", "=", filter.subscriptionId);
	if (filter.status) base = base.where("status", "=", filter.status);
	const [rows, counted] = await Promise.all([
		base
			.selectAll()
			.orderBy("created_at", "desc")
			.orderBy("id", "desc")
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

/** The URLs of some subscriptions (removed ones too), by id. */
export async function subscriptionUrls(
	db: Queryable,
	tenantId: string,
	ids: readonly string[],
): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom("webhook_subscriptions")
		.select(["id", "url"])
		.where("tenant_id", "=", tenantId)
		.where("id", "in", [...ids])
		.execute();
	return new Map(rows.map((row) => [row.id, row.url]));
}

/**
 * Delete the tenant's delivered and failed deliveries queued before `before`, then the events
 * no delivery points at any more, unless a sweep needs their dedupe key to emit once. Pending
 * deliveries stay whatever their age. Returns how many deliveries went.
 */
export async function deleteSettledDeliveries(
	tx: Tx,
	tenantId: string,
	before: string,
): Promise<number> {
	const deleted = await tx
		.deleteFrom("webhook_deliveries")
		.where("tenant_id", "=", tenantId)
		.where("created_at", "<", before)
		.where("status", "in", ["delivered", "failed"])
		.executeTakeFirst();
	await tx
		.deleteFrom("webhook_events")
		.where("tenant_id", "=", tenantId)
		.where("created_at", "<", before)
		.where("dedupe_key", "is", null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom("webhook_deliveries")
						.select("webhook_deliveries.id")
						.whereRef("webhook_deliveries.event_id", "=", "webhook_events.id"),
				),
			),
		)
		.execute();
	return Number(deleted.numDeletedRows);
}
