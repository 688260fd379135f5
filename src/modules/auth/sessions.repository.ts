import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { SessionTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";

export type SessionRow = SessionTable;

/** Where a session stands in the login sequence; only `active` may use the application. */
export type SessionStage = "mfa_verify" | "password_change" | "mfa_enroll" | "active";

/** Sessions are stored by the SHA-256 of their token, so a database reader cannot hijack one. */
export function sessionIdFor(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

export async function insertSession(
	tx: Tx,
	values: {
		tenantId: string;
		accountId: string;
		stage: SessionStage;
		ip: string | null;
		userAgent: string | null;
		/** The OpenID provider vouched for the second factor (amr/acr). */
		secondFactorAtProvider?: boolean;
	},
): Promise<{ token: string; row: SessionRow }> {
	const token = randomBytes(32).toString("base64url");
	const now = new Date().toISOString();
	const row: SessionRow = {
		id: sessionIdFor(token),
		tenant_id: values.tenantId,
		account_id: values.accountId,
		stage: values.stage,
		csrf_token: randomBytes(24).toString("base64url"),
		pending_totp_secret: null,
		created_at: now,
		last_seen_at: now,
		ip: values.ip,
		user_agent: values.userAgent?.slice(0, 300) ?? null,
		second_factor_by: values.secondFactorAtProvider ? "provider" : null,
	};
	await tx.insertInto("sessions").values(row).execute();
	return { token, row };
}

/**
 * Replace a session by a new one at a change of login stage (ASVS V7.2.4): a new token and a new
 * CSRF token, and the old row deleted in the same transaction, so a copy of the old cookie is
 * refused at once. The login's start carries over: renewing never extends the absolute lifetime.
 * A session already renewed (two requests racing) is `unauthenticated`, not renewed twice.
 *
 * @example
 * const renewed = await renewSession(tx, auth.session, "active");
 */
export async function renewSession(
	tx: Tx,
	old: SessionRow,
	stage: SessionStage,
): Promise<{ token: string; row: SessionRow }> {
	const deleted = await tx.deleteFrom("sessions").where("id", "=", old.id).executeTakeFirst();
	if (Number(deleted.numDeletedRows) !== 1) throw new Problem("unauthenticated", "log in again");
	const token = randomBytes(32).toString("base64url");
	const row: SessionRow = {
		...old,
		id: sessionIdFor(token),
		stage,
		csrf_token: randomBytes(24).toString("base64url"),
		pending_totp_secret: null,
		last_seen_at: new Date().toISOString(),
	};
	await tx.insertInto("sessions").values(row).execute();
	return { token, row };
}

export function findSession(db: Queryable, token: string) {
	return db
		.selectFrom("sessions")
		.selectAll()
		.where("id", "=", sessionIdFor(token))
		.executeTakeFirst();
}

export async function updateSession(
	tx: Tx,
	id: string,
	patch: Partial<Pick<SessionRow, "stage" | "pending_totp_secret" | "last_seen_at">>,
): Promise<void> {
	await tx.updateTable("sessions").set(patch).where("id", "=", id).execute();
}

export async function deleteSession(tx: Tx, id: string): Promise<void> {
	await tx.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Revoke every session of an account except `keepId`; returns how many were revoked. */
export async function deleteAccountSessions(
	tx: Tx,
	accountId: string,
	keepId?: string,
): Promise<number> {
	let query = tx.deleteFrom("sessions").where("account_id", "=", accountId);
	if (keepId) query = query.where("id", "!=", keepId);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}
