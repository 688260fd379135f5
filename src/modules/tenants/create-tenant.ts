import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import type { DateStyle } from "../../shared/dates.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { recordAudit, startAuditChain } from "../audit-log/record-audit.ts";
import { createAgencyUnits } from "../org/create-org-unit.ts";
import { type BundledPackId, loadBundledPack } from "../policies/pack/load-pack.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { insertTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { findTenantBySlug, insertTenant, type TenantRow } from "./tenants.repository.ts";

/** Who is creating the tenant, for the new tenant's first audit event. */
export interface TenantCreator {
	label: string;
	ip: string | null;
}

export interface NewTenant {
	slug: string;
	name: string;
	/** A bundled pack's id, or a pack already validated (a user-supplied file). */
	pack: BundledPackId | PolicyPack;
	/** Where a validated pack came from, e.g. `file:my-city.yaml`. */
	packSource?: string;
	/** How the tenant writes dates; 和暦 unless said otherwise. */
	dateStyle?: DateStyle;
}

/**
 * Create a tenant (団体) from a policy pack: start its audit chain, store the pack as the tenant's
 * first pack version, and create the agencies in the pack's scope as top-level org units.
 * The CLI, the first start and the instance administrator's API all come here.
 */
export async function createTenant(
	tx: Tx,
	creator: TenantCreator,
	input: NewTenant,
): Promise<TenantRow> {
	if (await findTenantBySlug(tx, input.slug)) {
		throw new Problem("conflict", `a tenant with slug "${input.slug}" already exists`, {
			issues: [ruleIssue("slug", "already_taken", "already taken")],
		});
	}
	const pack = typeof input.pack === "string" ? loadBundledPack(input.pack) : input.pack;
	const source =
		typeof input.pack === "string" ? `bundled:${input.pack}` : (input.packSource ?? "file");
	const tenant: TenantRow = {
		id: randomUUID(),
		slug: input.slug,
		name: input.name,
		pack: pack.id,
		created_at: new Date().toISOString(),
		date_style: input.dateStyle ?? "wareki",
		incident_preliminary_days: null,
	};
	await insertTenant(tx, tenant);
	await startAuditChain(tx, tenant.id);
	const context = { tenantId: tenant.id, actorId: null, actorLabel: creator.label, ip: creator.ip };
	await recordAudit(
		tx,
		context,
		"tenant.created",
		{ slug: tenant.slug, name: tenant.name, pack: tenant.pack },
		{ recordType: "tenant", recordId: tenant.id },
	);
	const version = await insertTenantPack(tx, tenant.id, pack, source);
	await recordAudit(
		tx,
		context,
		"policy_pack.installed",
		{ packId: pack.id, version, source, policyVersion: pack.policyVersion },
		{ recordType: "tenant", recordId: tenant.id },
	);
	await createAgencyUnits(tx, context, pack.scope.agencies);
	return tenant;
}
