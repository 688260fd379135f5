import { randomBytes } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable, RoleAssignmentTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import { ledgerImport } from "../../src/modules/assets/ledger.import.ts";
import { insertSession, type SessionStage } from "../../src/modules/auth/sessions.repository.ts";
import { ROLES, type Role } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { requestImport } from "../../src/platform/imports/request-import.ts";
import { makeAsset } from "./asset-world.ts";
import { makeAssuranceAuditFixtures } from "./assurance-audit-world.ts";
import { makeCampaignFixtures } from "./campaign-world.ts";
import { makeChecklistFixtures } from "./checklist-world.ts";
import { makeCloudServiceFixtures } from "./cloud-service-world.ts";
import { makeContractFixtures } from "./contract-world.ts";
import { makeCustodyFixtures } from "./custody-world.ts";
import { makeDocumentFixtures } from "./documents-world.ts";
import { makeDrillFixtures } from "./drill-world.ts";
import { makeExceptionFixtures } from "./exception-world.ts";
import { type MadeAccount, makeAccount, makeTenant } from "./factories.ts";
import { makeFindingFixtures } from "./finding-world.ts";
import { makeCaseworkFixtures } from "./incident-casework-world.ts";
import { makeIncidentChainFixtures } from "./incident-chain-world.ts";
import { makeIncidentFixtures } from "./incident-world.ts";
import { makeMailFixtures } from "./mail-world.ts";
import { makeNetworkFixtures } from "./network-world.ts";
import { makeOrgFixtures } from "./org-world.ts";
import { makeReview } from "./review-fixtures.ts";
import { makeRiskFixtures } from "./risk-world.ts";
import { makeLaterModuleFixtures } from "./route-world-later.ts";
import { makeSecureAreaFixtures } from "./secure-areas-world.ts";
import { makeSocialMediaFixtures } from "./social-media-world.ts";

/** A name no other test row uses, e.g. `ou-1a2b3c4d`. */
export function unique(prefix: string): string {
	return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** One tenant with everything the route walk needs, all made through the use cases. */
export interface TenantWorld {
	tenant: TenantRow;
	/** Every role except instance_admin: the most a tenant's own people can hold. */
	admin: MadeAccount;
	/** Every role including instance_admin, so that only the gate under test can refuse it. */
	root: MadeAccount;
	/** One account per role, holding that role alone (per-unit roles on a unit of their own). */
	holders: ReadonlyMap<Role, MadeAccount>;
	/** An account holding no role at all: plain staff. */
	plain: MadeAccount;
	/** The account that per-account routes act on; nobody logs in as it. */
	target: MadeAccount;
	orgUnit: OrgUnitTable;
	/** A role assignment of `target`, in force. */
	assignment: RoleAssignmentTable;
	/** Another assignment of `target`, in force, for routes that end one. */
	freshAssignment(): Promise<RoleAssignmentTable>;
}

/**
 * A tenant with an org unit, a target account with a role assignment, a plain staff account,
 * an administrator, a holder of every role, and (with `holders`) one account per role.
 *
 * @example
 * const a = await makeWorld(runtime, { holders: true });
 */
export async function makeWorld(
	deps: AppDeps,
	options: { holders?: boolean } = {},
): Promise<TenantWorld> {
	const tenant = await makeTenant(deps);
	const actor = systemActor(tenant.id, "route walk");
	const orgUnit = await inTransaction(deps.db, (tx) =>
		createOrgUnit(tx, actor, {
			code: unique("ou"),
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
	const target = await makeAccount(deps, tenant);
	await makeDocumentFixtures(deps, tenant.id, target.id);
	await makeOrgFixtures(deps, tenant, orgUnit.id, target.id);
	await makeReview(deps, tenant.id);
	await makeNetworkFixtures(deps, tenant);
	const asset = await makeAsset(deps, tenant.id, orgUnit.id);
	// A requested import (and its queued job), as an apply leaves them.
	await inTransaction(deps.db, (tx) =>
		requestImport(tx, {
			kind: ledgerImport,
			actor,
			fileName: "ledger.csv",
			bytes: new TextEncoder().encode("資産番号\n"),
			options: { skipInvalid: false },
		}),
	);
	await makeCustodyFixtures(deps, tenant.id, orgUnit.id);
	await makeRiskFixtures(deps, tenant.id, orgUnit.id);
	await makeIncidentFixtures(deps, tenant.id, orgUnit.id);
	await makeCaseworkFixtures(deps, tenant.id, target.id);
	await makeIncidentChainFixtures(deps, tenant.id, target.id);
	await makeDrillFixtures(deps, tenant.id, orgUnit.id);
	await makeExceptionFixtures(deps, tenant.id, orgUnit.id, target.id);
	await makeSocialMediaFixtures(deps, tenant, orgUnit.id);
	await makeSecureAreaFixtures(deps, tenant.id, orgUnit.id, target.id, asset.code);
	await makeLaterModuleFixtures(deps, tenant, orgUnit.id, target.id, asset.id);
	await makeCloudServiceFixtures(deps, tenant.id, orgUnit.id);
	await makeContractFixtures(deps, tenant.id, orgUnit.id);
	await makeChecklistFixtures(deps, tenant.id);
	await makeCampaignFixtures(deps, tenant.id, target.id);
	await makeFindingFixtures(deps, tenant.id, orgUnit.id);
	await makeAssuranceAuditFixtures(deps, tenant);
	await makeMailFixtures(deps, tenant, orgUnit.id);
	const freshAssignment = () =>
		inTransaction(deps.db, (tx) =>
			assignRole(tx, actor, target.id, { role: "csirt", orgUnitId: null, validTo: null }),
		);
	const holders = new Map<Role, MadeAccount>();
	for (const role of options.holders ? ROLES : []) {
		holders.set(role, await makeAccount(deps, tenant, { roles: [role] }));
	}
	return {
		tenant,
		admin: await makeAccount(deps, tenant, {
			roles: ROLES.filter((role) => role !== "instance_admin"),
		}),
		root: await makeAccount(deps, tenant, { roles: [...ROLES] }),
		holders,
		plain: await makeAccount(deps, tenant),
		target,
		orgUnit,
		assignment: await freshAssignment(),
		freshAssignment,
	};
}

/** A new session of the account at the given login stage; returns its cookie value. */
export async function openSession(
	deps: AppDeps,
	account: MadeAccount,
	stage: SessionStage = "active",
): Promise<string> {
	const { token } = await inTransaction(deps.db, (tx) =>
		insertSession(tx, {
			tenantId: account.tenantId,
			accountId: account.id,
			stage,
			ip: null,
			userAgent: "route walk",
		}),
	);
	return token;
}

/**
 * A new role-less account for the auth routes that act on the caller's own login, set up as a
 * real session at `stage` would find it: TOTP enrolled exactly when a code is to be verified.
 */
export function makeSelfCaller(
	deps: AppDeps,
	world: TenantWorld,
	stage: SessionStage,
): Promise<MadeAccount> {
	return makeAccount(deps, world.tenant, { totp: stage === "mfa_verify" });
}
