import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import type { PolicyPack } from "./pack.schema.ts";

export interface TenantPack {
	version: number;
	source: string;
	createdAt: string;
	pack: PolicyPack;
}

/** Store a validated pack as the tenant's next version; returns that version number. */
export async function insertTenantPack(
	tx: Tx,
	tenantId: string,
	pack: PolicyPack,
	source: string,
): Promise<number> {
	const latest = await tx
		.selectFrom("tenant_packs")
		.select((eb) => eb.fn.max("version").as("version"))
		.where("tenant_id", "=", tenantId)
		.executeTakeFirst();
	const version = Number(latest?.version ?? 0) + 1;
	await tx
		.insertInto("tenant_packs")
		.values({
			tenant_id: tenantId,
			version,
			pack_id: pack.id,
			source,
			content: JSON.stringify(pack),
			created_at: new Date().toISOString(),
		})
		.execute();
	return version;
}

/** The pack a tenant runs on now (its latest version), or undefined for a tenant without one. */
export async function currentTenantPack(
	db: Queryable,
	tenantId: string,
): Promise<TenantPack | undefined> {
	const row = await db
		.selectFrom("tenant_packs")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.orderBy("version", "desc")
		.limit(1)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		version: Number(row.version),
		source: row.source,
		createdAt: row.created_at,
		pack: JSON.parse(row.content) as PolicyPack,
	};
}
