import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertIndependent } from "./affiliations.ts";
import { auditOr404 } from "./audit-access.ts";
import { STEPS, stale, stepRefused } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { type AuditRow, auditTeams, auditUnits, updateAudit } from "./audits.repository.ts";
import type { AdvanceAuditInput } from "./audits.schemas.ts";

const STAMP = {
	fieldwork: "fieldwork_at",
	reporting: "reporting_at",
	closed: "closed_at",
} as const;

/**
 * Move an audit one step: planned → fieldwork → reporting → closed. Starting fieldwork checks
 * the team's independence once more, since people may have moved or taken roles (April
 * transfers) since the team was chosen.
 *
 * @throws Problem `conflict` (`audit_step_not_allowed`, `stale_version`, independence codes)
 */
export async function advanceAudit(
	tx: Tx,
	actor: Actor,
	id: string,
	input: AdvanceAuditInput,
	now: Date = new Date(),
): Promise<AuditRow> {
	authorize(actor, auditsPolicy, "assurance_audit.manage");
	const row = await auditOr404(tx, actor, id);
	const step = STEPS[input.step];
	if (row.state !== step.from) throw stepRefused(input.step, row.state);
	if (Number(row.version) !== input.version) throw stale();
	if (input.step === "start_fieldwork") {
		const [team, units] = await Promise.all([
			auditTeams(tx, actor.tenantId, [id]),
			auditUnits(tx, actor.tenantId, [id]),
		]);
		await assertIndependent(
			tx,
			actor.tenantId,
			team.map((m) => m.account_id),
			units.map((u) => u.org_unit_id),
			row.period_end,
			now,
		);
	}
	const at = now.toISOString();
	const patch = { state: step.to, updated_at: at, [STAMP[step.to]]: at };
	if (!(await updateAudit(tx, actor.tenantId, id, input.version, patch))) throw stale();
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_audit.advanced",
		{ title: row.title, from: row.state, to: step.to },
		{ recordType: "assurance_audit", recordId: id },
	);
	return { ...row, ...patch, version: input.version + 1 };
}
