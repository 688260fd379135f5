import type { Queryable } from "../../../db/queryable.ts";
import type { PolicyReviewTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";

export async function insertReview(tx: Tx, row: PolicyReviewTable): Promise<void> {
	await tx.insertInto("policy_reviews").values(row).execute();
}

export function findReview(
	db: Queryable,
	tenantId: string,
	id: string,
): Promise<PolicyReviewTable | undefined> {
	return db
		.selectFrom("policy_reviews")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findReviewBySchedule(
	db: Queryable,
	tenantId: string,
	scheduleKey: string,
): Promise<PolicyReviewTable | undefined> {
	return db
		.selectFrom("policy_reviews")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("schedule_key", "=", scheduleKey)
		.executeTakeFirst();
}

/** Newest fiscal year first, then newest opened. */
export function listReviews(db: Queryable, tenantId: string): Promise<PolicyReviewTable[]> {
	return db
		.selectFrom("policy_reviews")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("fiscal_year", "desc")
		.orderBy("created_at", "desc")
		.limit(200)
		.execute();
}

export async function updateReview(
	tx: Tx,
	tenantId: string,
	id: string,
	changes: Partial<Omit<PolicyReviewTable, "id" | "tenant_id">>,
): Promise<void> {
	await tx
		.updateTable("policy_reviews")
		.set(changes)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/** When the tenant's last review before `before` (an instant) was decided, or null for none. */
export async function previousDecisionAt(
	db: Queryable,
	tenantId: string,
	before: string,
): Promise<string | null> {
	const row = await db
		.selectFrom("policy_reviews")
		.select("decided_at")
		.where("tenant_id", "=", tenantId)
		.where("status", "=", "decided")
		.where("decided_at", "<", before)
		.orderBy("decided_at", "desc")
		.limit(1)
		.executeTakeFirst();
	return row?.decided_at ?? null;
}
