import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { updateAccount } from "../accounts/accounts.repository.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import { findTenant } from "../tenants/tenants.repository.ts";
import { hashPassword, verifyPassword } from "./password-hash.ts";
import { passwordIssues } from "./password-rule.ts";
import type { RequestAuth } from "./resolve-session.ts";
import { deleteAccountSessions, renewSession } from "./sessions.repository.ts";
import { nextStage } from "./stage.ts";
import { clearFailures, lockedUntil, recordFailure, throttled } from "./throttle.ts";

/**
 * Replace one's own password. Every other session of the account is revoked; this one is replaced
 * by a new session (new token and CSRF token) at the next login step (TOTP enrolment where it is
 * mandatory), so a copy of the old cookie no longer works.
 */
export async function changeOwnPassword(
	deps: AppDeps,
	auth: RequestAuth,
	input: { currentPassword: string; newPassword: string },
	ip: string | null,
) {
	if (auth.stage === "mfa_verify")
		throw new Problem("mfa_verification_required", "enter your second factor first");
	const { account } = auth;
	const tenantId = account.tenant_id;
	const context = { tenantId, actorId: account.id, actorLabel: account.display_name, ip };
	const attemptAt = new Date();
	// A stolen session must not become a password oracle: wrong current passwords count towards
	// the same throttle as failed logins.
	const locked = await lockedUntil(deps.db, tenantId, account.username, attemptAt);
	if (locked) throw throttled(locked, attemptAt);
	if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
		const until = await inTransaction(deps.db, async (tx) => {
			const lockEnd = await recordFailure(tx, tenantId, account.username, attemptAt);
			await recordAudit(tx, context, "auth.password_change_failed", {
				reason: "wrong_current_password",
			});
			if (lockEnd) {
				await recordAudit(tx, context, "auth.login_throttled", {
					username: account.username,
					until: lockEnd,
				});
			}
			return lockEnd;
		});
		if (until) throw throttled(until, attemptAt);
		throw new Problem("invalid_credentials", "the current password is not correct", {
			issues: [ruleIssue("currentPassword", "password_incorrect", "not correct")],
		});
	}
	const tenant = await findTenant(deps.db, tenantId);
	const issues = await passwordIssues(input.newPassword, {
		username: account.username,
		displayName: account.display_name,
		...(tenant ? { tenantSlug: tenant.slug } : {}),
	});
	if (input.newPassword === input.currentPassword) {
		issues.push({
			code: "password_unchanged",
			message: "the new password must differ from the current one",
			params: {},
		});
	}
	if (issues.length > 0) {
		throw new Problem("validation_failed", issues.map((i) => i.message).join("; "), {
			issues: issues.map(({ code, message, params }) => ({
				path: "newPassword",
				code,
				message,
				params,
			})),
		});
	}
	const passwordHash = await hashPassword(input.newPassword);
	const now = new Date().toISOString();
	const updated = { ...account, must_change_password: false };
	const stage = nextStage(updated, auth.roles, true);
	const session = await inTransaction(deps.db, async (tx) => {
		await updateAccount(tx, account.tenant_id, account.id, {
			password_hash: passwordHash,
			must_change_password: false,
			password_changed_at: now,
			updated_at: now,
		});
		await clearFailures(tx, tenantId, account.username);
		const revoked = await deleteAccountSessions(tx, account.id, auth.session.id);
		await recordAudit(
			tx,
			{ tenantId: account.tenant_id, actorId: account.id, actorLabel: account.display_name, ip },
			"auth.password_changed",
			{ sessionsRevoked: revoked },
			{ recordType: "account", recordId: account.id },
		);
		return renewSession(tx, auth.session, stage);
	});
	return { stage, session };
}
