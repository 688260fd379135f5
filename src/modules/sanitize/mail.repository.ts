import { sql } from "kysely";
import type { Queryable } from "../../db/queryable.ts";
import type { MailScope } from "./mail.scope.ts";

/** Reads of gateway mail for the web UI: lists by scope, counts for the summary. */

export const MAIL_LIST_COLUMNS = [
	"mail_messages.id",
	"mail_messages.envelope_from",
	"mail_messages.envelope_to",
	"mail_messages.subject",
	"mail_messages.size",
	"mail_messages.received_at",
	"mail_messages.status",
	"mail_messages.attempts",
	"mail_messages.held_reason",
	"mail_messages.held_reason_code",
	"mail_messages.held_reason_params",
	"mail_messages.report",
	"mail_messages.delivered_at",
] as const;

function scoped(db: Queryable, tenantId: string, scope: MailScope) {
	let query = db.selectFrom("mail_messages").where("mail_messages.tenant_id", "=", tenantId);
	if (scope.kind === "addresses" && scope.addresses.length === 0) {
		// No address of one's own and no unit: nothing to see.
		query = query.where(sql<boolean>`1 = 0`);
	} else if (scope.kind === "addresses") {
		const { addresses } = scope;
		query = query.where("mail_messages.id", "in", (eb) =>
			eb
				.selectFrom("mail_recipients")
				.select("mail_recipients.message_id")
				.where("mail_recipients.tenant_id", "=", tenantId)
				.where("mail_recipients.address", "in", addresses),
		);
	}
	return query;
}

export async function listScopedMessages(
	db: Queryable,
	tenantId: string,
	scope: MailScope,
	page: { limit: number; offset: number; status?: string | undefined },
) {
	let base = scoped(db, tenantId, scope);
	if (page.status) base = base.where("mail_messages.status", "=", page.status);
	const [rows, total] = await Promise.all([
		base
			.select([...MAIL_LIST_COLUMNS])
			.orderBy("mail_messages.received_at", "desc")
			.orderBy("mail_messages.id")
			.limit(page.limit)
			.offset(page.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(total.n) };
}

/** A message, when the scope covers it. */
export function findScopedMessage(db: Queryable, tenantId: string, scope: MailScope, id: string) {
	return scoped(db, tenantId, scope)
		.select([...MAIL_LIST_COLUMNS])
		.where("mail_messages.id", "=", id)
		.executeTakeFirst();
}

/** Messages received since `since`, with status and report, for the summary. */
export function scopedSince(db: Queryable, tenantId: string, scope: MailScope, since: string) {
	return scoped(db, tenantId, scope)
		.select(["mail_messages.status", "mail_messages.report", "mail_messages.received_at"])
		.where("mail_messages.received_at", ">=", since)
		.execute();
}

/** The latest held messages in scope. */
export function latestHeld(db: Queryable, tenantId: string, scope: MailScope, limit: number) {
	return scoped(db, tenantId, scope)
		.select([...MAIL_LIST_COLUMNS])
		.where("mail_messages.status", "=", "held")
		.orderBy("mail_messages.received_at", "desc")
		.limit(limit)
		.execute();
}

export type MailListRow = Awaited<ReturnType<typeof listScopedMessages>>["rows"][number];
