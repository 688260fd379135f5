import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";

/** Failures allowed before the first lock; each further failure doubles the lock. */
const FREE_FAILURES = 4;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 60 * 60;

/**
 * Throttling is keyed by tenant and the name typed, not by account, so a name that does not
 * exist is throttled exactly like one that does and the answer reveals nothing.
 */
export function usernameKey(username: string): string {
	return username.normalize("NFKC").trim().toLowerCase();
}

export async function lockedUntil(
	db: Queryable,
	tenantId: string,
	username: string,
	now: Date,
): Promise<string | null> {
	const row = await db
		.selectFrom("login_throttle")
		.select("locked_until")
		.where("tenant_id", "=", tenantId)
		.where("username_key", "=", usernameKey(username))
		.executeTakeFirst();
	return row?.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null;
}

/** Count one failure; returns the lock end when this failure starts a lock. */
export async function recordFailure(
	tx: Tx,
	tenantId: string,
	username: string,
	now: Date,
): Promise<string | null> {
	const key = usernameKey(username);
	const existing = await tx
		.selectFrom("login_throttle")
		.select("failures")
		.where("tenant_id", "=", tenantId)
		.where("username_key", "=", key)
		.executeTakeFirst();
	const failures = (existing?.failures ?? 0) + 1;
	const lockSeconds =
		failures > FREE_FAILURES
			? Math.min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES - 1), MAX_LOCK_SECONDS)
			: 0;
	const until = lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : null;
	const values = { failures, locked_until: until, last_failure_at: now.toISOString() };
	if (existing) {
		await tx
			.updateTable("login_throttle")
			.set(values)
			.where("tenant_id", "=", tenantId)
			.where("username_key", "=", key)
			.execute();
	} else {
		await tx
			.insertInto("login_throttle")
			.values({ tenant_id: tenantId, username_key: key, ...values })
			.execute();
	}
	return until;
}

export async function clearFailures(tx: Tx, tenantId: string, username: string): Promise<void> {
	await tx
		.deleteFrom("login_throttle")
		.where("tenant_id", "=", tenantId)
		.where("username_key", "=", usernameKey(username))
		.execute();
}

/** The refusal while a lock lasts, saying when to try again (Retry-After). */
export function throttled(until: string, now: Date): Problem {
	const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
	return new Problem(
		"login_throttled",
		`too many failed attempts; try again in ${seconds} seconds`,
		{
			retryAfterSeconds: seconds,
		},
	);
}
