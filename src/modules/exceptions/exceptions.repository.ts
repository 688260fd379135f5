import type { Queryable } from "../../db/queryable.ts";
import type { ExceptionNoticeTable, ExceptionTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type ExceptionRow = ExceptionTable;
export type ExceptionNoticeRow = ExceptionNoticeTable;

/** What a list may be narrowed by; `unitIds` is the caller's scope (undefined: every unit). */
export interface ExceptionListFilter {
	state?: string | undefined;
	fiscalYear?: number | undefined;
	orgUnitId?: string | undefined;
	unitIds?: readonly string[] | undefined;
}

/**
 * The next reference number of a tenant's fiscal year. The counter row's update takes its lock
 * on PostgreSQL, so two requests at once get two numbers; SQLite writers are serialised already.
 */
export async function nextExceptionNumber(
	tx: Tx,
	tenantId: string,
	fiscalYear: number,
): Promise<number> {
	await tx
		.insertInto("exception_counters")
		.values({ tenant_id: tenantId, fiscal_year: fiscalYear, last_number: 0 })
		.onConflict((oc) => oc.columns(["tenant_id", "fiscal_year"]).doNothing())
		.execute();
	const row = await tx
		.updateTable("exception_counters")
		.set((eb) => ({ last_number: eb("last_number", "+", 1) }))
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.returning("last_number")
		.executeTakeFirstOrThrow();
	return Number(row.last_number);
}

export async function insertException(tx: Tx, row: ExceptionRow): Promise<void> {
	await tx.insertInto("exceptions").values(row).execute();
}

export function findException(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("exceptions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Change an exception if it is still at `version`; false when someone changed it first. */
export async function updateException(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<ExceptionRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("exceptions")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A page of exceptions, newest first, and how many match in all. */
export async function listExceptions(
	db: Queryable,
	tenantId: string,
	filter: ExceptionListFilter,
	page: { offset: number; limit: number },
) {
	let base = db.selectFrom("exceptions").where("tenant_id", "=", tenantId);
	if (filter.state) base = base.where("state", "=", filter.state);
	if (filter.fiscalYear !== undefined) base = base.where("fiscal_year", "=", filter.fiscalYear);
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

/** The approved exceptions whose period holds `today` (a Japan date). */
export function exceptionsInForce(db: Queryable, tenantId: string, today: string) {
	return db
		.selectFrom("exceptions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("state", "=", "approved")
		.where("starts_on", "<=", today)
		.where("ends_on", ">=", today)
		.orderBy("reference")
		.execute();
}

/** Approved exceptions ending on or before `until`, earliest end first (for the daily job). */
export function approvedEndingBy(db: Queryable, tenantId: string, until: string) {
	return db
		.selectFrom("exceptions")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("state", "=", "approved")
		.where("ends_on", "<=", until)
		.orderBy("ends_on")
		.orderBy("id")
		.execute();
}

/** Lock an exception's row on PostgreSQL for the rest of the transaction. */
export async function lockException(tx: Tx, tenantId: string, id: string): Promise<void> {
	await tx
		.updateTable("exceptions")
		.set((eb) => ({ version: eb.ref("version") }))
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

export async function insertExceptionNotices(
	tx: Tx,
	rows: readonly ExceptionNoticeRow[],
): Promise<void> {
	if (rows.length > 0)
		await tx
			.insertInto("exception_notices")
			.values([...rows])
			.execute();
}

export function findExceptionNotice(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("exception_notices")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/**
 * The reminders of one person still standing on `today`: the exception is still approved, with
 * the end date it was told of, not yet past (a withdrawal or a lapse ends it). Earliest end first.
 */
export function standingNoticesOf(
	db: Queryable,
	tenantId: string,
	accountId: string,
	today: string,
	limit: number,
) {
	return db
		.selectFrom("exception_notices")
		.innerJoin("exceptions", (join) =>
			join
				.onRef("exceptions.id", "=", "exception_notices.exception_id")
				.onRef("exceptions.tenant_id", "=", "exception_notices.tenant_id"),
		)
		.select([
			"exception_notices.id",
			"exception_notices.exception_id",
			"exception_notices.reason",
			"exception_notices.ends_on",
			"exception_notices.notified_at",
			"exceptions.reference",
			"exceptions.clause",
			"exceptions.org_unit_id",
		])
		.where("exception_notices.tenant_id", "=", tenantId)
		.where("exception_notices.account_id", "=", accountId)
		.where("exceptions.state", "=", "approved")
		.whereRef("exceptions.ends_on", "=", "exception_notices.ends_on")
		.where("exception_notices.ends_on", ">=", today)
		.orderBy("exception_notices.ends_on")
		.orderBy("exceptions.reference")
		.limit(limit)
		.execute();
}

export async function markNoticeMailed(
	tx: Tx,
	tenantId: string,
	id: string,
	at: string,
): Promise<void> {
	await tx
		.updateTable("exception_notices")
		.set({ mailed_at: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}
