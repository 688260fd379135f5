import { randomUUID } from "node:crypto";
import type { AssetTakeOutTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleIssue } from "../../../shared/issues.ts";
import { Problem, type ProblemIssue } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { inScope } from "../asset-scope.ts";
import { findAsset } from "../assets.repository.ts";
import { handlingOf, type TakeOutDesk } from "./take-out-desk.ts";
import { takeOutsPolicy } from "./take-outs.policy.ts";
import { findOpenTakeOut, insertTakeOut } from "./take-outs.repository.ts";
import type { TakeOutRequestInput } from "./take-outs.schemas.ts";

/** States an asset can leave the office from. */
const AT_HAND = new Set(["in_use", "stored"]);

function refuse(message: string, issues: ProblemIssue[]): never {
	throw new Problem("validation_failed", message, { issues });
}

/**
 * Ask to take an asset out of the office. Staff may ask for their own unit's assets, managers
 * for the assets they manage. Nothing leaves the マイナンバー利用事務系, nor an asset whose class
 * prohibits take-out; where the class requires protection, encryption and a locked case are both
 * required.
 *
 * @throws Problem `validation_failed` for a refused asset or missing protection; `conflict` when
 * the asset is not at hand or already has an open request
 */
export async function requestTakeOut(
	tx: Tx,
	desk: TakeOutDesk,
	input: TakeOutRequestInput,
	now: string = new Date().toISOString(),
): Promise<AssetTakeOutTable> {
	const { actor } = desk.ledger;
	authorize(actor, takeOutsPolicy, "take_out.request");
	const asset = await findAsset(tx, actor.tenantId, input.assetId);
	const ownUnit = asset !== undefined && desk.staffUnitId === asset.owner_unit_id;
	if (!asset || !(ownUnit || inScope(desk.ledger.read, asset.owner_unit_id))) {
		throw new Problem("not_found", "no such asset");
	}
	if (!ownUnit && !inScope(desk.ledger.write, asset.owner_unit_id)) {
		throw refusal(
			"forbidden",
			"take_out_not_own_asset",
			"you may ask to take out your own unit's assets or assets you manage, not this one",
		);
	}
	if (asset.zone === "mynumber") {
		refuse("assets of the My Number tier (マイナンバー利用事務系) can never be taken out", [
			ruleIssue("assetId", "take_out_mynumber", "My Number tier: take-out prohibited"),
		]);
	}
	const handling = handlingOf(desk, asset);
	if (handling?.takeOut === "prohibited") {
		refuse(`the class ${asset.class_key} of this asset prohibits take-out`, [
			ruleIssue("assetId", "take_out_prohibited", "take-out prohibited by its class", {
				classKey: asset.class_key,
			}),
		]);
	}
	// A class in a retired scheme gives no handling: ask for protection rather than guess.
	const protect = handling?.protectWhenCarried ?? true;
	const issues: ProblemIssue[] = [];
	if (protect && !input.encrypted) {
		issues.push(
			ruleIssue(
				"encrypted",
				"take_out_encryption_required",
				"its class requires encryption when carried",
			),
		);
	}
	if (protect && !input.lockedCase) {
		issues.push(
			ruleIssue(
				"lockedCase",
				"take_out_locked_case_required",
				"its class requires a locked case when carried",
			),
		);
	}
	if (input.until < input.from) {
		issues.push(ruleIssue("until", "period_ends_before_start", "the period ends before it starts"));
	}
	if (issues.length > 0) refuse("the request is incomplete", issues);
	if (!AT_HAND.has(asset.lifecycle)) {
		throw refusal(
			"conflict",
			"asset_not_at_hand",
			`the asset is ${asset.lifecycle}, not at hand to take out`,
			{ lifecycle: asset.lifecycle },
		);
	}
	if (await findOpenTakeOut(tx, actor.tenantId, asset.id)) {
		throw refusal(
			"conflict",
			"take_out_already_open",
			"the asset already has a take-out request open",
		);
	}
	const row: AssetTakeOutTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		asset_id: asset.id,
		status: "requested",
		purpose: input.purpose,
		destination: input.destination,
		from_date: input.from,
		until_date: input.until,
		encrypted: input.encrypted,
		locked_case: input.lockedCase,
		requested_by: actor.accountId,
		requested_by_label: actor.label,
		requested_at: now,
		decided_by: null,
		decided_by_label: null,
		decided_at: null,
		decision_reason: null,
		returned_by: null,
		returned_by_label: null,
		returned_at: null,
		return_note: null,
	};
	await insertTakeOut(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"asset.take_out_requested",
		{
			takeOutId: row.id,
			code: asset.code,
			destination: input.destination,
			from: input.from,
			until: input.until,
		},
		{ recordType: "asset", recordId: asset.id },
	);
	return row;
}
