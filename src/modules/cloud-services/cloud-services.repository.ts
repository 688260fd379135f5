import type { Queryable } from "../../db/queryable.ts";
import type { CloudServiceTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type CloudServiceRow = CloudServiceTable;

/** What a list may be narrowed by. */
export interface CloudServiceFilter {
	state?: string | undefined;
	kind?: string | undefined;
	orgUnitId?: string | undefined;
	flagged?: boolean | undefined;
	/** Part of the number, name or provider. */
	q?: string | undefined;
}

export async function insertCloudServices(tx: Tx, rows: readonly CloudServiceRow[]): Promise<void> {
	for (let i = 0; i < rows.length; i += 200)
		await tx
			.insertInto("cloud_services")
			.values(rows.slice(i, i + 200))
			.execute();
}

export function findCloudService(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("cloud_services")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findByCode(db: Queryable, tenantId: string, code: string) {
	return db
		.selectFrom("cloud_services")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("code", "=", code)
		.executeTakeFirst();
}

export function findByCodes(db: Queryable, tenantId: string, codes: readonly string[]) {
	if (codes.length === 0) return Promise.resolve([]);
	return db
		.selectFrom("cloud_services")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("code", "in", [...codes])
		.execute();
}

/** Change a service if it is still at `version`; false when someone changed it first. */
export async function updateCloudService(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<CloudServiceRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("cloud_services")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

function filtered(db: Queryable, tenantId: string, filter: CloudServiceFilter) {
	let base = db.selectFrom("cloud_services").where("tenant_id", "=", tenantId);
	if (filter.state) base = base.where("state", "=", filter.state);
	if (filter.kind) base = base.where("kind", "=", filter.kind);
	if (filter.orgUnitId) base = base.where("org_unit_id", "=", filter.orgUnitId);
	if (filter.flagged !== undefined) base = base.where("flagged", "=", filter.flagged ? 1 : 0);
	if (filter.q) {
		const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		base = base.where((eb) =>
			eb.or([eb("code", "like", like), eb("name", "like", like), eb("provider", "like", like)]),
		);
	}
	return base;
}

/** A page of services in number order, and how many match in all. */
export async function listCloudServices(
	db: Queryable,
	tenantId: string,
	filter: CloudServiceFilter,
	page: { offset: number; limit: number },
) {
	const base = filtered(db, tenantId, filter);
	const [rows, counted] = await Promise.all([
		base.selectAll().orderBy("code").offset(page.offset).limit(page.limit).execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

/** Every service under the filter in number order (for the export). */
export function allCloudServices(
	db: Queryable,
	tenantId: string,
	filter: CloudServiceFilter,
	max: number,
) {
	return filtered(db, tenantId, filter).selectAll().orderBy("code").limit(max).execute();
}

/** Services under approval (approved, in use) whose review date is on or before `until`. */
export function reviewsDueBy(db: Queryable, tenantId: string, until: string) {
	return db
		.selectFrom("cloud_services")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("state", "in", ["approved", "in_use"])
		.where("next_review_on", "<=", until)
		.orderBy("next_review_on")
		.orderBy("id")
		.execute();
}

/** Every service not closed (for recomputing flags when the day or the pack changes). */
export function openServices(db: Queryable, tenantId: string) {
	return db
		.selectFrom("cloud_services")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("state", "not in", ["retired", "refused"])
		.execute();
}
