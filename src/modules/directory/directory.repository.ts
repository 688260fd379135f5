import type { Queryable } from "../../db/queryable.ts";
import type {
	DirectoryConnectionTable,
	DirectoryGroupMappingTable,
	DirectoryLinkTable,
} from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type ConnectionRow = DirectoryConnectionTable;
export type MappingRow = DirectoryGroupMappingTable;
export type LinkRow = DirectoryLinkTable;

export function findConnection(db: Queryable, tenantId: string, kind: string) {
	return db
		.selectFrom("directory_connections")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("kind", "=", kind)
		.executeTakeFirst();
}

export async function insertConnection(tx: Tx, row: ConnectionRow): Promise<void> {
	await tx.insertInto("directory_connections").values(row).execute();
}

/** Update only at `version`; false when someone else changed it first. */
export async function updateConnection(
	tx: Tx,
	row: ConnectionRow,
	expectedVersion: number,
): Promise<boolean> {
	const { id, tenant_id, ...rest } = row;
	const result = await tx
		.updateTable("directory_connections")
		.set(rest)
		.where("tenant_id", "=", tenant_id)
		.where("id", "=", id)
		.where("version", "=", expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export function listMappings(db: Queryable, tenantId: string, connectionId: string) {
	return db
		.selectFrom("directory_group_mappings")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("connection_id", "=", connectionId)
		.orderBy("group_key")
		.orderBy("role")
		.execute();
}

export async function insertMapping(tx: Tx, row: MappingRow): Promise<void> {
	await tx.insertInto("directory_group_mappings").values(row).execute();
}

export async function deleteMapping(tx: Tx, tenantId: string, id: string) {
	return tx
		.deleteFrom("directory_group_mappings")
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.returningAll()
		.executeTakeFirst();
}

export function findLink(db: Queryable, tenantId: string, accountId: string) {
	return db
		.selectFrom("directory_links")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.executeTakeFirst();
}

export function listLinks(db: Queryable, tenantId: string, connectionId: string) {
	return db
		.selectFrom("directory_links")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("connection_id", "=", connectionId)
		.execute();
}

export async function upsertLink(tx: Tx, row: LinkRow): Promise<void> {
	const existing = await findLink(tx, row.tenant_id, row.account_id);
	if (existing) {
		const { account_id, tenant_id, ...rest } = row;
		await tx
			.updateTable("directory_links")
			.set(rest)
			.where("tenant_id", "=", tenant_id)
			.where("account_id", "=", account_id)
			.execute();
	} else {
		await tx.insertInto("directory_links").values(row).execute();
	}
}

/** The directory's own role assignments still in force for the accounts, by account. */
export async function directoryGrantsInForce(
	db: Queryable,
	tenantId: string,
	connectionId: string,
	now: string,
	accountId?: string,
) {
	let query = db
		.selectFrom("directory_role_grants as g")
		.innerJoin("role_assignments as r", "r.id", "g.role_assignment_id")
		.select(["g.account_id", "r.id", "r.role", "r.org_unit_id"])
		.where("g.tenant_id", "=", tenantId)
		.where("g.connection_id", "=", connectionId)
		.where((eb) => eb.or([eb("r.valid_to", "is", null), eb("r.valid_to", ">", now)]));
	if (accountId) query = query.where("g.account_id", "=", accountId);
	return query.execute();
}

export async function insertGrant(
	tx: Tx,
	row: { role_assignment_id: string; tenant_id: string; account_id: string; connection_id: string },
): Promise<void> {
	await tx.insertInto("directory_role_grants").values(row).execute();
}

export async function localPasswordSetting(
	db: Queryable,
	tenantId: string,
): Promise<"everyone" | "break_glass_only"> {
	const row = await db
		.selectFrom("sign_in_settings")
		.select("local_password")
		.where("tenant_id", "=", tenantId)
		.executeTakeFirst();
	return row?.local_password === "break_glass_only" ? "break_glass_only" : "everyone";
}

export async function saveLocalPasswordSetting(
	tx: Tx,
	tenantId: string,
	value: "everyone" | "break_glass_only",
): Promise<void> {
	const now = new Date().toISOString();
	const existing = await tx
		.selectFrom("sign_in_settings")
		.select("tenant_id")
		.where("tenant_id", "=", tenantId)
		.executeTakeFirst();
	if (existing) {
		await tx
			.updateTable("sign_in_settings")
			.set({ local_password: value, updated_at: now })
			.where("tenant_id", "=", tenantId)
			.execute();
	} else {
		await tx
			.insertInto("sign_in_settings")
			.values({ tenant_id: tenantId, local_password: value, updated_at: now })
			.execute();
	}
}
