import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { auditContextOf } from "../../audit-log/record-audit.ts";
import type { Actor } from "../../authz/roles.ts";
import { createDraftVersion } from "../documents/create-draft.ts";
import { listDocuments } from "../documents/documents.repository.ts";
import { ensureDocuments } from "../documents/seed-documents.ts";

/**
 * After a review decided to revise the policy, open a new draft of the tenant's 基本方針 (a copy
 * of its latest version), inside the decision's transaction; returns the draft's id. The documents
 * module's own rules apply: the decider must be allowed to draft, and an open draft or a version
 * in review refuses a second one (the review then names it).
 */
export async function openDraftForReview(
	tx: Tx,
	actor: Actor,
	review: { id: string; fiscalYear: number; reason: string },
): Promise<string | null> {
	await ensureDocuments(tx, auditContextOf(actor));
	const basic = (await listDocuments(tx, actor.tenantId)).find((d) => d.kind === "basic_policy");
	if (!basic)
		throw refusal(
			"conflict",
			"no_basic_policy_document",
			"this tenant has no 基本方針 document to revise",
		);
	const draft = await createDraftVersion(tx, actor, basic.id, {
		title: null,
		changeSummary: `${review.fiscalYear}年度の見直し: ${review.reason}`.slice(0, 400),
		sections: [],
		source: "copy",
		warnings: 0,
	});
	return draft.id;
}
