import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { policyFor } from "./access.ts";
import { type DocumentRow, insertDocument, listDocuments } from "./documents.repository.ts";
import type { DocumentCreate } from "./documents.schemas.ts";
import { planIssue, planPublication } from "./emergency-plan.ts";
import { FIRST_ADDED_POSITION } from "./seed-documents.ts";

function publicationOf(input: DocumentCreate): DocumentRow["publication"] {
	if (input.kind === "procedures") return "non_public";
	if (input.kind === "emergency_plan") return planPublication(input);
	return input.publication;
}

/**
 * Add a document beyond those the pack lists, such as another set of rules (規程), or the
 * emergency response plan where the pack names none. A tenant has one plan; like the
 * procedures, a plan is public only when said so.
 *
 * @throws Problem `conflict` (issue `emergency_plan_exists`) for a second plan
 */
export async function createDocument(
	tx: Tx,
	actor: Actor,
	input: DocumentCreate,
): Promise<DocumentRow> {
	authorize(actor, await policyFor(tx, actor), "policy_document.create");
	const existing = await listDocuments(tx, actor.tenantId);
	if (input.kind === "emergency_plan" && existing.some((d) => d.kind === "emergency_plan")) {
		throw planIssue("conflict", "kind", "emergency_plan_exists", "revise the plan the tenant has");
	}
	const row: DocumentRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		kind: input.kind,
		position: Math.max(FIRST_ADDED_POSITION - 1, ...existing.map((d) => d.position)) + 1,
		title: input.title,
		publication: publicationOf(input),
		created_at: new Date().toISOString(),
	};
	await insertDocument(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.document_created",
		{ kind: row.kind, title: row.title },
		{ recordType: "policy_document", recordId: row.id },
	);
	return row;
}
