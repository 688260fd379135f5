import type { Queryable } from "../../db/queryable.ts";
import type { SocialMediaAccountTable, SocialMediaReviewTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type SocialAccountRow = SocialMediaAccountTable;
export type SocialReviewRow = SocialMediaReviewTable;

/** What a list may be narrowed by; `unitIds` is the caller's scope (undefined: every unit). */
export interface SocialAccountFilter {
	state?: string | undefined;
	dormant?: boolean | undefined;
	orgUnitId?: string | undefined;
	unitIds?: readonly string[] | undefined;
}

export async function insertSocialAccount(tx: Tx, row: SocialAccountRow): Promise<void> {
	await tx.insertInto("social_media_accounts").values(row).execute();
}

export function findSocialAccount(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("social_media_accounts")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Change an account if it is still at `version`; false when someone changed it first. */
export async function updateSocialAccount(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<SocialAccountRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("social_media_accounts")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A page of accounts, newest first, and how many match in all. */
export async function listSocialAccounts(
	db: Queryable,
	tenantId: string,
	filter: SocialAccountFilter,
	page: { offset: number; limit: number },
) {
	let base = db.selectFrom("social_media_accounts").where("tenant_id", "=", tenantId);
	if (filter.state) base = base.where("state", "=", filter.state);
	if (filter.dormant === true) base = base.where("dormant_since", "is not", null);
	if (filter.dormant === false) base = base.where("dormant_since", "is", null);
	if (filter.orgUnitId) base = base.where("org_unit_id", "=", filter.orgUnitId);
	if (filter.unitIds !== undefined) {
		if (filter.unitIds.length === 0) return { rows: [], total: 0 };
		base = base.where("org_unit_id", "in", [...filter.unitIds]);
	}
	const [rows, counted] = await Promise.all([
		base
			.selectAll()
			.orderBy("created_at", "desc")
			.orderBy("id")
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

/** Approved or suspended accounts not yet flagged 休眠 (candidates of the daily job). */
export function unflaggedLiveAccounts(db: Queryable, tenantId: string) {
	return db
		.selectFrom("social_media_accounts")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("state", "in", ["approved", "suspended"])
		.where("dormant_since", "is", null)
		.orderBy("created_at")
		.orderBy("id")
		.execute();
}

export async function insertSocialReview(tx: Tx, row: SocialReviewRow): Promise<void> {
	await tx.insertInto("social_media_reviews").values(row).execute();
}

/** The reviews of one account, newest first. */
export function reviewsOf(db: Queryable, tenantId: string, accountId: string) {
	return db
		.selectFrom("social_media_reviews")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.orderBy("reviewed_on", "desc")
		.orderBy("created_at", "desc")
		.execute();
}
