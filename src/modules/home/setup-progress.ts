import type { Queryable } from "../../db/queryable.ts";
import { accountsPolicy } from "../accounts/accounts.policy.ts";
import { roleSetupStatus } from "../accounts/role-setup.ts";
import { assetsPolicy } from "../assets/assets.policy.ts";
import { ledgerSetupStatus } from "../assets/ledger-setup.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { networkPolicy } from "../network/network.policy.ts";
import { networkSetupStatus } from "../network/network-setup.ts";
import { orgPolicy } from "../org/org.policy.ts";
import { orgSetupStatus } from "../org/org-setup.ts";
import { policyFor } from "../policies/documents/access.ts";
import { policySetupStatus } from "../policies/documents/policy-setup.ts";
import { mailPolicy } from "../sanitize/mail.policy.ts";
import { mailSetupStatus } from "../sanitize/mail-setup.ts";
import { homePolicy } from "./home.policy.ts";
import type { SetupProgress, SetupStepKey } from "./home.schemas.ts";

/**
 * The first steps of the tenant, each asked of the module that owns it: organisation → staff
 * roster → roles → policy imported and published → asset ledger → three-tier model → mail
 * settings. Each step says whether it is done, what it has so far, and who may do it.
 *
 * @example
 * const { steps, complete } = await setupProgress(db, actor);
 */
export async function setupProgress(db: Queryable, actor: Actor): Promise<SetupProgress> {
	authorize(actor, homePolicy, "home.setup_progress");
	const tenantId = actor.tenantId;
	const [org, roles, policy, assets, network, mail, documents] = await Promise.all([
		orgSetupStatus(db, tenantId),
		roleSetupStatus(db, tenantId),
		policySetupStatus(db, tenantId),
		ledgerSetupStatus(db, tenantId),
		networkSetupStatus(db, tenantId),
		mailSetupStatus(db, tenantId),
		policyFor(db, actor),
	]);
	const step = (key: SetupStepKey, done: boolean, count: number, who: readonly Role[]) => ({
		key,
		done,
		count,
		may: actor.roles.some((held) => who.includes(held.role)),
		roles: [...who],
	});
	const steps = [
		step("organisation", org.units > 0, org.units, orgPolicy["org_unit.create"]),
		step("staff", org.staff > 0, org.staff, orgPolicy["roster.import"]),
		step("roles", roles.ciso, roles.holders, accountsPolicy["role.assign"]),
		step("policy", policy.basicPublished, policy.published, documents["policy_version.draft"]),
		step("assets", assets > 0, assets, assetsPolicy["asset.write"]),
		step("network", network.revision > 0, network.nodes, networkPolicy["network.edit"]),
		step("mail", mail, mail ? 1 : 0, mailPolicy["mail.settings_change"]),
	];
	return { steps, complete: steps.every((s) => s.done) };
}
