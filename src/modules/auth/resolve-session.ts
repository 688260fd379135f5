import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import {
	type AccountRow,
	findAccount,
	rolesInForceSince,
} from "../accounts/accounts.repository.ts";
import type { Actor, HeldRole } from "../authz/roles.ts";
import {
	deleteSession,
	findSession,
	type SessionRow,
	type SessionStage,
	updateSession,
} from "./sessions.repository.ts";
import { mfaRequired } from "./stage.ts";

/** A request's login state: the session, its account and the roles in force now. */
export interface RequestAuth {
	session: SessionRow;
	account: AccountRow;
	roles: HeldRole[];
	stage: SessionStage;
}

/** Touch `last_seen_at` at most this often; the idle timeout is far coarser. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Turn a session cookie into a `RequestAuth`, or null when the session is unknown, idle too long,
 * past its absolute lifetime, its account is disabled, or the account was granted a role since the
 * login (those sessions are deleted).
 * A session that became subject to mandatory MFA (a role was granted) is sent back to enrolment.
 */
export async function resolveSession(
	deps: AppDeps,
	token: string,
	now = new Date(),
): Promise<RequestAuth | null> {
	const session = await findSession(deps.db, token);
	if (!session) return null;
	const nowMs = now.getTime();
	const idle = nowMs - Date.parse(session.last_seen_at) > deps.config.sessionIdleSeconds * 1000;
	const expired =
		nowMs - Date.parse(session.created_at) > deps.config.sessionAbsoluteSeconds * 1000;
	const account =
		idle || expired ? undefined : await findAccount(deps.db, session.tenant_id, session.account_id);
	const held =
		account && (await rolesInForceSince(deps.db, session.tenant_id, account.id, now.toISOString()));
	// A role granted (or taking effect) after this login must not raise the session's privileges
	// silently (ASVS V7): the holder logs in again, and gets a new session for the new role.
	const elevated = Boolean(
		held?.latestGrantMs && held.latestGrantMs > Date.parse(session.created_at),
	);
	if (!account || !held || account.disabled_at || elevated) {
		await inTransaction(deps.db, (tx) => deleteSession(tx, session.id));
		return null;
	}
	const roles = held.roles;
	let stage = session.stage as SessionStage;
	const patch: Parameters<typeof updateSession>[2] = {};
	if (
		stage === "active" &&
		mfaRequired(account, roles) &&
		!account.totp_enabled_at &&
		session.second_factor_by !== "provider"
	) {
		stage = "mfa_enroll";
		patch.stage = stage;
	}
	if (nowMs - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS)
		patch.last_seen_at = now.toISOString();
	if (patch.stage !== undefined) {
		await inTransaction(deps.db, (tx) => updateSession(tx, session.id, patch));
	} else if (patch.last_seen_at !== undefined) {
		// Only bookkeeping: a read must not fail because a long import holds the write lock.
		const touched = await inTransaction(deps.db, (tx) => updateSession(tx, session.id, patch)).then(
			() => true,
			() => false,
		);
		if (!touched) return { session, account, roles, stage };
	}
	return { session: { ...session, ...patch }, account, roles, stage };
}

/** The actor of use cases, from a request's login state. */
export function actorOf(auth: RequestAuth, ip: string | null): Actor {
	return {
		tenantId: auth.session.tenant_id,
		accountId: auth.account.id,
		label: auth.account.display_name,
		roles: auth.roles,
		ip,
	};
}
