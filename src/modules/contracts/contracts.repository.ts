import type { Queryable } from "../../db/queryable.ts";
import type {
	ContractCheckTable,
	ContractorTable,
	ContractSubcontractTable,
	ContractTable,
} from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type ContractorRow = ContractorTable;
export type ContractRow = ContractTable;
export type SubcontractRow = ContractSubcontractTable;
export type CheckRow = ContractCheckTable;

/** The contract columns a list or a check reads: never the certificate's bytes. */
export const CONTRACT_COLUMNS = [
	"contracts.id",
	"contracts.tenant_id",
	"contracts.code",
	"contracts.title",
	"contracts.purpose",
	"contracts.contractor_id",
	"contracts.owner_unit_id",
	"contracts.starts_on",
	"contracts.ends_on",
	"contracts.clauses",
	"contracts.top_level",
	"contracts.gaps",
	"contracts.gap_count",
	"contracts.state",
	"contracts.end_kind",
	"contracts.ended_on",
	"contracts.end_note",
	"contracts.end_file_name",
	"contracts.end_media_type",
	"contracts.end_size",
	"contracts.end_sha256",
	"contracts.ended_by_label",
	"contracts.ended_at",
	"contracts.created_by_label",
	"contracts.version",
	"contracts.created_at",
	"contracts.updated_at",
] as const;
export type ContractHead = Omit<ContractRow, "end_content">;

export function findContractor(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("contractors")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findContractorByCode(db: Queryable, tenantId: string, code: string) {
	return db
		.selectFrom("contractors")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("code", "=", code)
		.executeTakeFirst();
}

export async function insertContractor(tx: Tx, row: ContractorRow): Promise<void> {
	await tx.insertInto("contractors").values(row).execute();
}

export async function updateContractorRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<ContractorRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("contractors")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A page of contractors by code, with how many contracts each has. */
export async function listContractors(
	db: Queryable,
	tenantId: string,
	q: string | undefined,
	page: { offset: number; limit: number },
) {
	let base = db.selectFrom("contractors").where("contractors.tenant_id", "=", tenantId);
	if (q) {
		const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		base = base.where((eb) =>
			eb.or([eb("contractors.code", "like", like), eb("contractors.name", "like", like)]),
		);
	}
	const [rows, counted] = await Promise.all([
		base
			.selectAll("contractors")
			.select((eb) =>
				eb
					.selectFrom("contracts")
					.whereRef("contracts.contractor_id", "=", "contractors.id")
					.where("contracts.tenant_id", "=", tenantId)
					.select((e) => e.fn.countAll<number>().as("n"))
					.as("contract_count"),
			)
			.orderBy("contractors.code")
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(counted.n) };
}

export function findContract(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("contracts")
		.select(CONTRACT_COLUMNS)
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findContractByCode(db: Queryable, tenantId: string, code: string) {
	return db
		.selectFrom("contracts")
		.select(CONTRACT_COLUMNS)
		.where("tenant_id", "=", tenantId)
		.where("code", "=", code)
		.executeTakeFirst();
}

export async function insertContract(tx: Tx, row: ContractRow): Promise<void> {
	await tx.insertInto("contracts").values(row).execute();
}

export async function updateContractRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<ContractRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("contracts")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replace the assets a contract handles. */
export async function setContractAssets(
	tx: Tx,
	tenantId: string,
	contractId: string,
	assetIds: readonly string[],
): Promise<void> {
	await tx
		.deleteFrom("contract_assets")
		.where("tenant_id", "=", tenantId)
		.where("contract_id", "=", contractId)
		.execute();
	if (assetIds.length > 0)
		await tx
			.insertInto("contract_assets")
			.values(
				assetIds.map((asset_id) => ({ tenant_id: tenantId, contract_id: contractId, asset_id })),
			)
			.execute();
}

/** The assets a contract handles, with their classification keys, by code. */
export function contractAssets(db: Queryable, tenantId: string, contractId: string) {
	return db
		.selectFrom("contract_assets")
		.innerJoin("assets", "assets.id", "contract_assets.asset_id")
		.select(["assets.id", "assets.code", "assets.name", "assets.class_key"])
		.where("contract_assets.tenant_id", "=", tenantId)
		.where("contract_assets.contract_id", "=", contractId)
		.orderBy("assets.code")
		.execute();
}

/** What a list may be narrowed by; `unitIds` is the caller's scope (undefined: every unit). */
export interface ContractListFilter {
	state?: string | undefined;
	contractorId?: string | undefined;
	orgUnitId?: string | undefined;
	gaps?: boolean | undefined;
	q?: string | undefined;
	unitIds?: readonly string[] | undefined;
}

/** A page of contracts by code with their contractor's and unit's names, and the count. */
export async function listContracts(
	db: Queryable,
	tenantId: string,
	filter: ContractListFilter,
	page: { offset: number; limit: number },
) {
	let base = db.selectFrom("contracts").where("contracts.tenant_id", "=", tenantId);
	if (filter.state) base = base.where("contracts.state", "=", filter.state);
	if (filter.contractorId) base = base.where("contracts.contractor_id", "=", filter.contractorId);
	if (filter.orgUnitId) base = base.where("contracts.owner_unit_id", "=", filter.orgUnitId);
	if (filter.gaps === true) base = base.where("contracts.gap_count", ">", 0);
	if (filter.gaps === false) base = base.where("contracts.gap_count", "=", 0);
	if (filter.q) {
		const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		base = base.where((eb) =>
			eb.or([eb("contracts.code", "like", like), eb("contracts.title", "like", like)]),
		);
	}
	if (filter.unitIds !== undefined) {
		if (filter.unitIds.length === 0) return { rows: [], total: 0 };
		base = base.where("contracts.owner_unit_id", "in", [...filter.unitIds]);
	}
	// The page is chosen on the contracts alone (no join before the sort and the offset), then
	// named: the contractors of its rows and the tenant's units.
	const [chosen, counted] = await Promise.all([
		base
			.select([
				"contracts.id",
				"contracts.code",
				"contracts.title",
				"contracts.contractor_id",
				"contracts.owner_unit_id",
				"contracts.starts_on",
				"contracts.ends_on",
				"contracts.state",
				"contracts.top_level",
				"contracts.gaps",
			])
			.orderBy("contracts.code")
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	const contractorIds = [...new Set(chosen.map((row) => row.contractor_id))];
	const unitIds = [...new Set(chosen.map((row) => row.owner_unit_id))];
	const [contractors, units] =
		chosen.length === 0
			? [[], []]
			: await Promise.all([
					db
						.selectFrom("contractors")
						.select(["id", "name"])
						.where("tenant_id", "=", tenantId)
						.where("id", "in", contractorIds)
						.execute(),
					db
						.selectFrom("org_units")
						.select(["id", "name"])
						.where("tenant_id", "=", tenantId)
						.where("id", "in", unitIds)
						.execute(),
				]);
	const contractorName = new Map(contractors.map((c) => [c.id, c.name]));
	const unitName = new Map(units.map((u) => [u.id, u.name]));
	const rows = chosen.map((row) => ({
		...row,
		contractor_name: contractorName.get(row.contractor_id) ?? "",
		unit_name: unitName.get(row.owner_unit_id) ?? "",
	}));
	return { rows, total: Number(counted.n) };
}
export type ContractListRow = Awaited<ReturnType<typeof listContracts>>["rows"][number];

export async function insertSubcontract(tx: Tx, row: SubcontractRow): Promise<void> {
	await tx.insertInto("contract_subcontracts").values(row).execute();
}

export function subcontractsOf(db: Queryable, tenantId: string, contractId: string) {
	return db
		.selectFrom("contract_subcontracts")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("contract_id", "=", contractId)
		.orderBy("created_at")
		.orderBy("id")
		.execute();
}

export async function updateSubcontractRow(
	tx: Tx,
	tenantId: string,
	id: string,
	version: number,
	patch: Partial<SubcontractRow>,
): Promise<boolean> {
	const result = await tx
		.updateTable("contract_subcontracts")
		.set({ ...patch, version: version + 1 })
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.where("version", "=", version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function insertCheck(tx: Tx, row: CheckRow): Promise<void> {
	await tx.insertInto("contract_checks").values(row).execute();
}

/** The checks of a contract, newest first, without the evidence's bytes. */
export function checksOf(db: Queryable, tenantId: string, contractId: string) {
	return db
		.selectFrom("contract_checks")
		.select([
			"id",
			"checked_on",
			"items",
			"result",
			"note",
			"evidence_file_name",
			"evidence_media_type",
			"evidence_size",
			"evidence_sha256",
			"finding_id",
			"recorded_by_label",
			"created_at",
		])
		.where("tenant_id", "=", tenantId)
		.where("contract_id", "=", contractId)
		.orderBy("checked_on", "desc")
		.orderBy("created_at", "desc")
		.execute();
}

export function findCheckEvidence(db: Queryable, tenantId: string, contractId: string, id: string) {
	return db
		.selectFrom("contract_checks")
		.select(["evidence_file_name", "evidence_media_type", "evidence_sha256", "evidence_content"])
		.where("tenant_id", "=", tenantId)
		.where("contract_id", "=", contractId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function findEndCertificate(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("contracts")
		.select(["end_file_name", "end_media_type", "end_sha256", "end_content"])
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}
