import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertMayReadContent, isNonPublic, rulesFor, versionOr404 } from "./access.ts";

/**
 * One version with its content. Reading a non-public document (実施手順) needs a role the pack
 * names, and every such read is written to the audit log before the content is returned.
 */
export async function readVersion(db: Db, actor: Actor, versionId: string) {
	const rules = await rulesFor(db, actor);
	const { policy } = rules;
	authorize(actor, policy, "policy_document.read");
	const found = await versionOr404(db, actor, policy, versionId);
	assertMayReadContent(actor, policy, found.document);
	if (isNonPublic(found.document)) {
		await inTransaction(db, (tx) =>
			recordAudit(
				tx,
				auditContextOf(actor),
				"policy.procedure_read",
				{ documentId: found.document.id, number: found.version.number },
				{ recordType: "policy_version", recordId: found.version.id },
			),
		);
	}
	return { ...found, rules };
}
