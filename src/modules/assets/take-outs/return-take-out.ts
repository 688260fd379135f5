import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { findAsset, updateAssetRow } from "../assets.repository.ts";
import { isOverdue, mayRecordReturn, visibleTakeOut } from "./present-take-out.ts";
import { japanToday, type TakeOutDesk } from "./take-out-desk.ts";
import { takeOutsPolicy } from "./take-outs.policy.ts";
import { findTakeOut, type TakeOutRow, updateTakeOut } from "./take-outs.repository.ts";

/**
 * Record that a taken-out asset came back (when, by whom, in what condition); the asset is in
 * use again. The requester, a decider of the unit or a manager of the asset may record it.
 *
 * @throws Problem `conflict` unless the take-out is approved and not yet returned
 */
export async function returnTakeOut(
	tx: Tx,
	desk: TakeOutDesk,
	id: string,
	input: { note: string | null },
	now: string = new Date().toISOString(),
): Promise<TakeOutRow> {
	const { actor } = desk.ledger;
	authorize(actor, takeOutsPolicy, "take_out.return");
	const row = visibleTakeOut(desk, await findTakeOut(tx, actor.tenantId, id));
	if (!mayRecordReturn(desk, row)) {
		throw refusal(
			"forbidden",
			"take_out_return_only",
			"only the requester or the asset's managers record a return",
		);
	}
	if (row.status !== "approved") {
		throw refusal("conflict", "take_out_not_out", `the take-out is ${row.status}, not out`, {
			takeOutStatus: row.status,
		});
	}
	const asset = await findAsset(tx, actor.tenantId, row.asset_id);
	if (!asset) throw new Problem("not_found", "no such asset");
	if (asset.lifecycle === "taken_out") {
		const saved = await updateAssetRow(tx, actor.tenantId, asset.id, asset.version, {
			lifecycle: "in_use",
			updated_by: actor.accountId,
			updated_at: now,
		});
		if (!saved)
			throw refusal(
				"conflict",
				"stale_version",
				"the asset changed meanwhile; reload and try again",
			);
	}
	const note = input.note?.trim() ? input.note.trim() : null;
	const moved = await updateTakeOut(tx, actor.tenantId, row.id, "approved", {
		status: "returned",
		returned_by: actor.accountId,
		returned_by_label: actor.label,
		returned_at: now,
		return_note: note,
	});
	if (!moved) throw refusal("conflict", "stale_version", "the return was recorded meanwhile");
	await recordAudit(
		tx,
		auditContextOf(actor),
		"asset.take_out_returned",
		{ takeOutId: row.id, code: asset.code, overdue: isOverdue(row, japanToday(now)), note },
		{ recordType: "asset", recordId: asset.id },
	);
	return (await findTakeOut(tx, actor.tenantId, row.id)) as TakeOutRow;
}
