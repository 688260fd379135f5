import { inTransaction, type Tx } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { claimTotpStep, replaceRecoveryCodes } from "../accounts/accounts.repository.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import type { RequestAuth } from "./resolve-session.ts";
import { renewSession } from "./sessions.repository.ts";
import { nextStage } from "./stage.ts";
import { clearFailures, lockedUntil, recordFailure, throttled } from "./throttle.ts";
import { hashRecoveryCode, matchTotp } from "./totp.ts";

/**
 * Second step of login: a TOTP code, or one of the recovery codes (each works once).
 * Wrong codes count towards the same throttle as wrong passwords. A TOTP step and a recovery
 * code are claimed in the database, so two requests racing with the same code get in once.
 * Success replaces the session (new token and CSRF token); the pre-MFA token stops working.
 */
export async function verifySecondFactor(
	deps: AppDeps,
	auth: RequestAuth,
	code: string,
	ip: string | null,
) {
	if (auth.stage !== "mfa_verify")
		throw refusal(
			"conflict",
			"second_factor_not_pending",
			"this session is not waiting for a second factor",
		);
	const { account } = auth;
	const tenantId = account.tenant_id;
	const now = new Date();
	const context = { tenantId, actorId: account.id, actorLabel: account.display_name, ip };
	const locked = await lockedUntil(deps.db, tenantId, account.username, now);
	if (locked) throw throttled(locked, now);

	const trimmed = code.trim();
	const secret = account.totp_secret ? deps.secrets.open(account.totp_secret) : null;
	const step = secret ? matchTotp(secret, trimmed, now.getTime()) : null;
	const storedCodes: string[] = account.recovery_codes ? JSON.parse(account.recovery_codes) : [];
	const recoveryIndex = step === null ? storedCodes.indexOf(hashRecoveryCode(trimmed)) : -1;

	const stage = nextStage(account, auth.roles, true);
	// Claim the code, record the login and replace the session in one transaction; null when a
	// racing request claimed the same code first.
	const accept = async (tx: Tx) => {
		const record = { recordType: "account", recordId: account.id };
		if (step !== null) {
			if (!(await claimTotpStep(tx, tenantId, account.id, step))) return null;
			await recordAudit(tx, context, "auth.login_succeeded", { method: "password_totp" }, record);
		} else {
			const remaining = storedCodes.filter((_, i) => i !== recoveryIndex);
			const replaced = await replaceRecoveryCodes(
				tx,
				tenantId,
				account.id,
				account.recovery_codes ?? "",
				JSON.stringify(remaining),
			);
			if (!replaced) return null;
			await recordAudit(
				tx,
				context,
				"auth.recovery_code_used",
				{ remaining: remaining.length },
				record,
			);
			await recordAudit(
				tx,
				context,
				"auth.login_succeeded",
				{ method: "password_recovery_code" },
				record,
			);
		}
		await clearFailures(tx, tenantId, account.username);
		return renewSession(tx, auth.session, stage);
	};
	const renewed = step !== null || recoveryIndex >= 0 ? await inTransaction(deps.db, accept) : null;
	if (renewed) return { stage, session: renewed };

	const until = await inTransaction(deps.db, async (tx) => {
		const lockEnd = await recordFailure(tx, tenantId, account.username, now);
		await recordAudit(tx, context, "auth.login_failed", {
			username: account.username,
			reason: "bad_second_factor",
		});
		if (lockEnd)
			await recordAudit(tx, context, "auth.login_throttled", {
				username: account.username,
				until: lockEnd,
			});
		return lockEnd;
	});
	if (until) throw throttled(until, now);
	throw new Problem("invalid_code", "the code is not correct");
}
