import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import type { SecretBox } from "../../auth/secret-box.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { orgPolicy } from "../org.policy.ts";
import type { IssuedPassword } from "./apply-roster.ts";
import { claimRosterImport, findRosterImport } from "./roster.repository.ts";

/**
 * The one-time passwords of an applied roster, shown once to the administrator who waited for
 * the apply job (as its response did when apply was synchronous); the CSV stays downloadable
 * once (`download-passwords.ts`).
 */
export async function revealRosterPasswords(
	tx: Tx,
	actor: Actor,
	importId: string,
	secrets: SecretBox,
	now: Date = new Date(),
): Promise<IssuedPassword[]> {
	authorize(actor, orgPolicy, "roster.import");
	const found = await findRosterImport(tx, actor.tenantId, importId);
	if (!found) throw new Problem("not_found", `roster import ${importId} does not exist`);
	if (found.status !== "applied" || found.passwords_shown_at !== null) {
		throw refusal(
			"conflict",
			"roster_passwords_gone",
			"the one-time passwords were shown already, or there are none",
		);
	}
	await claimRosterImport(tx, actor.tenantId, importId, "applied", {
		passwords_shown_at: now.toISOString(),
	});
	if (found.passwords === null) return [];
	return JSON.parse(secrets.open(found.passwords)) as IssuedPassword[];
}
