import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { Problem } from "../../http/problem.ts";
import { updateAccount } from "../accounts/accounts.repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { RequestAuth } from "./resolve-session.ts";
import { updateSession } from "./sessions.repository.ts";
import { nextStage } from "./stage.ts";
import { clearFailures, lockedUntil, recordFailure } from "./throttle.ts";
import { hashRecoveryCode, matchTotp } from "./totp.ts";

/**
 * Second step of login: a TOTP code, or one of the recovery codes (each works once).
 * Wrong codes count towards the same throttle as wrong passwords.
 */
export async function verifySecondFactor(
	deps: AppDeps,
	auth: RequestAuth,
	code: string,
	ip: string | null,
) {
	if (auth.stage !== "mfa_verify")
		throw new Problem("conflict", "this session is not waiting for a second factor");
	const { account } = auth;
	const tenantId = account.tenant_id;
	const now = new Date();
	const context = { tenantId, actorId: account.id, actorLabel: account.display_name, ip };
	if (await lockedUntil(deps.db, tenantId, account.username, now)) {
		throw new Problem("login_throttled", "too many failed attempts; try again later");
	}

	const trimmed = code.trim();
	const secret = account.totp_secret ? deps.secrets.open(account.totp_secret) : null;
	const step = secret ? matchTotp(secret, trimmed, now.getTime()) : null;
	const replay =
		step !== null && account.totp_last_step !== null && step <= Number(account.totp_last_step);
	const storedCodes: string[] = account.recovery_codes ? JSON.parse(account.recovery_codes) : [];
	const recoveryIndex = step === null ? storedCodes.indexOf(hashRecoveryCode(trimmed)) : -1;

	if ((step === null || replay) && recoveryIndex < 0) {
		await inTransaction(deps.db, async (tx) => {
			await recordFailure(tx, tenantId, account.username, now);
			await recordAudit(tx, context, "auth.login_failed", {
				username: account.username,
				reason: "bad_second_factor",
			});
		});
		throw new Problem("invalid_code", "the code is not correct");
	}

	const stage = nextStage(account, auth.roles, true);
	await inTransaction(deps.db, async (tx) => {
		await clearFailures(tx, tenantId, account.username);
		const record = { recordType: "account", recordId: account.id };
		if (step !== null) {
			await updateAccount(tx, tenantId, account.id, { totp_last_step: step });
			await recordAudit(tx, context, "auth.login_succeeded", { method: "password_totp" }, record);
		} else {
			const remaining = storedCodes.filter((_, i) => i !== recoveryIndex);
			await updateAccount(tx, tenantId, account.id, { recovery_codes: JSON.stringify(remaining) });
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
		await updateSession(tx, auth.session.id, { stage });
	});
	return { stage };
}
