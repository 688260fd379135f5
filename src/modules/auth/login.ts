import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { findAccountByUsername, rolesInForce } from "../accounts/accounts.repository.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import { localPasswordAllowed } from "../directory/local-password.ts";
import { findTenantBySlug } from "../tenants/tenants.repository.ts";
import { decoyPasswordHash, verifyPassword } from "./password-hash.ts";
import { deleteSession, insertSession } from "./sessions.repository.ts";
import { nextStage } from "./stage.ts";
import { clearFailures, lockedUntil, recordFailure, throttled } from "./throttle.ts";

export interface LoginInput {
	tenant: string;
	username: string;
	password: string;
	ip: string | null;
	userAgent: string | null;
	/** The session the browser already holds, ended by a successful login (a new id each login). */
	replacesSessionId?: string | null;
}

const INVALID = "the tenant, user name or password is not correct";

/**
 * First step of login: the password. Every refusal looks the same whether or not the tenant or
 * account exists, and costs the same hash computation.
 */
export async function loginWithPassword(deps: AppDeps, input: LoginInput) {
	const now = new Date();
	const tenant = await findTenantBySlug(deps.db, input.tenant);
	if (!tenant) {
		await verifyPassword(input.password, await decoyPasswordHash());
		throw new Problem("invalid_credentials", INVALID);
	}
	const locked = await lockedUntil(deps.db, tenant.id, input.username, now);
	if (locked) {
		await verifyPassword(input.password, await decoyPasswordHash());
		throw throttled(locked, now);
	}
	const account = await findAccountByUsername(deps.db, tenant.id, input.username);
	const passwordOk = await verifyPassword(
		input.password,
		account?.password_hash ?? (await decoyPasswordHash()),
	);
	const context = {
		tenantId: tenant.id,
		actorId: account?.id ?? null,
		actorLabel: input.username,
		ip: input.ip,
	};

	if (!account || !passwordOk || account.disabled_at) {
		const reason = account?.disabled_at && passwordOk ? "disabled" : "bad_credentials";
		const until = await inTransaction(deps.db, async (tx) => {
			const lockEnd = await recordFailure(tx, tenant.id, input.username, now);
			await recordAudit(tx, context, "auth.login_failed", { username: input.username, reason });
			if (lockEnd)
				await recordAudit(tx, context, "auth.login_throttled", {
					username: input.username,
					until: lockEnd,
				});
			return lockEnd;
		});
		if (until) throw throttled(until, now);
		throw new Problem("invalid_credentials", INVALID);
	}

	const roles = await rolesInForce(deps.db, tenant.id, account.id, now.toISOString());
	// A tenant that signs its staff in with the directory may keep local passwords for its
	// break-glass administrators only.
	if (!(await localPasswordAllowed(deps.db, tenant.id, roles))) {
		await inTransaction(deps.db, (tx) =>
			recordAudit(tx, context, "auth.login_failed", {
				username: input.username,
				reason: "local_password_off",
			}),
		);
		throw refusal("forbidden", "local_password_off", "local password sign-in is turned off");
	}
	const stage = nextStage(account, roles, false);
	return inTransaction(deps.db, async (tx) => {
		await clearFailures(tx, tenant.id, input.username);
		if (input.replacesSessionId) await deleteSession(tx, input.replacesSessionId);
		const session = await insertSession(tx, {
			tenantId: tenant.id,
			accountId: account.id,
			stage,
			ip: input.ip,
			userAgent: input.userAgent,
		});
		if (stage !== "mfa_verify") {
			await recordAudit(
				tx,
				{ ...context, actorLabel: account.display_name },
				"auth.login_succeeded",
				{ method: "password" },
				{
					recordType: "account",
					recordId: account.id,
				},
			);
		}
		return session;
	});
}
