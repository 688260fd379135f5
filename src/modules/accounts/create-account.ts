import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { hashPassword, oneTimePassword } from "../auth/password-hash.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { accountsPolicy } from "./accounts.policy.ts";
import { accountSnapshot } from "./accounts.presenter.ts";
import {
	type AccountRow,
	findAccount,
	findAccountByUsername,
	insertAccount,
} from "./accounts.repository.ts";
import type { AccountCreate } from "./accounts.schemas.ts";

/** Load an account of the actor's tenant, or `not_found` (also for other tenants' ids). */
export async function accountOr404(
	db: Queryable,
	actor: Actor,
	accountId: string,
): Promise<AccountRow> {
	const account = await findAccount(db, actor.tenantId, accountId);
	if (!account) throw new Problem("not_found", `account ${accountId} does not exist`);
	return account;
}

/**
 * Create a local account with a one-time password, which the holder must replace at first login.
 * The password is returned once and never stored in clear.
 */
export async function createAccount(tx: Tx, actor: Actor, input: AccountCreate) {
	authorize(actor, accountsPolicy, "account.create");
	if (await findAccountByUsername(tx, actor.tenantId, input.username)) {
		throw new Problem("conflict", `user name "${input.username}" is already taken`, {
			issues: [ruleIssue("username", "already_taken", "already taken")],
		});
	}
	const password = oneTimePassword();
	const now = new Date().toISOString();
	const account: AccountRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		username: input.username,
		display_name: input.displayName,
		email: input.email,
		password_hash: await hashPassword(password),
		must_change_password: true,
		works_in_mynumber: input.worksInMynumber,
		totp_secret: null,
		totp_enabled_at: null,
		totp_last_step: null,
		recovery_codes: null,
		disabled_at: null,
		password_changed_at: now,
		created_at: now,
		updated_at: now,
	};
	await insertAccount(tx, account);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"account.created",
		{ after: accountSnapshot(account) },
		{
			recordType: "account",
			recordId: account.id,
		},
	);
	return { account, oneTimePassword: password };
}
