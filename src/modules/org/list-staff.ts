import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { orgPolicy } from "./org.policy.ts";
import { listOrgUnits } from "./org.repository.ts";
import { descendantsOf } from "./org-rules.ts";
import { staffWithAccounts } from "./staff.repository.ts";
import type { StaffListQuery, staffSchema } from "./staff.schemas.ts";

type StaffView = z.infer<typeof staffSchema>;
type StaffJoined = Awaited<ReturnType<ReturnType<typeof staffWithAccounts>["execute"]>>[number];

function present(
	row: StaffJoined,
	units: ReadonlyMap<string, { code: string; name: string }>,
	actor: Actor,
): StaffView {
	const unit = units.get(row.org_unit_id);
	return {
		id: row.id,
		accountId: row.account_id,
		staffNumber: row.staff_number,
		username: row.username,
		displayName: row.display_name,
		email: row.email,
		category: row.category as StaffView["category"],
		orgUnitId: row.org_unit_id,
		orgUnitCode: unit?.code ?? "",
		orgUnitName: unit?.name ?? "",
		title: row.title,
		worksInMynumber: Boolean(row.works_in_mynumber),
		active: Boolean(row.active),
		accountDisabled: Boolean(row.disabled_at),
		leftAt: row.left_at,
		allowedActions: allowedActions(actor, orgPolicy, ["staff.update"]),
	};
}

/** Staff of the tenant, filtered by unit (with the units under it), category and status. */
export async function listStaff(db: Queryable, actor: Actor, query: StaffListQuery) {
	authorize(actor, orgPolicy, "staff.read");
	const units = await listOrgUnits(db, actor.tenantId);
	const unitMap = new Map(units.map((u) => [u.id, u]));
	let base = staffWithAccounts(db, actor.tenantId);
	if (query.unitId) {
		if (!unitMap.has(query.unitId)) {
			throw new Problem("validation_failed", `org unit ${query.unitId} does not exist`, {
				issues: [ruleIssue("unitId", "org_unit_unknown", "unknown org unit")],
			});
		}
		const ids =
			query.descendants === "true" ? [...descendantsOf(units, query.unitId)] : [query.unitId];
		base = base.where("staff.org_unit_id", "in", ids);
	}
	if (query.category) base = base.where("staff.category", "=", query.category);
	if (query.active !== "all") base = base.where("staff.active", "=", query.active === "true");
	const rows = await base.execute();
	const text = query.q?.toLowerCase();
	const filtered = text
		? rows.filter((r) =>
				[r.staff_number, r.username, r.display_name, r.title ?? ""].some((v) =>
					v.toLowerCase().includes(text),
				),
			)
		: rows;
	return {
		items: filtered
			.slice(query.offset, query.offset + query.limit)
			.map((r) => present(r, unitMap, actor)),
		total: filtered.length,
	};
}

/** One staff member, or `not_found` (also for other tenants' ids). */
export async function viewStaff(db: Queryable, actor: Actor, staffId: string): Promise<StaffView> {
	authorize(actor, orgPolicy, "staff.read");
	const row = await staffWithAccounts(db, actor.tenantId)
		.where("staff.id", "=", staffId)
		.executeTakeFirst();
	if (!row) throw new Problem("not_found", `staff member ${staffId} does not exist`);
	const units = await listOrgUnits(db, actor.tenantId);
	return present(row, new Map(units.map((u) => [u.id, u])), actor);
}
