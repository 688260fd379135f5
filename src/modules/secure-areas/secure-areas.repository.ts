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
 * areas (index secure_area_entries_flagged).
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
		.where("flagged", "=", true)
		.where("entry_day", ">=", from)
		.where("entry_day", "<=", to)
		.where("area_id", "in", areaIds)
		.orderBy("entry_day")
		.orderBy("entered_at")
		.execute();
}

/** Insert many entries; batches keep within each engine's limit on bound parameters. */
export async function insertEntries(tx: Tx, rows: readonly EntryRow[]): Promise<void> {
	for (let i = 0; i < rows.length; i += 1_000)
		await tx
			.insertInto("secure_area_entries")
			.values(rows.slice(i, i + 1_000))
			.execute();
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
