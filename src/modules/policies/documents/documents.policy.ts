import { definePolicy, type Policy } from "../../authz/policy.ts";
import type { Role } from "../../authz/roles.ts";
import type { Approval, PolicyRole } from "../pack/organisation.schema.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import { planReaderRoles, readerRolesOf } from "./emergency-plan.ts";

/** Who drafts and publishes policy documents: the CISO and the 統括責任者. */
const EDITORS: readonly Role[] = ["ciso", "chief_officer"];
/** Who follows acknowledgements, reminds and exports the list of who has not acknowledged. */
const MONITORS: readonly Role[] = [
	"ciso",
	"chief_officer",
	"department_officer",
	"section_manager",
	"auditor",
];

function unique(roles: readonly Role[]): Role[] {
	return [...new Set(roles)];
}

/**
 * The roles that decide an approval of the pack: the named role and its delegate. For the
 * committee, its chair records the committee's decision.
 */
export function approverRoles(pack: PolicyPack, approval: Approval): Role[] {
	const named: PolicyRole[] =
		approval.approver === "committee"
			? pack.organisation.committee
				? [pack.organisation.committee.chair]
				: []
			: [approval.approver];
	return unique([...named, ...(approval.delegate ? [approval.delegate] : [])]);
}

/**
 * The roles the pack names for the non-public procedures (`approvals.proceduresAccess`): the
 * approver (every committee member when the committee decides), its delegate and those notified.
 */
export function procedureReaderRoles(pack: PolicyPack): Role[] {
	return readerRolesOf(pack, pack.organisation.approvals.proceduresAccess);
}

/**
 * The policy of policy documents for a tenant: approving a version and reading non-public
 * documents follow the roles its pack names; the rest is fixed.
 *
 * @example
 * authorize(actor, documentsPolicy(pack), "policy_version.approve");
 */
export function documentsPolicy(pack: PolicyPack) {
	return definePolicy({
		"policy_document.read": ["staff"],
		"policy_document.create": EDITORS,
		"policy_version.draft": EDITORS,
		"policy_version.submit": EDITORS,
		"policy_version.return": approverRoles(pack, pack.organisation.approvals.policy),
		"policy_version.approve": approverRoles(pack, pack.organisation.approvals.policy),
		"policy_version.publish": EDITORS,
		"policy_version.read_non_public": procedureReaderRoles(pack),
		/** The emergency response plan, when it is not public: the roles its pack names. */
		"policy_version.read_emergency_plan": planReaderRoles(pack),
		"policy_version.acknowledge": ["staff"],
		"policy_acknowledgement.monitor": MONITORS,
		"notification.read": ["staff"],
	} satisfies Policy<string>);
}
export type DocumentsPolicy = ReturnType<typeof documentsPolicy>;
export type DocumentAction = keyof DocumentsPolicy;

/** Roles that see versions before they are published. */
export const WORKFLOW_ACTIONS = [
	"policy_version.draft",
	"policy_version.approve",
] as const satisfies readonly DocumentAction[];

/** The pack-independent actions, for the session's permissions (navigation in the UI). */
export const documentsNavPolicy = definePolicy({
	"policy_document.read": ["staff"],
	"policy_acknowledgement.monitor": MONITORS,
});
