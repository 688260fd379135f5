import type { Queryable } from "../../db/queryable.ts";
import { japanDate } from "../../shared/dates.ts";
import { can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import { standingNoticesOf } from "./exceptions.repository.ts";
import type { ExceptionReminder } from "./exceptions.schemas.ts";

/** At most this many reminders are listed; more would be a list, not a reminder. */
const MAX_REMINDERS = 100;

/**
 * The caller's reminders of exceptions nearing their end (what the daily job told them, also by
 * mail) that still stand: the exception is approved, its end not past, not renewed to a new end.
 * Home counts them and the exceptions page lists them. Someone who may not read exceptions gets
 * none.
 *
 * @example
 * const reminders = await myExceptionReminders(db, actor); // [{ reference: "例外-R8-0001", … }]
 */
export async function myExceptionReminders(
	db: Queryable,
	actor: Actor,
	now: Date = new Date(),
): Promise<ExceptionReminder[]> {
	if (!can(actor, exceptionsPolicy, "exception.read")) return [];
	const rows = await standingNoticesOf(
		db,
		actor.tenantId,
		actor.accountId,
		japanDate(now),
		MAX_REMINDERS,
	);
	// One line per exception, whatever the number of notices.
	const seen = new Set<string>();
	return rows.flatMap((row) => {
		if (seen.has(row.exception_id)) return [];
		seen.add(row.exception_id);
		return [
			{
				exceptionId: row.exception_id,
				reference: row.reference,
				clause: row.clause,
				endsOn: row.ends_on,
				notifiedAt: row.notified_at,
			},
		];
	});
}
