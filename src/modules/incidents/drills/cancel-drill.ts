import type { Tx } from "../../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { drillForStep } from "./drill-access.ts";
import { staleDrill } from "./drill-rules.ts";
import { drillsPolicy } from "./drills.policy.ts";
import { type DrillRow, updateDrill } from "./drills.repository.ts";
import type { CancelDrillInput } from "./drills.schemas.ts";

/**
 * Cancel a planned drill, saying why; it stays on the list (and in its year's review count).
 *
 * @throws Problem `conflict` when the drill is not planned (`drill_step_not_allowed`) or was
 * changed meanwhile (`stale_version`)
 */
export async function cancelDrill(
	tx: Tx,
	actor: Actor,
	id: string,
	input: CancelDrillInput,
	now: Date = new Date(),
): Promise<DrillRow> {
	authorize(actor, drillsPolicy, "drill.manage");
	const drill = await drillForStep(tx, actor, id, "cancel", input.version);
	const at = now.toISOString();
	const patch: Partial<DrillRow> = {
		state: "cancelled",
		cancel_reason: input.reason,
		cancelled_at: at,
		updated_at: at,
	};
	if (!(await updateDrill(tx, actor.tenantId, drill.id, input.version, patch))) throw staleDrill();
	await recordAudit(
		tx,
		auditContextOf(actor),
		"drill.cancelled",
		{ title: drill.title, reason: input.reason },
		{ recordType: "drill", recordId: drill.id },
	);
	return { ...drill, ...patch, version: input.version + 1 };
}
