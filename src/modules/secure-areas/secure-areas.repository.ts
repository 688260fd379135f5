import { PostgresAdapter, sql } from "kysely";
import type { Queryable } from "../../db/queryable.ts";
import type {
	SecureAreaEntryTable,
	SecureAreaPermitTable,
	SecureAreaTable,
} from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { japanDate } from "../../shared/dates.ts";

export type AreaRow = SecureAreaTable;
export type PermitRow = SecureAreaPermitTable;
export type EntryRow = SecureAreaEntryTable;

export function listAreaRows(db: Queryable, tenantId: string, managerStaffIds?: readonly string[]) {
	let query = db.selectFrom("secure_areas").selectAll().where("tenant_id", "=", tenantId);
	if (managerStaffIds) {
		if (managerStaffIds.length === 0) return Promise.resolve([] as AreaRow[]);
		query = query.where("manager_staff_id", "in", managerStaffIds);
	}
	return query.orderBy("code").execute();
}

export function findAreaRow(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("secure_areas")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findAreaByCode(db: Queryable, tenantId: string, code: string) {
	return db
		.selectFrom("secure_areas")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("code", "=", code)
		.executeTakeFirst();
}

export async function insertArea(tx: Tx, row: AreaRow): Promise<void> {
	await tx.insertInto("secure_areas").values(row).execute();
}

/** Update at `version`; false when someone changed the area since it was read. */
export async function updateArea(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<AreaRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("secure_areas")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export function permitsOf(db: Queryable, tenantId: string, areaIds: readonly string[]) {
	if (areaIds.length === 0) return Promise.resolve([] as PermitRow[]);
	return db
		.selectFrom("secure_area_permits")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("area_id", "in", areaIds)
		.execute();
}

/** Per area: how many permits and located assets. */
export async function areaCounts(db: Queryable, tenantId: string) {
	const [permits, assets] = await Promise.all([
		db
			.selectFrom("secure_area_permits")
			.select(["area_id", (eb) => eb.fn.countAll<string>().as("n")])
			.where("tenant_id", "=", tenantId)
			.groupBy("area_id")
			.execute(),
		db
			.selectFrom("secure_area_assets")
			.select(["area_id", (eb) => eb.fn.countAll<string>().as("n")])
			.where("tenant_id", "=", tenantId)
			.groupBy("area_id")
			.execute(),
	]);
	return {
		permits: new Map(permits.map((row) => [row.area_id, Number(row.n)])),
		assets: new Map(assets.map((row) => [row.area_id, Number(row.n)])),
	};
}

export function findEntryRow(db: Queryable, tenantId: string, areaId: string, id: string) {
	return db
		.selectFrom("secure_area_entries")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("area_id", "=", areaId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** A day's entries of one area, in order of entry (index secure_area_entries_day). */
export function entriesOfDay(db: Queryable, tenantId: string, areaId: string, day: string) {
	return db
		.selectFrom("secure_area_entries")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("area_id", "=", areaId)
		.where("entry_day", "=", day)
		.orderBy("entered_at")
		.orderBy("id")
		.execute();
}

/**
 * Flagged entries (a refusal, or no exit yet) whose Japan day lies in [from, to], of the given
 * areas, through the partial index secure_area_entries_flagged: the condition is written as its
 * predicate (`flagged`, not `flagged = ?`) so that both engines' planners match the two.
 */
export function flaggedEntries(
	db: Queryable,
	tenantId: string,
	areaIds: readonly string[],
	from: string,
	to: string,
) {
	if (areaIds.length === 0) return Promise.resolve([] as EntryRow[]);
	return db
		.selectFrom("secure_area_entries")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where(sql<boolean>`flagged`)
		.where("entry_day", ">=", from)
		.where("entry_day", "<=", to)
		.where("area_id", "in", areaIds)
		.orderBy("entry_day")
		.orderBy("entered_at")
		.execute();
}

const ENTRY_COLUMNS = [
	["id", "text"],
	["tenant_id", "text"],
	["area_id", "text"],
	["staff_id", "text"],
	["visitor_name", "text"],
	["visitor_organisation", "text"],
	["escort_staff_id", "text"],
	["person_key", "text"],
	["entered_at", "timestamptz"],
	["exited_at", "timestamptz"],
	["entry_day", "text"],
	["refusal", "text"],
	["flagged", "boolean"],
	["source", "text"],
	["recorded_by", "text"],
	["created_at", "timestamptz"],
] as const satisfies readonly (readonly [keyof EntryRow, string])[];

/** Rows per statement on PostgreSQL: one array per column, so no parameter limit to mind. */
const PG_BATCH = 10_000;
/** Rows per multi-row INSERT on SQLite: 16 columns × 1,000 within its 32,766 parameters. */
const SQLITE_BATCH = 1_000;

/**
 * Insert many entries. On PostgreSQL each batch is one `INSERT … SELECT FROM unnest(…)` with an
 * array per column: 16 parameters instead of 16 per row, which the server parses and plans once
 * (a card reader's 100,000 rows in ten statements). On SQLite, multi-row VALUES within its limit on
 * bound parameters.
 */
export async function insertEntries(tx: Tx, rows: readonly EntryRow[]): Promise<void> {
	if (tx.getExecutor().adapter instanceof PostgresAdapter) {
		for (let i = 0; i < rows.length; i += PG_BATCH) {
			const part = rows.slice(i, i + PG_BATCH);
			const arrays = ENTRY_COLUMNS.map(
				([column, type]) => sql`${part.map((row) => row[column])}::${sql.raw(type)}[]`,
			);
			await sql`insert into secure_area_entries (${sql.join(
				ENTRY_COLUMNS.map(([column]) => sql.ref(column)),
			)}) select * from unnest(${sql.join(arrays)})`.execute(tx);
		}
		return;
	}
	for (let i = 0; i < rows.length; i += SQLITE_BATCH)
		await tx
			.insertInto("secure_area_entries")
			.values(rows.slice(i, i + SQLITE_BATCH))
			.execute();
}

/** One area's entries of Japan days [from, to], in order of entry, at most `limit`. */
export function entriesBetween(
	db: Queryable,
	tenantId: string,
	areaId: string,
	from: string,
	to: string,
	limit: number,
) {
	return db
		.selectFrom("secure_area_entries")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("area_id", "=", areaId)
		.where("entry_day", ">=", from)
		.where("entry_day", "<=", to)
		.orderBy("entry_day")
		.orderBy("entered_at")
		.orderBy("id")
		.limit(limit)
		.execute();
}

/**
 * An entry of this person into the area at an instant in [from, to] (inclusive), if any; read
 * through the day index (the window may straddle midnight in Japan).
 */
export function nearbyEntry(
	db: Queryable,
	tenantId: string,
	areaId: string,
	personKey: string,
	from: Date,
	to: Date,
) {
	return db
		.selectFrom("secure_area_entries")
		.select(["id", "entered_at"])
		.where("tenant_id", "=", tenantId)
		.where("area_id", "=", areaId)
		.where("entry_day", ">=", japanDate(from))
		.where("entry_day", "<=", japanDate(to))
		.where("entered_at", ">=", from.toISOString())
		.where("entered_at", "<=", to.toISOString())
		.where("person_key", "=", personKey)
		.orderBy("entered_at")
		.limit(1)
		.executeTakeFirst();
}

/** The natural keys (`area|entered_at|person`) already logged for these areas in [from, to]. */
export async function loggedKeys(
	db: Queryable,
	tenantId: string,
	areaIds: readonly string[],
	from: string,
	to: string,
): Promise<Set<string>> {
	if (areaIds.length === 0) return new Set();
	const rows = await db
		.selectFrom("secure_area_entries")
		.select(["area_id", "entered_at", "person_key"])
		.where("tenant_id", "=", tenantId)
		.where("area_id", "in", areaIds)
		.where("entry_day", ">=", japanDate(new Date(from)))
		.where("entry_day", "<=", japanDate(new Date(to)))
		.where("entered_at", ">=", from)
		.where("entered_at", "<=", to)
		.execute();
	return new Set(rows.map((r) => entryKey(r.area_id, instantText(r.entered_at), r.person_key)));
}

export function entryKey(areaId: string, enteredAt: string, personKey: string): string {
	return `${areaId}|${enteredAt}|${personKey}`;
}

/** PostgreSQL hands timestamptz back as a Date; compare instants as ISO strings. */
export function instantText(value: string | Date): string {
	return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
