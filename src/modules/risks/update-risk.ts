import type { RiskTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { inScope } from "../assets/asset-scope.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import {
	assertOwnerUnit,
	assertTreatmentOwner,
	checkAssets,
	refuseUnapprovedAcceptance,
} from "./create-risk.ts";
import { riskScore } from "./matrix.ts";
import { assertRatings, assertThreat, editableRisk, type Register } from "./register.ts";
import { risksPolicy } from "./risks.policy.ts";
import { findRisk, linkedAssets, replaceRiskAssets, updateRiskRow } from "./risks.repository.ts";
import type { RiskChange } from "./risks.schemas.ts";

const CLEARED_ACCEPTANCE: Partial<RiskTable> = {
	accepted_by: null,
	accepted_by_label: null,
	accepted_at: null,
	acceptance_reason: null,
};

/** The stored columns of the fields given. */
function riskColumns(input: RiskChange): Partial<RiskTable> {
	const columns: Partial<RiskTable> = {};
	if (input.title !== undefined) columns.title = input.title;
	if (input.description !== undefined) columns.description = input.description;
	if (input.systemName !== undefined) columns.system_name = input.systemName || null;
	if (input.threatCode !== undefined) columns.threat_code = input.threatCode;
	if (input.ownerUnitId !== undefined) columns.owner_unit_id = input.ownerUnitId;
	if (input.inherent !== undefined) {
		columns.inherent_likelihood = input.inherent.likelihood;
		columns.inherent_impact = input.inherent.impact;
		columns.inherent_score = riskScore(input.inherent);
	}
	if (input.residual !== undefined) {
		columns.residual_likelihood = input.residual.likelihood;
		columns.residual_impact = input.residual.impact;
		columns.residual_score = riskScore(input.residual);
	}
	if (input.existingControls !== undefined) {
		columns.existing_controls = input.existingControls || null;
	}
	if (input.treatment !== undefined) columns.treatment = input.treatment;
	if (input.treatmentPlan !== undefined) columns.treatment_plan = input.treatmentPlan || null;
	if (input.treatmentOwnerId !== undefined) columns.treatment_owner_id = input.treatmentOwnerId;
	if (input.treatmentDue !== undefined) columns.treatment_due = input.treatmentDue;
	if (input.status !== undefined) columns.status = input.status;
	return columns;
}

/**
 * Change a risk's fields. `version` guards against overwriting a change made in between.
 * Moving an accepted risk's residual rating, or its treatment away from `accept`, withdraws the
 * acceptance: the new level must be accepted again. Closing records `risk.closed`.
 *
 * @throws Problem `validation_failed` as for `createRisk`; `conflict` on a stale version
 */
export async function updateRisk(
	tx: Tx,
	register: Register,
	id: string,
	input: RiskChange,
	now: string = new Date().toISOString(),
): Promise<string[]> {
	const { actor } = register;
	authorize(actor, risksPolicy, "risk.write");
	const risk = editableRisk(register, await findRisk(tx, actor.tenantId, id));
	if (input.threatCode !== undefined && input.threatCode !== risk.threat_code) {
		assertThreat(register, input.threatCode);
	}
	assertRatings(register, { inherent: input.inherent, residual: input.residual });
	if (input.treatment !== risk.treatment) refuseUnapprovedAcceptance(input.treatment);
	if (input.ownerUnitId !== undefined && input.ownerUnitId !== risk.owner_unit_id) {
		await assertOwnerUnit(tx, register, input.ownerUnitId);
	}
	if (input.treatmentOwnerId && input.treatmentOwnerId !== risk.treatment_owner_id) {
		await assertTreatmentOwner(tx, register, input.treatmentOwnerId);
	}

	const patch = riskColumns(input);
	const before = risk as unknown as Record<string, unknown>;
	const changed = Object.keys(patch).filter(
		(key) => patch[key as keyof RiskTable] !== before[key] && !key.endsWith("_score"),
	);
	const assetsChanged = await relinkAssets(tx, register, risk.id, input.assetIds);
	if (assetsChanged) changed.push("assets");
	if (changed.length === 0) return [];

	const residualMoved = changed.some((key) => key.startsWith("residual_"));
	const treatmentLeft = patch.treatment !== undefined && patch.treatment !== "accept";
	if (risk.accepted_at !== null && (residualMoved || treatmentLeft)) {
		Object.assign(patch, CLEARED_ACCEPTANCE);
		if (residualMoved && !treatmentLeft) patch.treatment = null;
		changed.push("acceptance");
	}
	const closing = patch.status === "closed" && risk.status !== "closed";
	if (closing) patch.closed_at = now;
	if (patch.status !== undefined && patch.status !== "closed") patch.closed_at = null;

	const saved = await updateRiskRow(tx, actor.tenantId, risk.id, input.version, {
		...patch,
		updated_by: actor.accountId,
		updated_at: now,
	});
	if (!saved) {
		throw refusal(
			"conflict",
			"stale_version",
			"the risk was changed by someone else; reload and try again",
		);
	}
	const context = auditContextOf(actor);
	const record = { recordType: "risk", recordId: risk.id };
	const title = patch.title ?? risk.title;
	const fields = changed.filter((key) => key !== "status" || !closing);
	if (fields.length > 0) {
		await recordAudit(tx, context, "risk.updated", { title, fields }, record);
	}
	if (closing) {
		const treatment = patch.treatment !== undefined ? patch.treatment : risk.treatment;
		await recordAudit(tx, context, "risk.closed", { title, treatment }, record);
	}
	return changed;
}

/**
 * Replace the links the caller can see with `assetIds`; links to assets outside their scope stay.
 * Returns whether the links changed.
 */
async function relinkAssets(
	tx: Tx,
	register: Register,
	riskId: string,
	assetIds: readonly string[] | undefined,
): Promise<boolean> {
	if (assetIds === undefined) return false;
	const wanted = await checkAssets(tx, register, assetIds);
	const current = await linkedAssets(tx, register.actor.tenantId, [riskId]);
	const hidden = current
		.filter((asset) => !inScope(register.read, asset.owner_unit_id))
		.map((asset) => asset.id);
	const next = [...new Set([...wanted, ...hidden])].sort();
	const now = current.map((asset) => asset.id).sort();
	if (next.length === now.length && next.every((id, index) => id === now[index])) return false;
	await replaceRiskAssets(tx, register.actor.tenantId, riskId, next);
	return true;
}
