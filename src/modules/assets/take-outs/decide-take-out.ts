import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { inScope } from "../asset-scope.ts";
import { findAsset, updateAssetRow } from "../assets.repository.ts";
import { visibleTakeOut } from "./present-take-out.ts";
import type { TakeOutDesk } from "./take-out-desk.ts";
import { takeOutsPolicy } from "./take-outs.policy.ts";
import { findTakeOut, type TakeOutRow, updateTakeOut } from "./take-outs.repository.ts";

/**
 * Approve or refuse a take-out request, always with a reason. Only a decider of the asset's unit
 * may decide, never the requester; approval marks the asset 持ち出し中 (`taken_out`).
 *
 * @throws Problem `forbidden` for another unit's request or one's own; `conflict` when the
 * request was decided already or the asset is no longer at hand
 */
export async function decideTakeOut(
	tx: Tx,
	desk: TakeOutDesk,
	id: string,
	input: { outcome: "approved" | "refused"; reason: string },
	now: string = new Date().toISOString(),
): Promise<TakeOutRow> {
	const { actor } = desk.ledger;
	authorize(actor, takeOutsPolicy, "take_out.decide");
	const row = visibleTakeOut(desk, await findTakeOut(tx, actor.tenantId, id));
	if (!inScope(desk.decide, row.owner_unit_id)) {
		throw refusal(
			"forbidden",
			"take_out_decider_only",
			"only a 管理者 of the asset's unit (or above) may decide",
		);
	}
	if (row.requested_by === actor.accountId) {
		throw refusal("forbidden", "own_request_decide", "you cannot decide your own request");
	}
	if (row.status !== "requested") {
		throw refusal("conflict", "already_decided", `the request is ${row.status} already`);
	}
	const asset = await findAsset(tx, actor.tenantId, row.asset_id);
	if (!asset) throw new Problem("not_found", "no such asset");
	if (input.outcome === "approved") {
		if (asset.lifecycle !== "in_use" && asset.lifecycle !== "stored") {
			throw refusal(
				"conflict",
				"asset_not_at_hand",
				`the asset is ${asset.lifecycle}, not at hand to take out`,
				{ lifecycle: asset.lifecycle },
			);
		}
		const saved = await updateAssetRow(tx, actor.tenantId, asset.id, asset.version, {
			lifecycle: "taken_out",
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
	const moved = await updateTakeOut(tx, actor.tenantId, row.id, "requested", {
		status: input.outcome,
		decided_by: actor.accountId,
		decided_by_label: actor.label,
		decided_at: now,
		decision_reason: input.reason,
	});
	if (!moved) throw refusal("conflict", "already_decided", "the request was decided meanwhile");
	await recordAudit(
		tx,
		auditContextOf(actor),
		"asset.take_out_decided",
		{ takeOutId: row.id, code: asset.code, outcome: input.outcome, reason: input.reason },
		{ recordType: "asset", recordId: asset.id },
	);
	return (await findTakeOut(tx, actor.tenantId, row.id)) as TakeOutRow;
}
