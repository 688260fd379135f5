import type { Tx } from "../../../db/transaction.ts";
import { toCsv } from "../../../shared/csv.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import type { SecretBox } from "../../auth/secret-box.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { orgPolicy } from "../org.policy.ts";
import type { IssuedPassword } from "./apply-roster.ts";
import { findRosterImport, setRosterPasswords } from "./roster.repository.ts";

/**
 * The one-time passwords of an applied roster as CSV, once: the sealed copy is erased in the
 * same transaction, so a second download finds nothing.
 */
export async function downloadRosterPasswords(
	tx: Tx,
	actor: Actor,
	importId: string,
	secrets: SecretBox,
): Promise<string> {
	authorize(actor, orgPolicy, "roster.import");
	const found = await findRosterImport(tx, actor.tenantId, importId);
	if (!found) throw new Problem("not_found", `roster import ${importId} does not exist`);
	if (found.status !== "applied" || found.passwords === null) {
		throw refusal(
			"conflict",
			"roster_passwords_gone",
			"no one-time passwords to download (already downloaded, or none)",
		);
	}
	const issued = JSON.parse(secrets.open(found.passwords)) as IssuedPassword[];
	await setRosterPasswords(tx, actor.tenantId, importId, null);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"roster.passwords_downloaded",
		{ importId, accounts: issued.length },
		{ recordType: "roster_import", recordId: importId },
	);
	return toCsv(
		["職員番号", "氏名", "ユーザー名", "初期パスワード"],
		issued.map((p) => [p.staffNumber, p.displayName, p.username, p.oneTimePassword]),
	);
}
