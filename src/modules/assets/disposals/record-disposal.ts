import { randomUUID } from "node:crypto";
import type { AssetDisposalTable } from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleIssue } from "../../../shared/issues.ts";
import { Problem, type ProblemIssue } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { findAsset, updateAssetRow } from "../assets.repository.ts";
import { editable, type Ledger } from "../ledger.ts";
import { methodAllowed, NEEDS_CONTRACTOR } from "./disposal-rules.ts";
import { disposalsPolicy } from "./disposals.policy.ts";
import { findOpenDisposal, insertDisposal } from "./disposals.repository.ts";
import type { RecordDisposalInput } from "./disposals.schemas.ts";
import { disposalRuleOf } from "./present-disposal.ts";

/** States an asset cannot be disposed of from: gone already, or out of the office. */
const NOT_DISPOSABLE = new Set(["disposed", "returned", "taken_out"]);

/**
 * Record how an asset is being disposed of or returned to its lessor: method, date, witness,
 * contractor, serial numbers. The asset becomes `disposal_pending` until the record is closed
 * with its evidence. A class that requires irrecoverable disposal refuses a plain deletion.
 *
 * @throws Problem `validation_failed` for a method the class refuses or a missing contractor;
 * `conflict` when the asset is gone, out, or already has an open record
 */
export async function recordDisposal(
	tx: Tx,
	ledger: Ledger,
	assetId: string,
	input: RecordDisposalInput,
	now: string = new Date().toISOString(),
): Promise<AssetDisposalTable> {
	const { actor } = ledger;
	authorize(actor, disposalsPolicy, "disposal.record");
	const asset = editable(ledger, await findAsset(tx, actor.tenantId, assetId));
	const issues: ProblemIssue[] = [];
	if (!methodAllowed(input.method, disposalRuleOf(ledger, asset))) {
		issues.push(
			ruleIssue(
				"method",
				"disposal_method_restorable",
				`the class ${asset.class_key} requires disposal that cannot be restored`,
				{ classKey: asset.class_key },
			),
		);
	}
	const contractor = input.contractor?.trim() || null;
	if (NEEDS_CONTRACTOR.has(input.method) && !contractor) {
		issues.push(
			ruleIssue("contractor", "disposal_contractor_required", "name the contractor or lessor"),
		);
	}
	if (issues.length > 0) {
		throw new Problem("validation_failed", "the disposal record is refused", { issues });
	}
	if (NOT_DISPOSABLE.has(asset.lifecycle)) {
		throw refusal(
			"conflict",
			"asset_not_disposable",
			`the asset is ${asset.lifecycle}; it cannot be disposed of now`,
			{ lifecycle: asset.lifecycle },
		);
	}
	if (await findOpenDisposal(tx, actor.tenantId, asset.id)) {
		throw refusal(
			"conflict",
			"disposal_already_open",
			"the asset already has an open disposal record",
		);
	}
	const row: AssetDisposalTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		asset_id: asset.id,
		status: "recorded",
		method: input.method,
		performed_on: input.performedOn,
		witness: input.witness,
		contractor,
		serial_numbers: JSON.stringify(input.serialNumbers),
		notes: input.notes?.trim() || null,
		recorded_by: actor.accountId,
		recorded_by_label: actor.label,
		recorded_at: now,
		closed_by: null,
		closed_by_label: null,
		closed_at: null,
	};
	await insertDisposal(tx, row);
	const saved = await updateAssetRow(tx, actor.tenantId, asset.id, asset.version, {
		lifecycle: "disposal_pending",
		updated_by: actor.accountId,
		updated_at: now,
	});
	if (!saved)
		throw refusal("conflict", "stale_version", "the asset changed meanwhile; reload and try again");
	await recordAudit(
		tx,
		auditContextOf(actor),
		"asset.disposal_recorded",
		{ disposalId: row.id, code: asset.code, method: input.method, performedOn: input.performedOn },
		{ recordType: "asset", recordId: asset.id },
	);
	return row;
}
