import type { Queryable } from "../../db/queryable.ts";

/**
 * How many assets the tenant's ledger holds, for the first-steps checklist on Home.
 *
 * @example
 * const assets = await ledgerSetupStatus(db, tenantId);
 */
export async function ledgerSetupStatus(db: Queryable, tenantId: string): Promise<number> {
	const row = await db
		.selectFrom("assets")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("tenant_id", "=", tenantId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
