import type { Queryable } from "../../../db/queryable.ts";
import { japanDate } from "../../../shared/dates.ts";
import { listAccounts } from "../../accounts/accounts.repository.ts";
import { allowedActions, authorize, can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { drillOr404 } from "./drill-access.ts";
import { stepsFrom } from "./drill-rules.ts";
import { drillsPolicy } from "./drills.policy.ts";
import {
	type DrillRow,
	drillFollowUps,
	drillParticipants,
	drillUnits,
	type FollowUpRow,
	listDrills,
	type ParticipantRow,
} from "./drills.repository.ts";
import type { DrillQuery, DrillState, DrillSummary, DrillView } from "./drills.schemas.ts";

/** What a drill's rows are shown with: unit names, participants and follow-ups. */
interface Related {
	unitName: ReadonlyMap<string, string>;
	units: readonly { drill_id: string; org_unit_id: string }[];
	participants: readonly ParticipantRow[];
	followUps: readonly FollowUpRow[];
}

async function relatedOf(db: Queryable, tenantId: string, ids: string[]): Promise<Related> {
	const [units, participants, followUps, orgUnits] = await Promise.all([
		drillUnits(db, tenantId, ids),
		drillParticipants(db, tenantId, ids),
		drillFollowUps(db, tenantId, ids),
		ids.length > 0 ? listOrgUnits(db, tenantId) : Promise.resolve([]),
	]);
	return {
		unitName: new Map(orgUnits.map((u) => [u.id, u.name])),
		units,
		participants,
		followUps,
	};
}

function summaryOf(row: DrillRow, related: Related): DrillSummary {
	const mine = <T extends { drill_id: string }>(list: readonly T[]) =>
		list.filter((item) => item.drill_id === row.id);
	return {
		id: row.id,
		title: row.title,
		state: row.state as DrillState,
		plannedOn: row.planned_on,
		heldOn: row.held_on,
		fiscalYear: Number(row.fiscal_year),
		units: mine(related.units).map((u) => ({
			id: u.org_unit_id,
			name: related.unitName.get(u.org_unit_id) ?? "",
		})),
		participantCount: mine(related.participants).reduce((sum, p) => sum + Number(p.headcount), 0),
		followUpCount: mine(related.followUps).length,
	};
}

function viewOf(actor: Actor, row: DrillRow, related: Related): DrillView {
	const mine = <T extends { drill_id: string }>(list: readonly T[]) =>
		list.filter((item) => item.drill_id === row.id);
	const state = row.state as DrillState;
	return {
		...summaryOf(row, related),
		scenario: row.scenario,
		summary: row.summary,
		lessons: row.lessons,
		cancelReason: row.cancel_reason,
		participants: mine(related.participants).map((p) => ({
			accountId: p.account_id,
			name: p.name,
			headcount: Number(p.headcount),
		})),
		followUps: mine(related.followUps).map((f) => ({
			id: f.id,
			measure: f.measure,
			responsible: f.responsible,
			targetDate: f.target_date,
		})),
		version: Number(row.version),
		createdAt: row.created_at,
		heldAt: row.held_at,
		recordedAt: row.recorded_at,
		cancelledAt: row.cancelled_at,
		allowedActions: can(actor, drillsPolicy, "drill.manage") ? stepsFrom(state) : [],
	};
}

/** One drill as the API shows it, with the steps the caller may take on it now. */
export async function presentDrill(db: Queryable, actor: Actor, row: DrillRow): Promise<DrillView> {
	return viewOf(actor, row, await relatedOf(db, actor.tenantId, [row.id]));
}

/** One drill of the caller's tenant. */
export async function getDrill(db: Queryable, actor: Actor, id: string): Promise<DrillView> {
	authorize(actor, drillsPolicy, "drill.read");
	return presentDrill(db, actor, await drillOr404(db, actor, id));
}

/** A page of the tenant's drills, by state and fiscal year. */
export async function listTenantDrills(db: Queryable, actor: Actor, query: DrillQuery) {
	authorize(actor, drillsPolicy, "drill.read");
	const { rows, total } = await listDrills(db, actor.tenantId, query);
	const related = await relatedOf(
		db,
		actor.tenantId,
		rows.map((r) => r.id),
	);
	return {
		items: rows.map((row) => summaryOf(row, related)),
		total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(actor, drillsPolicy),
	};
}

const MAX_ACCOUNTS = 2000;

/** What the forms choose from: the tenant's units and active accounts, and today in Japan. */
export async function drillOptions(db: Queryable, actor: Actor, now: Date = new Date()) {
	authorize(actor, drillsPolicy, "drill.manage");
	const [units, accounts] = await Promise.all([
		listOrgUnits(db, actor.tenantId),
		listAccounts(db, actor.tenantId, { limit: MAX_ACCOUNTS, offset: 0 }),
	]);
	return {
		units: units.map((u) => ({ id: u.id, name: u.name })),
		accounts: accounts.rows
			.filter((a) => a.disabled_at === null)
			.map((a) => ({ id: a.id, name: a.display_name })),
		today: japanDate(now),
	};
}
