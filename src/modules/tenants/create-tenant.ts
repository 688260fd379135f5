import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../http/problem.ts";
import { recordAudit, startAuditChain } from "../audit/record-audit.ts";
import { findTenantBySlug, insertTenant, type TenantRow } from "./tenants.repository.ts";
import type { TenantInput } from "./tenants.schemas.ts";

/** Who is creating the tenant, for the new tenant's first audit event. */
export interface TenantCreator {
	label: string;
	ip: string | null;
}

/**
 * Create a tenant (団体) and start its audit chain; the first event records who created it.
 * The CLI and the instance administrator's API both come here.
 */
export async function createTenant(
	tx: Tx,
	creator: TenantCreator,
	input: TenantInput,
): Promise<TenantRow> {
	if (await findTenantBySlug(tx, input.slug)) {
		throw new Problem("conflict", `a tenant with slug "${input.slug}" already exists`, {
			issues: [{ path: "slug", message: "already taken" }],
		});
	}
	const tenant: TenantRow = {
		id: randomUUID(),
		slug: input.slug,
		name: input.name,
		pack: input.pack,
		created_at: new Date().toISOString(),
	};
	await insertTenant(tx, tenant);
	await startAuditChain(tx, tenant.id);
	await recordAudit(
		tx,
		{ tenantId: tenant.id, actorId: null, actorLabel: creator.label, ip: creator.ip },
		"tenant.created",
		{ slug: tenant.slug, name: tenant.name, pack: tenant.pack },
		{ recordType: "tenant", recordId: tenant.id },
	);
	return tenant;
}
