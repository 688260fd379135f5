import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { fiscalYear } from "../../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { findOrgUnit } from "../../org/org.repository.ts";
import { type DrillIssue, invalid } from "./drill-rules.ts";
import { drillsPolicy } from "./drills.policy.ts";
import { type DrillRow, insertDrill, insertDrillUnits } from "./drills.repository.ts";
import type { ScheduleDrillInput } from "./drills.schemas.ts";

/** The fiscal year (年度) of a Japan date. */
export function fiscalYearOf(day: string): number {
	return fiscalYear(`${day}T12:00:00+09:00`);
}

/** Units named once each, every one of the tenant's. */
export async function checkUnits(
	tx: Tx,
	tenantId: string,
	unitIds: readonly string[],
): Promise<string[]> {
	const unique = [...new Set(unitIds)];
	const issues: DrillIssue[] = [];
	for (const [index, id] of unique.entries()) {
		if (!(await findOrgUnit(tx, tenantId, id))) {
			issues.push({
				path: `unitIds.${index}`,
				code: "drill_unit_unknown",
				message: "no such org unit in this tenant",
			});
		}
	}
	if (issues.length > 0) throw invalid(issues);
	return unique;
}

/**
 * Schedule a drill (訓練) of the emergency response plan: what it rehearses, when, and which
 * units take part. Any date may be planned, past ones included (a drill entered afterwards).
 *
 * @throws Problem `validation_failed` (issue `drill_unit_unknown`) for a unit not of the tenant
 */
export async function scheduleDrill(
	tx: Tx,
	actor: Actor,
	input: ScheduleDrillInput,
	now: Date = new Date(),
): Promise<DrillRow> {
	authorize(actor, drillsPolicy, "drill.manage");
	const unitIds = await checkUnits(tx, actor.tenantId, input.unitIds);
	const at = now.toISOString();
	const row: DrillRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		title: input.title,
		scenario: input.scenario,
		state: "planned",
		planned_on: input.plannedOn,
		held_on: null,
		fiscal_year: fiscalYearOf(input.plannedOn),
		summary: null,
		lessons: null,
		cancel_reason: null,
		version: 1,
		created_by: actor.accountId,
		created_at: at,
		updated_at: at,
		held_at: null,
		recorded_at: null,
		cancelled_at: null,
	};
	await insertDrill(tx, row);
	await insertDrillUnits(tx, actor.tenantId, row.id, unitIds);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"drill.scheduled",
		{ title: row.title, plannedOn: row.planned_on, units: unitIds.length },
		{ recordType: "drill", recordId: row.id },
	);
	return row;
}
