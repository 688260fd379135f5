import { containsText } from "../../db/like.ts";
import type { Queryable } from "../../db/queryable.ts";

export interface AuditFilter {
	actor?: string | undefined;
	type?: string | undefined;
	recordId?: string | undefined;
	from?: string | undefined;
	to?: string | undefined;
}

function filtered(db: Queryable, tenantId: string, filter: AuditFilter) {
	let query = db.selectFrom("audit_events").where("tenant_id", "=", tenantId);
	if (filter.actor) {
		const actor = filter.actor;
		query = query.where((eb) =>
			eb.or([eb("actor_id", "=", actor), containsText("actor_label", actor)]),
		);
	}
	if (filter.type) query = query.where("type", "=", filter.type);
	if (filter.recordId) query = query.where("record_id", "=", filter.recordId);
	// Stored instants all read `YYYY-MM-DDTHH:MM:SS.mmmZ`; bounds must too, or text comparison
	// puts "…:30Z" after "…:30.500Z".
	if (filter.from) query = query.where("occurred_at", ">=", new Date(filter.from).toISOString());
	if (filter.to) query = query.where("occurred_at", "<", new Date(filter.to).toISOString());
	return query;
}

/** Newest first, one page at a time, with the total for the filter. */
export async function listAuditEvents(
	db: Queryable,
	tenantId: string,
	filter: AuditFilter,
	page: { limit: number; offset: number },
) {
	const base = filtered(db, tenantId, filter);
	const [rows, count] = await Promise.all([
		base.selectAll().orderBy("seq", "desc").limit(page.limit).offset(page.offset).execute(),
		base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
	]);
	return { rows, total: Number(count.n) };
}
