import type { Queryable } from "../../db/queryable.ts";
import { Problem } from "../../shared/problem.ts";
import { currentTenantPack, type TenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { findTenant } from "../tenants/tenants.repository.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { findNetworkModel } from "./network.repository.ts";
import { starterModel } from "./starter-model.ts";

/** The tenant's model as stored, or the starter model at revision 0 before the first save. */
export interface StoredModel {
	model: NetworkModelFile;
	revision: number;
	updatedAt: string | null;
	updatedBy: string | null;
}

/** The pack the tenant's model is checked against. @throws Problem `not_found` without one. */
export async function requireTenantPack(db: Queryable, tenantId: string): Promise<TenantPack> {
	const pack = await currentTenantPack(db, tenantId);
	if (!pack) throw new Problem("not_found", "this tenant has no policy pack yet");
	return pack;
}

export async function readStoredModel(db: Queryable, tenantId: string): Promise<StoredModel> {
	const row = await findNetworkModel(db, tenantId);
	if (row) {
		return {
			model: JSON.parse(row.content) as NetworkModelFile,
			revision: Number(row.revision),
			updatedAt: row.updated_at,
			updatedBy: row.updated_by_label,
		};
	}
	const tenant = await findTenant(db, tenantId);
	return {
		model: starterModel(tenant?.name ?? "network"),
		revision: 0,
		updatedAt: null,
		updatedBy: null,
	};
}
