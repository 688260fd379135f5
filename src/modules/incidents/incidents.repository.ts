import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { IncidentEventTable, IncidentFilingTable, IncidentTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type IncidentRow = IncidentTable;

export function findIncident(
	db: Queryable,
	tenantId: string,
	id: string,
): Promise<IncidentRow | undefined> {
	return db
		.selectFrom("incidents")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** The case a system opened for what it calls `ref` (`incidents.source_ref`), if any. */
export function findIncidentBySourceRef(
	db: Queryable,
	tenantId: string,
	ref: string,
): Promise<IncidentRow | undefined> {
	return db
		.selectFrom("incidents")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("source_ref", "=", ref)
		.executeTakeFirst();
}

/**
 * The next reference number of a tenant's fiscal year. The counter row's update takes its lock
 * on PostgreSQL, so two reports at once get two numbers; SQLite writers are serialised already.
 */
export async function nextIncidentNumber(
	tx: Tx,
	tenantId: string,
	fiscalYear: number,
): Promise<number> {
	await tx
		.insertInto("incident_counters")
		.values({ tenant_id: tenantId, fiscal_year: fiscalYear, last_number: 0 })
		.onConflict((oc) => oc.columns(["tenant_id", "fiscal_year"]).doNothing())
		.execute();
	const row = await tx
		.updateTable("incident_counters")
		.set((eb) => ({ last_number: eb("last_number", "+", 1) }))
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "=", fiscalYear)
		.returning("last_number")
		.executeTakeFirstOrThrow();
	return Number(row.last_number);
}

export async function insertIncident(tx: Tx, row: IncidentRow): Promise<void> {
	await tx.insertInto("incidents").values(row).execute();
}

/** Apply a change if the case is still at `version`; false when someone changed it first. */
export async function updateIncidentRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<IncidentRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("incidents")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Mark the case as touched (a note, a filing) without changing its facts. The update also takes
 * the case's row lock on PostgreSQL, so timeline numbers are handed out one at a time.
 */
export async function touchIncident(tx: Tx, tenantId: string, id: string, at: string) {
	await tx
		.updateTable("incidents")
		.set({ updated_at: at })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.execute();
}

/** Append to a case's timeline; call after the case row was updated in the same transaction. */
export async function appendIncidentEvent(
	tx: Tx,
	event: Omit<IncidentEventTable, "id" | "seq" | "data"> & { data: Record<string, unknown> },
): Promise<IncidentEventTable> {
	const last = await tx
		.selectFrom("incident_events")
		.select((eb) => eb.fn.max("seq").as("seq"))
		.where("incident_id", "=", event.incident_id)
		.executeTakeFirst();
	const row: IncidentEventTable = {
		...event,
		id: randomUUID(),
		seq: Number(last?.seq ?? 0) + 1,
		data: JSON.stringify(event.data),
	};
	await tx.insertInto("incident_events").values(row).execute();
	return row;
}

export function listIncidentEvents(db: Queryable, tenantId: string, incidentId: string) {
	return db
		.selectFrom("incident_events")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.orderBy("seq")
		.execute();
}

/**
 * Replace the units a case concerns with exactly `unitIds` (the case must exist), and keep their
 * number on the case for the year's figures.
 */
export async function replaceIncidentUnits(
	tx: Tx,
	tenantId: string,
	incidentId: string,
	unitIds: readonly string[],
): Promise<void> {
	await tx
		.deleteFrom("incident_units")
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.execute();
	await tx
		.updateTable("incidents")
		.set({ unit_count: unitIds.length })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", incidentId)
		.execute();
	if (unitIds.length === 0) return;
	// Each link keeps the case's report time, for the figures of a fiscal year per unit.
	const { created_at } = await tx
		.selectFrom("incidents")
		.select("created_at")
		.where("tenant_id", "=", tenantId)
		.where("id", "=", incidentId)
		.executeTakeFirstOrThrow();
	await tx
		.insertInto("incident_units")
		.values(
			unitIds.map((id) => ({
				tenant_id: tenantId,
				incident_id: incidentId,
				org_unit_id: id,
				reported_at: created_at,
			})),
		)
		.execute();
}

/** Replace a case's asset links with exactly `assetIds`. */
export async function replaceIncidentAssets(
	tx: Tx,
	tenantId: string,
	incidentId: string,
	assetIds: readonly string[],
): Promise<void> {
	await tx
		.deleteFrom("incident_assets")
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.execute();
	if (assetIds.length === 0) return;
	await tx
		.insertInto("incident_assets")
		.values(assetIds.map((id) => ({ tenant_id: tenantId, incident_id: incidentId, asset_id: id })))
		.execute();
}

/** The ids of the units a case concerns. */
export async function incidentUnitIds(
	db: Queryable,
	tenantId: string,
	incidentId: string,
): Promise<string[]> {
	const rows = await db
		.selectFrom("incident_units")
		.select("org_unit_id")
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.execute();
	return rows.map((row) => row.org_unit_id);
}

/** The units a case concerns, in code order. */
export function incidentUnits(db: Queryable, tenantId: string, incidentId: string) {
	return db
		.selectFrom("incident_units")
		.innerJoin("org_units", "org_units.id", "incident_units.org_unit_id")
		.select(["org_units.id", "org_units.code", "org_units.name"])
		.where("incident_units.tenant_id", "=", tenantId)
		.where("incident_units.incident_id", "=", incidentId)
		.orderBy("org_units.code")
		.execute();
}

/** The ledger assets linked to a case, in code order. */
export function incidentAssets(db: Queryable, tenantId: string, incidentId: string) {
	return db
		.selectFrom("incident_assets")
		.innerJoin("assets", "assets.id", "incident_assets.asset_id")
		.select(["assets.id", "assets.code", "assets.name", "assets.kind", "assets.owner_unit_id"])
		.where("incident_assets.tenant_id", "=", tenantId)
		.where("incident_assets.incident_id", "=", incidentId)
		.orderBy("assets.code")
		.execute();
}

export function listIncidentFilings(db: Queryable, tenantId: string, incidentId: string) {
	return db
		.selectFrom("incident_filings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "=", incidentId)
		.orderBy("filed_on")
		.orderBy("recorded_at")
		.execute();
}

export async function insertIncidentFiling(tx: Tx, row: IncidentFilingTable): Promise<void> {
	await tx.insertInto("incident_filings").values(row).execute();
}

/** The filings of several cases at once (a page of the case list): which stages were filed. */
export function listFilingsOf(db: Queryable, tenantId: string, incidentIds: readonly string[]) {
	if (incidentIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("incident_filings")
		.select(["incident_id", "obligation_code", "stage"])
		.where("tenant_id", "=", tenantId)
		.where("incident_id", "in", [...incidentIds])
		.execute();
}
