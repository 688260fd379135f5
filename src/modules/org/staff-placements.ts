import type { Queryable } from "../../db/queryable.ts";
import { rosterPlanSchema } from "./roster/roster.schemas.ts";

/** Where a member of staff is now, and since when (as far as the roster says). */
export interface StaffPlacement {
	staffId: string;
	accountId: string;
	displayName: string;
	email: string | null;
	/** 所属 now. */
	orgUnitId: string;
	active: boolean;
	/** When they left (an instant), if they did. */
	leftAt: string | null;
	/**
	 * The 発令日 (an instant) of the latest applied roster that moved them to `orgUnitId`, or the
	 * day that roster was applied when it gave none; null when no roster moved them there.
	 */
	movedAt: string | null;
}

/** The newest applied rosters read for moves; a tenant applies a few a year. */
const ROSTERS_READ = 50;

/**
 * Where the given staff are now, for modules that follow people across transfers (the My Number
 * handler register ends a handler's entry when they move to another unit). Read through this
 * function, never from the org tables.
 *
 * @example
 * const [p] = await staffPlacements(db, tenantId, [staffId]); // { orgUnitId, movedAt, … }
 */
export async function staffPlacements(
	db: Queryable,
	tenantId: string,
	staffIds: readonly string[],
): Promise<StaffPlacement[]> {
	if (staffIds.length === 0) return [];
	const [rows, rosters] = await Promise.all([
		db
			.selectFrom("staff")
			.innerJoin("accounts", "accounts.id", "staff.account_id")
			.select([
				"staff.id",
				"staff.account_id",
				"staff.org_unit_id",
				"staff.active",
				"staff.left_at",
				"accounts.display_name",
				"accounts.email",
			])
			.where("staff.tenant_id", "=", tenantId)
			.where("staff.id", "in", [...new Set(staffIds)])
			.execute(),
		db
			.selectFrom("roster_imports")
			.select(["plan", "applied_at"])
			.where("tenant_id", "=", tenantId)
			.where("status", "=", "applied")
			.orderBy("applied_at", "desc")
			.limit(ROSTERS_READ)
			.execute(),
	]);
	const moved = new Map<string, { toUnitId: string; at: string }>();
	for (const roster of rosters) {
		const parsed = rosterPlanSchema.safeParse(JSON.parse(roster.plan));
		if (!parsed.success) continue;
		for (const move of parsed.data.moves) {
			if (moved.has(move.staffId)) continue;
			moved.set(move.staffId, {
				toUnitId: move.toUnitId,
				at: move.effectiveAt ?? roster.applied_at ?? "",
			});
		}
	}
	return rows.map((row) => {
		const move = moved.get(row.id);
		return {
			staffId: row.id,
			accountId: row.account_id,
			displayName: row.display_name,
			email: row.email,
			orgUnitId: row.org_unit_id,
			active: Boolean(row.active),
			leftAt: row.left_at,
			movedAt: move && move.toUnitId === row.org_unit_id && move.at ? move.at : null,
		};
	});
}

/** The staff records (ids) of an account, active or not: how a login is found in the roster. */
export async function staffIdsOfAccount(
	db: Queryable,
	tenantId: string,
	accountId: string,
): Promise<string[]> {
	const rows = await db
		.selectFrom("staff")
		.select("id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.execute();
	return rows.map((row) => row.id);
}
