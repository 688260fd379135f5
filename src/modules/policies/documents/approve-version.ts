import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { policyFor, versionOr404 } from "./access.ts";
import { updateVersion, type VersionRow } from "./documents.repository.ts";
import { assertNotDrafter, separatesDrafter } from "./separation.ts";
import { nextStatus } from "./workflow.ts";

/**
 * Approve a version in review. The approver is the one `approvals.policy` of the tenant's pack
 * names (for a committee, its chair records the decision); the role is stored with the approval.
 * When the pack separates them, the version's drafter may not approve it (起案者 ≠ 決裁者).
 */
export async function approveVersion(tx: Tx, actor: Actor, versionId: string) {
	const policy = await policyFor(tx, actor);
	authorize(actor, policy, "policy_version.approve");
	const { version, document } = await versionOr404(tx, actor, policy, versionId);
	const status = nextStatus(version.status, "approve");
	const pack = (await currentTenantPack(tx, actor.tenantId))?.pack;
	assertNotDrafter(separatesDrafter(pack), actor, version, "approve");
	const approver = pack?.organisation.approvals.policy.approver;
	const held = actor.roles.find((r) => policy["policy_version.approve"].includes(r.role));
	const role = approver === "committee" ? "committee" : (held?.role ?? null);
	const patch: Partial<VersionRow> = {
		status,
		approved_by: actor.accountId,
		approved_role: role,
		approved_at: new Date().toISOString(),
	};
	await updateVersion(tx, actor.tenantId, version.id, patch);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.version_transitioned",
		{ documentId: document.id, number: version.number, from: version.status, to: status, role },
		{ recordType: "policy_version", recordId: version.id },
	);
	return { ...version, ...patch };
}
