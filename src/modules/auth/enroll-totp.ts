import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal, ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { updateAccount } from "../accounts/accounts.repository.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import { findTenant } from "../tenants/tenants.repository.ts";
import type { RequestAuth } from "./resolve-session.ts";
import { renewSession, updateSession } from "./sessions.repository.ts";
import { nextStage } from "./stage.ts";
import { matchTotp, newRecoveryCodes, newTotpSecret, totpEnrollment } from "./totp.ts";

function assertCanEnrol(auth: RequestAuth): void {
	if (auth.account.totp_enabled_at)
		throw refusal("conflict", "totp_already_enrolled", "TOTP is already enrolled for this account");
	if (auth.stage !== "mfa_enroll" && auth.stage !== "active") {
		throw refusal("conflict", "login_steps_pending", "finish the earlier login steps first");
	}
}

/** Start enrolment: a new secret, kept encrypted on the session until a code confirms it. */
export async function beginTotpEnrollment(deps: AppDeps, auth: RequestAuth) {
	assertCanEnrol(auth);
	const secret = newTotpSecret();
	const tenant = await findTenant(deps.db, auth.account.tenant_id);
	const label = `${auth.account.username}@${tenant?.slug ?? "mamori"}`;
	const { uri, qrSvg } = await totpEnrollment(secret, label, "Mamori");
	await inTransaction(deps.db, (tx) =>
		updateSession(tx, auth.session.id, { pending_totp_secret: deps.secrets.seal(secret) }),
	);
	return { secret, otpauthUri: uri, qrSvg };
}

/**
 * Finish enrolment with a code from the app; returns ten recovery codes, shown this once, and
 * replaces the session (new token and CSRF token) now that the login step is done.
 */
export async function confirmTotpEnrollment(
	deps: AppDeps,
	auth: RequestAuth,
	code: string,
	ip: string | null,
) {
	assertCanEnrol(auth);
	if (!auth.session.pending_totp_secret)
		throw refusal("conflict", "totp_enrolment_not_started", "start the enrolment first");
	const secret = deps.secrets.open(auth.session.pending_totp_secret);
	const step = matchTotp(secret, code.trim());
	if (step === null) {
		throw new Problem("invalid_code", "the code does not match; check the time on your device", {
			issues: [ruleIssue("code", "totp_mismatch", "does not match")],
		});
	}
	const { codes, hashes } = newRecoveryCodes();
	const now = new Date().toISOString();
	const account = auth.account;
	const enrolled = { ...account, totp_enabled_at: now };
	const stage = nextStage(enrolled, auth.roles, true);
	const session = await inTransaction(deps.db, async (tx) => {
		await updateAccount(tx, account.tenant_id, account.id, {
			totp_secret: deps.secrets.seal(secret),
			totp_enabled_at: now,
			totp_last_step: step,
			recovery_codes: JSON.stringify(hashes),
			updated_at: now,
		});
		await recordAudit(
			tx,
			{ tenantId: account.tenant_id, actorId: account.id, actorLabel: account.display_name, ip },
			"auth.mfa_enrolled",
			{},
			{ recordType: "account", recordId: account.id },
		);
		return renewSession(tx, auth.session, stage);
	});
	return { stage, recoveryCodes: codes, session };
}
