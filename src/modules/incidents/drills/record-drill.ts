import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { drillForStep } from "./drill-access.ts";
import { staleDrill } from "./drill-rules.ts";
import { drillsPolicy } from "./drills.policy.ts";
import { type DrillRow, insertFollowUps, updateDrill } from "./drills.repository.ts";
import type { RecordDrillInput } from "./drills.schemas.ts";

/**
 * Record a held drill's lessons (教訓) and the follow-ups they call for; the drill is then done
 * and feeds the yearly review with them.
 *
 * @throws Problem `conflict` when the drill is not held (`drill_step_not_allowed`) or was
 * changed meanwhile (`stale_version`)
 */
export async function recordDrill(
	tx: Tx,
	actor: Actor,
	id: string,
	input: RecordDrillInput,
	now: Date = new Date(),
): Promise<DrillRow> {
	authorize(actor, drillsPolicy, "drill.manage");
	const drill = await drillForStep(tx, actor, id, "record", input.version);
	const at = now.toISOString();
	const patch: Partial<DrillRow> = {
		state: "recorded",
		lessons: input.lessons,
		recorded_at: at,
		updated_at: at,
	};
	if (!(await updateDrill(tx, actor.tenantId, drill.id, input.version, patch))) throw staleDrill();
	await insertFollowUps(
		tx,
		input.followUps.map((followUp, index) => ({
			id: randomUUID(),
			tenant_id: actor.tenantId,
			drill_id: drill.id,
			position: index + 1,
			measure: followUp.measure,
			responsible: followUp.responsible || null,
			target_date: followUp.targetDate,
		})),
	);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"drill.recorded",
		{ title: drill.title, followUps: input.followUps.length },
		{ recordType: "drill", recordId: drill.id },
	);
	return { ...drill, ...patch, version: input.version + 1 };
}
