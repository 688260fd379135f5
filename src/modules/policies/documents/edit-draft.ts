import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertMayReadContent, policyFor, versionOr404 } from "./access.ts";
import { withAnchors } from "./content.ts";
import { updateVersion, type VersionRow } from "./documents.repository.ts";
import type { DraftUpdate } from "./documents.schemas.ts";

/** Change a draft's title, summary of changes or sections; other statuses are frozen. */
export async function editDraft(
	tx: Tx,
	actor: Actor,
	versionId: string,
	input: DraftUpdate,
): Promise<VersionRow> {
	const policy = await policyFor(tx, actor);
	authorize(actor, policy, "policy_version.draft");
	const { version, document } = await versionOr404(tx, actor, policy, versionId);
	assertMayReadContent(actor, policy, document);
	if (version.status !== "draft") {
		throw refusal(
			"conflict",
			"version_not_draft",
			`only a draft can be edited; this version is ${version.status}`,
			{ documentStatus: version.status },
		);
	}
	const patch: Partial<VersionRow> = {};
	if (input.title !== undefined) patch.title = input.title;
	if (input.changeSummary !== undefined) patch.change_summary = input.changeSummary;
	if (input.sections !== undefined) patch.content = JSON.stringify(withAnchors(input.sections));
	await updateVersion(tx, actor.tenantId, version.id, patch);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.draft_edited",
		{ documentId: document.id, number: version.number },
		{ recordType: "policy_version", recordId: version.id },
	);
	return { ...version, ...patch };
}
