import { randomUUID } from "node:crypto";
import type { RiskTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { type IssueCode, ruleProblem } from "../../shared/issues.ts";
import type { Problem } from "../../shared/problem.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { type AssetScope, inScope } from "../assets/asset-scope.ts";
import { findAsset } from "../assets/assets.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import { riskScore } from "./matrix.ts";
import { assertRatings, assertThreat, type Register } from "./register.ts";
import { risksPolicy } from "./risks.policy.ts";
import { insertRisk, replaceRiskAssets } from "./risks.repository.ts";
import type { NewRisk, Treatment } from "./risks.schemas.ts";

function invalid(path: string, code: IssueCode, message: string): Problem {
	return ruleProblem("validation_failed", `${path}: ${message}`, path, code, {}, message);
}

/** An owner unit that exists and that the caller manages (or, raising a risk, may raise in). */
export async function assertOwnerUnit(
	tx: Tx,
	register: Register,
	unitId: string,
	scope: AssetScope = register.write,
): Promise<void> {
	if (!(await findOrgUnit(tx, register.actor.tenantId, unitId))) {
		throw invalid("ownerUnitId", "org_unit_unknown", "no such org unit in this tenant");
	}
	if (!inScope(scope, unitId))
		throw invalid("ownerUnitId", "org_unit_not_managed", "not a unit you manage");
}

/** Linked assets must exist in the tenant and lie within the caller's scope; duplicates collapse. */
export async function checkAssets(
	tx: Tx,
	register: Register,
	assetIds: readonly string[],
): Promise<string[]> {
	const unique = [...new Set(assetIds)];
	for (const [index, id] of unique.entries()) {
		const asset = await findAsset(tx, register.actor.tenantId, id);
		if (!asset || !inScope(register.read, asset.owner_unit_id)) {
			throw invalid(`assetIds.${index}`, "asset_unknown", "no such asset within your scope");
		}
	}
	return unique;
}

/** A treatment owner must be an active account of the tenant. */
export async function assertTreatmentOwner(tx: Tx, register: Register, accountId: string) {
	const account = await findAccount(tx, register.actor.tenantId, accountId);
	if (!account || account.disabled_at !== null) {
		throw invalid("treatmentOwnerId", "account_unknown", "no such active account in this tenant");
	}
}

/** Acceptance is a decision of the CISO or the pack's delegate, taken through its own route. */
export function refuseUnapprovedAcceptance(treatment: Treatment | null | undefined): void {
	if (treatment === "accept") {
		throw invalid(
			"treatment",
			"risk_acceptance_elsewhere",
			"a risk is accepted through POST /api/risks/{id}/acceptance by the CISO or the delegate",
		);
	}
}

/**
 * Enter a risk in the register, in a unit the caller manages, rated on the tenant's matrix. As
 * `raise` (a risk a finding brought to light, e.g. an incident's lessons) it is authorised as
 * `risk.raise`, in the units of `Register.raise`.
 *
 * @throws Problem `validation_failed` for a threat the pack does not list, a step outside the
 * matrix, a unit or asset out of reach, or a treatment of `accept` (use the acceptance route)
 */
export async function createRisk(
	tx: Tx,
	register: Register,
	input: NewRisk,
	now: string = new Date().toISOString(),
	as: "write" | "raise" = "write",
): Promise<RiskTable> {
	const { actor } = register;
	authorize(actor, risksPolicy, as === "raise" ? "risk.raise" : "risk.write");
	assertThreat(register, input.threatCode);
	assertRatings(register, { inherent: input.inherent, residual: input.residual });
	refuseUnapprovedAcceptance(input.treatment);
	await assertOwnerUnit(
		tx,
		register,
		input.ownerUnitId,
		as === "raise" ? register.raise : register.write,
	);
	const assetIds = await checkAssets(tx, register, input.assetIds);
	if (input.treatmentOwnerId) await assertTreatmentOwner(tx, register, input.treatmentOwnerId);
	const row: RiskTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		title: input.title,
		description: input.description,
		system_name: input.systemName || null,
		threat_code: input.threatCode,
		owner_unit_id: input.ownerUnitId,
		inherent_likelihood: input.inherent.likelihood,
		inherent_impact: input.inherent.impact,
		inherent_score: riskScore(input.inherent),
		residual_likelihood: input.residual.likelihood,
		residual_impact: input.residual.impact,
		residual_score: riskScore(input.residual),
		existing_controls: input.existingControls || null,
		treatment: input.treatment,
		treatment_plan: input.treatmentPlan || null,
		treatment_owner_id: input.treatmentOwnerId,
		treatment_due: input.treatmentDue,
		status: input.status,
		accepted_by: null,
		accepted_by_label: null,
		accepted_at: null,
		acceptance_reason: null,
		closed_at: input.status === "closed" ? now : null,
		version: 1,
		created_by: actor.accountId,
		created_at: now,
		updated_by: actor.accountId,
		updated_at: now,
	};
	await insertRisk(tx, row);
	await replaceRiskAssets(tx, actor.tenantId, row.id, assetIds);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"risk.created",
		{
			title: row.title,
			threat: row.threat_code,
			inherentScore: row.inherent_score,
			residualScore: row.residual_score,
		},
		{ recordType: "risk", recordId: row.id },
	);
	return row;
}
