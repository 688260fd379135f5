import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { orgPolicy } from "../org.policy.ts";
import { claimRosterImport, findRosterImport } from "./roster.repository.ts";

/** Set a preview aside without applying it. */
export async function discardRoster(tx: Tx, actor: Actor, importId: string) {
	authorize(actor, orgPolicy, "roster.import");
	const found = await findRosterImport(tx, actor.tenantId, importId);
	if (!found) throw new Problem("not_found", `roster import ${importId} does not exist`);
	if (
		!(await claimRosterImport(tx, actor.tenantId, importId, "previewed", { status: "discarded" }))
	) {
		throw refusal("conflict", "roster_settled", `this roster import is already ${found.status}`, {
			rosterStatus: found.status,
		});
	}
	await recordAudit(
		tx,
		auditContextOf(actor),
		"roster.discarded",
		{ importId },
		{ recordType: "roster_import", recordId: importId },
	);
	return { ...found, status: "discarded" };
}
