import type { Queryable } from "../../../db/queryable.ts";
import type {
	DrillFollowUpTable,
	DrillParticipantTable,
	DrillTable,
	DrillUnitTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import type { DrillQuery } from "./drills.schemas.ts";

export type DrillRow = DrillTable;
export type ParticipantRow = DrillParticipantTable;
export type FollowUpRow = DrillFollowUpTable;

export async function insertDrill(tx: Tx, row: DrillRow): Promise<void> {
	await tx.insertInto("drills").values(row).execute();
}

export function findDrill(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("drills")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/**
 * Change a drill if nobody changed it since `version` was read; the version moves on by one.
 * Returns whether it was changed.
 */
export async function updateDrill(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<DrillRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("drills")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A page of the tenant's drills, latest planned first, and how many match in all. */
export async function listDrills(db: Queryable, tenantId: string, query: DrillQuery) {
	let base = db.selectFrom("drills").where("tenant_id", "=", tenantId);
	if (query.state) base = base.where("state", "=", query.state);
	if (query.fiscalYear !== undefined) base = base.where("fiscal_year", "=", query.fiscalYear);
	const [rows, counted] = await Promise.all([
		base
			.selectAll()
			.orderBy("planned_on", "desc")
			.orderBy("created_at", "desc")
			.orderBy("id")
			.offset(query.offset)
			.limit(query.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

/** Every drill of a fiscal year, earliest first. */
export function drillsOfYear(db: Queryable, tenantId: string, fiscalYear: number) {
	return db
		.selectFrom("drills")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.orderBy("planned_on")
		.orderBy("id")
		.execute();
}

export async function insertDrillUnits(
	tx: Tx,
	tenantId: string,
	drillId: string,
	unitIds: readonly string[],
): Promise<void> {
	if (unitIds.length === 0) return;
	const rows: DrillUnitTable[] = unitIds.map((org_unit_id) => ({
		tenant_id: tenantId,
		drill_id: drillId,
		org_unit_id,
	}));
	await tx.insertInto("drill_units").values(rows).execute();
}

export function drillUnits(db: Queryable, tenantId: string, drillIds: readonly string[]) {
	if (drillIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("drill_units")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("drill_id", "in", [...drillIds])
		.execute();
}

export async function insertParticipants(tx: Tx, rows: readonly ParticipantRow[]): Promise<void> {
	if (rows.length > 0)
		await tx
			.insertInto("drill_participants")
			.values([...rows])
			.execute();
}

export function drillParticipants(db: Queryable, tenantId: string, drillIds: readonly string[]) {
	if (drillIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("drill_participants")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("drill_id", "in", [...drillIds])
		.orderBy("drill_id")
		.orderBy("position")
		.execute();
}

export async function insertFollowUps(tx: Tx, rows: readonly FollowUpRow[]): Promise<void> {
	if (rows.length > 0)
		await tx
			.insertInto("drill_follow_ups")
			.values([...rows])
			.execute();
}

export function drillFollowUps(db: Queryable, tenantId: string, drillIds: readonly string[]) {
	if (drillIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("drill_follow_ups")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("drill_id", "in", [...drillIds])
		.orderBy("drill_id")
		.orderBy("position")
		.execute();
}
