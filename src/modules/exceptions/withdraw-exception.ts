import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { type ExceptionDesk, mayRequestFor, visibleException } from "./exception-desk.ts";
import { notUnitManager, staleException, stepRefused } from "./exception-problems.ts";
import { type ExceptionState, stepAllowed } from "./exception-rules.ts";
import { exceptionsPolicy } from "./exceptions.policy.ts";
import { type ExceptionRow, updateException } from "./exceptions.repository.ts";

/**
 * The unit withdraws its request, or ends an approved exception early (the deviation is over):
 * either way it no longer covers anything.
 *
 * @throws Problem `forbidden` (`exception_not_unit_manager`); `conflict`
 * (`exception_step_not_allowed`, `stale_version`)
 */
export async function withdrawException(
	tx: Tx,
	desk: ExceptionDesk,
	id: string,
	version: number,
	now: Date = new Date(),
): Promise<ExceptionRow> {
	const { actor } = desk;
	authorize(actor, exceptionsPolicy, "exception.request");
	const row = await visibleException(tx, desk, id);
	if (!mayRequestFor(desk, row.org_unit_id)) throw notUnitManager();
	if (!stepAllowed(row.state as ExceptionState, "withdraw"))
		throw stepRefused("withdraw", row.state);
	const at = now.toISOString();
	const patch: Partial<ExceptionRow> = { state: "withdrawn", updated_at: at };
	if (!(await updateException(tx, actor.tenantId, row.id, version, patch))) throw staleException();
	await recordAudit(
		tx,
		auditContextOf(actor),
		"exception.withdrawn",
		{ reference: row.reference, from: row.state },
		{ recordType: "exception", recordId: row.id },
	);
	return { ...row, ...patch, version: version + 1 };
}
