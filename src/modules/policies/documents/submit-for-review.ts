import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertMayReadContent, policyFor, versionOr404 } from "./access.ts";
import { type DocumentRow, updateVersion, type VersionRow } from "./documents.repository.ts";
import { nextStatus } from "./workflow.ts";

/** Move a version to its next status and record the transition, in the caller's transaction. */
async function transition(
	tx: Tx,
	actor: Actor,
	document: DocumentRow,
	version: VersionRow,
	patch: Partial<VersionRow> & { status: VersionRow["status"] },
) {
	await updateVersion(tx, actor.tenantId, version.id, patch);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.version_transitioned",
		{
			documentId: document.id,
			number: version.number,
			from: version.status,
			to: patch.status,
			role: null,
		},
		{ recordType: "policy_version", recordId: version.id },
	);
	return { ...version, ...patch };
}

/** Send a draft for review (審査) by the approver the pack names. */
export async function submitForReview(tx: Tx, actor: Actor, versionId: string) {
	const policy = await policyFor(tx, actor);
	authorize(actor, policy, "policy_version.submit");
	const { version, document } = await versionOr404(tx, actor, policy, versionId);
	assertMayReadContent(actor, policy, document);
	const status = nextStatus(version.status, "submit");
	return transition(tx, actor, document, version, {
		status,
		submitted_at: new Date().toISOString(),
		submitted_by: actor.accountId,
	});
}

/** Send a version in review back to draft, for changes; only the approver may. */
export async function returnToDraft(tx: Tx, actor: Actor, versionId: string) {
	const policy = await policyFor(tx, actor);
	authorize(actor, policy, "policy_version.return");
	const { version, document } = await versionOr404(tx, actor, policy, versionId);
	const status = nextStatus(version.status, "return");
	return transition(tx, actor, document, version, {
		status,
		submitted_at: null,
		submitted_by: null,
	});
}
