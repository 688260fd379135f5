import { can } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { risksPolicy } from "./risks.policy.ts";

/**
 * Who may accept a risk in this tenant. The pack has no approval kind of its own for risk
 * acceptance; accepting a risk is deviating from treating it, so we follow the 例外措置 approval
 * (`organisation.approvals.exception`): the CISO always, plus the approver and the delegate it
 * names, each only if the register's policy lets that role accept at all (CISO, 統括情報セキュリティ
 * 責任者). A pack whose exception approval has no delegate leaves acceptance to the CISO alone.
 *
 * @example
 * acceptanceRoles(pack) // ["ciso", "chief_officer"] for the bundled packs
 */
export function acceptanceRoles(pack: PolicyPack): Role[] {
	const rule = pack.organisation.approvals.exception;
	const named = new Set<Role>(["ciso"]);
	if (rule.approver !== "committee") named.add(rule.approver);
	if (rule.delegate) named.add(rule.delegate);
	const ceiling = risksPolicy["risk.accept"];
	return [...named].filter((role) => ceiling.includes(role));
}

/** The role under which the actor accepts (CISO first), or undefined when they may not. */
export function acceptingRole(actor: Actor, pack: PolicyPack): Role | undefined {
	if (!can(actor, risksPolicy, "risk.accept")) return undefined;
	const roles = acceptanceRoles(pack);
	return roles.find((role) => actor.roles.some((held) => held.role === role));
}
