import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { hashPassword, oneTimePassword } from "../auth/password-hash.ts";
import { deleteAccountSessions } from "../auth/sessions.repository.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { accountsPolicy } from "./accounts.policy.ts";
import { updateAccount } from "./accounts.repository.ts";
import { accountOr404 } from "./create-account.ts";
import { assertMayManage } from "./instance-admin-guard.ts";

/** Issue a new one-time password (for a forgotten password) and end the account's sessions. */
export async function resetPassword(tx: Tx, actor: Actor, accountId: string) {
	authorize(actor, accountsPolicy, "account.reset_password");
	await accountOr404(tx, actor, accountId);
	await assertMayManage(tx, actor, accountId);
	const password = oneTimePassword();
	const now = new Date().toISOString();
	await updateAccount(tx, actor.tenantId, accountId, {
		password_hash: await hashPassword(password),
		must_change_password: true,
		password_changed_at: now,
		updated_at: now,
	});
	const revoked = await deleteAccountSessions(tx, accountId);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"account.password_reset",
		{ sessionsRevoked: revoked },
		{
			recordType: "account",
			recordId: accountId,
		},
	);
	return { oneTimePassword: password };
}

/** Remove a lost authenticator: the holder enrols again at next login where MFA is mandatory. */
export async function resetMfa(tx: Tx, actor: Actor, accountId: string) {
	authorize(actor, accountsPolicy, "account.reset_mfa");
	await accountOr404(tx, actor, accountId);
	await assertMayManage(tx, actor, accountId);
	await updateAccount(tx, actor.tenantId, accountId, {
		totp_secret: null,
		totp_enabled_at: null,
		totp_last_step: null,
		recovery_codes: null,
		updated_at: new Date().toISOString(),
	});
	const revoked = await deleteAccountSessions(tx, accountId);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"account.mfa_reset",
		{ sessionsRevoked: revoked },
		{
			recordType: "account",
			recordId: accountId,
		},
	);
}
