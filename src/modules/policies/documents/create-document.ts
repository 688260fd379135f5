import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { policyFor } from "./access.ts";
import { type DocumentRow, insertDocument, listDocuments } from "./documents.repository.ts";
import type { DocumentCreate } from "./documents.schemas.ts";
import { FIRST_ADDED_POSITION } from "./seed-documents.ts";

/** Add a document beyond those the pack lists, such as another set of rules (規程). */
export async function createDocument(
	tx: Tx,
	actor: Actor,
	input: DocumentCreate,
): Promise<DocumentRow> {
	authorize(actor, await policyFor(tx, actor), "policy_document.create");
	const existing = await listDocuments(tx, actor.tenantId);
	const row: DocumentRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		kind: input.kind,
		position: Math.max(FIRST_ADDED_POSITION - 1, ...existing.map((d) => d.position)) + 1,
		title: input.title,
		publication: input.kind === "procedures" ? "non_public" : input.publication,
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
