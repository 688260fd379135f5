import type { Queryable } from "../../db/queryable.ts";

/** How far the organisation is set up, for the first-steps checklist on Home. */
export interface OrgSetupStatus {
	/** Units below the pack's agencies (部局, 課, 係, systems). */
	units: number;
	/** Staff in post. */
	staff: number;
}

/**
 * Count what the tenant has registered of its organisation. The agencies come with the pack, so
 * only units under them show that the organisation was entered.
 *
 * @example
 * const { units, staff } = await orgSetupStatus(db, tenantId);
 */
export async function orgSetupStatus(db: Queryable, tenantId: string): Promise<OrgSetupStatus> {
	const [units, staff] = await Promise.all([
		db
			.selectFrom("org_units")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.where("tenant_id", "=", tenantId)
			.where("kind", "!=", "agency")
			.executeTakeFirstOrThrow(),
		db
			.selectFrom("staff")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.where("tenant_id", "=", tenantId)
			.where("active", "=", true)
			.executeTakeFirstOrThrow(),
	]);
	return { units: Number(units.n), staff: Number(staff.n) };
}
