import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertIndependent } from "./affiliations.ts";
import { auditOr404 } from "./audit-access.ts";
import { invalid, isEditable, notEditable, stale } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import {
	type AuditRow,
	auditTeams,
	auditUnits,
	replaceAuditUnits,
	replaceTeam,
	updateAudit,
} from "./audits.repository.ts";
import type { UpdateAuditInput } from "./audits.schemas.ts";
import { checkTeam, checkUnitIds } from "./check-input.ts";
import { checkChecklistChange } from "./choose-checklist.ts";
import { checkPeriod } from "./create-audit.ts";

const PLAN_FIELDS = [
	["title", "title"],
	["scope", "scope"],
	["criteria", "criteria"],
	["periodStart", "period_start"],
	["periodEnd", "period_end"],
	["checklistVersionId", "checklist_version_id"],
	["reason", "ad_hoc_reason"],
] as const;

/**
 * Change an audit as last read (its version), while planned or in fieldwork: its implementation
 * plan, its team, its units. A change of the team, the units or the period checks the team's
 * independence of the units again. Each kind of change is its own audit event.
 *
 * @throws Problem `conflict` (`audit_not_editable`, `stale_version`, or the independence codes)
 * @throws Problem `validation_failed` (unknown unit or account, period, reason of a planned audit)
 */
export async function updateAuditDetails(
	tx: Tx,
	actor: Actor,
	id: string,
	input: UpdateAuditInput,
	now: Date = new Date(),
): Promise<AuditRow> {
	authorize(actor, auditsPolicy, "assurance_audit.manage");
	const row = await auditOr404(tx, actor, id);
	if (!isEditable(row.state)) throw notEditable(row.state);
	if (Number(row.version) !== input.version) throw stale();
	if (input.reason !== undefined && row.kind !== "ad_hoc") {
		throw invalid([
			{ path: "reason", code: "invalid", message: "only ad-hoc audits have a reason" },
		]);
	}
	const next: AuditRow = {
		...row,
		title: input.title ?? row.title,
		scope: input.scope ?? row.scope,
		criteria: input.criteria ?? row.criteria,
		period_start: input.periodStart ?? row.period_start,
		period_end: input.periodEnd ?? row.period_end,
		checklist_version_id:
			input.checklistVersionId === undefined ? row.checklist_version_id : input.checklistVersionId,
		ad_hoc_reason: input.reason ?? row.ad_hoc_reason,
		updated_at: now.toISOString(),
	};
	if (next.checklist_version_id !== row.checklist_version_id) {
		await checkChecklistChange(tx, actor.tenantId, id, next.checklist_version_id);
	}
	checkPeriod(
		next.period_start,
		next.period_end,
		row.kind === "planned" ? Number(row.fiscal_year) : null,
	);
	const [teamRows, unitRows] = await Promise.all([
		auditTeams(tx, actor.tenantId, [id]),
		auditUnits(tx, actor.tenantId, [id]),
	]);
	const before = {
		lead: teamRows.find((m) => m.role === "lead")?.account_id ?? "",
		members: teamRows.filter((m) => m.role !== "lead").map((m) => m.account_id),
	};
	const after =
		input.leadAuditorId !== undefined || input.auditorIds !== undefined
			? await checkTeam(
					tx,
					actor.tenantId,
					input.leadAuditorId ?? before.lead,
					input.auditorIds ?? before.members,
				)
			: before;
	const wasUnits = unitRows.map((u) => u.org_unit_id);
	const units =
		input.unitIds !== undefined ? await checkUnitIds(tx, actor.tenantId, input.unitIds) : wasUnits;
	const teamChanged = after.lead !== before.lead || after.members.join() !== before.members.join();
	const added = units.filter((u) => !wasUnits.includes(u));
	const removed = wasUnits.filter((u) => !units.includes(u));
	if (teamChanged || added.length > 0 || next.period_end !== row.period_end) {
		await assertIndependent(
			tx,
			actor.tenantId,
			[after.lead, ...after.members],
			units,
			next.period_end,
			now,
		);
	}
	const changed = PLAN_FIELDS.filter(([, column]) => next[column] !== row[column]).map(
		([field]) => field,
	);
	if (changed.length === 0 && !teamChanged && added.length === 0 && removed.length === 0) {
		return row;
	}
	const patch: Partial<AuditRow> = {
		title: next.title,
		scope: next.scope,
		criteria: next.criteria,
		period_start: next.period_start,
		period_end: next.period_end,
		checklist_version_id: next.checklist_version_id,
		ad_hoc_reason: next.ad_hoc_reason,
		updated_at: next.updated_at,
	};
	if (!(await updateAudit(tx, actor.tenantId, id, input.version, patch))) throw stale();
	const context = auditContextOf(actor);
	const record = { recordType: "assurance_audit", recordId: id };
	if (changed.length > 0) {
		await recordAudit(
			tx,
			context,
			"assurance_audit.updated",
			{ title: next.title, changed },
			record,
		);
	}
	if (teamChanged) {
		await replaceTeam(tx, actor.tenantId, id, after.lead, after.members);
		await recordAudit(
			tx,
			context,
			"assurance_audit.team_changed",
			{ title: next.title, before, after },
			record,
		);
	}
	if (added.length > 0 || removed.length > 0) {
		await replaceAuditUnits(tx, actor.tenantId, id, units);
		await recordAudit(
			tx,
			context,
			"assurance_audit.units_changed",
			{ title: next.title, added, removed },
			record,
		);
	}
	return { ...next, version: input.version + 1 };
}
