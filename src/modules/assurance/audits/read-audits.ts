import type { Queryable } from "../../../db/queryable.ts";
import { japanDate } from "../../../shared/dates.ts";
import { findAccounts, listAccounts } from "../../accounts/accounts.repository.ts";
import { allowedActions, authorize, can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { auditChecklistLabel } from "../checklists/read-checklists.ts";
import { auditReach, visibleAudit } from "./audit-access.ts";
import { auditActions, isEditable } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import {
	type AuditRow,
	type AuditUnitRow,
	auditTeams,
	auditUnits,
	listAudits,
	type TeamRow,
} from "./audits.repository.ts";
import type {
	AuditKind,
	AuditQuery,
	AuditState,
	AuditSummary,
	AuditView,
} from "./audits.schemas.ts";
import { listYearlyPlans, plannedUnits } from "./plans.repository.ts";

/** What audits are shown with: their teams and units, and the names of both. */
interface Related {
	team: readonly TeamRow[];
	units: readonly AuditUnitRow[];
	unitName: ReadonlyMap<string, string>;
	/** Units in the organisation's order (行政組織規則 order). */
	unitOrder: ReadonlyMap<string, number>;
	accountName: ReadonlyMap<string, string>;
}

async function relatedOf(
	db: Queryable,
	tenantId: string,
	rows: readonly AuditRow[],
): Promise<Related> {
	const ids = rows.map((r) => r.id);
	const [team, units, orgUnits] = await Promise.all([
		auditTeams(db, tenantId, ids),
		auditUnits(db, tenantId, ids),
		ids.length > 0 ? listOrgUnits(db, tenantId) : Promise.resolve([]),
	]);
	const people = [
		...team.map((m) => m.account_id),
		...rows.flatMap((r) => (r.ordered_by ? [r.ordered_by] : [])),
	];
	const accounts = await findAccounts(db, tenantId, people);
	return {
		team,
		units,
		unitName: new Map(orgUnits.map((u) => [u.id, u.name])),
		unitOrder: new Map(orgUnits.map((u, index) => [u.id, index])),
		accountName: new Map(accounts.map((a) => [a.id, a.display_name])),
	};
}

function summaryOf(row: AuditRow, related: Related): AuditSummary {
	const lead = related.team.find((m) => m.audit_id === row.id && m.role === "lead");
	return {
		id: row.id,
		title: row.title,
		kind: row.kind as AuditKind,
		state: row.state as AuditState,
		fiscalYear: Number(row.fiscal_year),
		periodStart: row.period_start,
		periodEnd: row.period_end,
		lead: lead
			? { id: lead.account_id, name: related.accountName.get(lead.account_id) ?? "" }
			: null,
		units: related.units
			.filter((u) => u.audit_id === row.id)
			.sort(
				(a, b) =>
					(related.unitOrder.get(a.org_unit_id) ?? 0) - (related.unitOrder.get(b.org_unit_id) ?? 0),
			)
			.map((u) => ({ id: u.org_unit_id, name: related.unitName.get(u.org_unit_id) ?? "" })),
	};
}

function viewOf(
	actor: Actor,
	row: AuditRow,
	related: Related,
	checklist: AuditView["checklist"],
): AuditView {
	const name = (id: string) => ({ id, name: related.accountName.get(id) ?? "" });
	const runs = can(actor, auditsPolicy, "assurance_audit.manage");
	const mine = related.team.find((m) => m.audit_id === row.id && m.account_id === actor.accountId);
	return {
		...summaryOf(row, related),
		yearlyPlanId: row.yearly_plan_id,
		reason: row.ad_hoc_reason,
		orderedBy: row.ordered_by ? name(row.ordered_by) : null,
		scope: row.scope,
		criteria: row.criteria,
		checklistVersionId: row.checklist_version_id,
		checklist,
		auditors: related.team
			.filter((m) => m.audit_id === row.id && m.role !== "lead")
			.map((m) => name(m.account_id)),
		version: Number(row.version),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		fieldworkAt: row.fieldwork_at,
		reportingAt: row.reporting_at,
		closedAt: row.closed_at,
		allowedActions: runs ? auditActions(row.state as AuditState) : [],
		fieldworkActions: [
			...((runs || mine?.role === "lead") && isEditable(row.state)
				? ["assurance_audit.choose_checklist"]
				: []),
			...(runs || mine ? ["assurance_audit.read_fieldwork"] : []),
		],
	};
}

/** One audit as the API shows it, with what the caller may do with it now. */
export async function presentAudit(db: Queryable, actor: Actor, row: AuditRow): Promise<AuditView> {
	const [related, checklist] = await Promise.all([
		relatedOf(db, actor.tenantId, [row]),
		row.checklist_version_id === null
			? Promise.resolve(undefined)
			: auditChecklistLabel(db, actor.tenantId, row.checklist_version_id),
	]);
	return viewOf(actor, row, related, checklist ?? null);
}

/** One audit the caller may read (see audit-access.ts); others are not found. */
export async function getAudit(db: Queryable, actor: Actor, id: string): Promise<AuditView> {
	authorize(actor, auditsPolicy, "assurance_audit.read");
	return presentAudit(db, actor, await visibleAudit(db, actor, id));
}

/** A page of the audits the caller may read, by state, kind, fiscal year or yearly plan. */
export async function listVisibleAudits(db: Queryable, actor: Actor, query: AuditQuery) {
	authorize(actor, auditsPolicy, "assurance_audit.read");
	const reach = await auditReach(db, actor);
	const { rows, total } = await listAudits(db, actor.tenantId, reach, query);
	const related = await relatedOf(db, actor.tenantId, rows);
	return {
		items: rows.map((row) => summaryOf(row, related)),
		total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(actor, auditsPolicy, [
			"assurance_audit.manage",
			"assurance_audit.order_ad_hoc",
		]),
	};
}

const MAX_ACCOUNTS = 2000;

/** What the audit forms choose from: units, active accounts, yearly plans, and today in Japan. */
export async function auditOptions(db: Queryable, actor: Actor, now: Date = new Date()) {
	authorize(actor, auditsPolicy, "assurance_audit.manage");
	const [units, accounts, plans] = await Promise.all([
		listOrgUnits(db, actor.tenantId),
		listAccounts(db, actor.tenantId, { limit: MAX_ACCOUNTS, offset: 0 }),
		listYearlyPlans(db, actor.tenantId),
	]);
	const planned = await plannedUnits(
		db,
		actor.tenantId,
		plans.map((p) => p.id),
	);
	return {
		units: units.map((u) => ({ id: u.id, name: u.name })),
		accounts: accounts.rows
			.filter((a) => a.disabled_at === null)
			.map((a) => ({ id: a.id, name: a.display_name, username: a.username })),
		yearlyPlans: plans.map((p) => ({
			id: p.id,
			fiscalYear: Number(p.fiscal_year),
			unitIds: planned.filter((u) => u.yearly_plan_id === p.id).map((u) => u.org_unit_id),
		})),
		today: japanDate(now),
		mayOrderAdHoc: can(actor, auditsPolicy, "assurance_audit.order_ad_hoc"),
	};
}
