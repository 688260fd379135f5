import { systemActor } from "../../src/bootstrap.ts";
import type { RiskTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createRisk } from "../../src/modules/risks/create-risk.ts";
import { openRegister } from "../../src/modules/risks/register.ts";
import type { NewRisk } from "../../src/modules/risks/risks.schemas.ts";
import { makeAsset, unitOf } from "./asset-world.ts";

/** The fields of a typical risk on the standard pack's 3×3 matrix. */
export function riskBody(ownerUnitId: string, overrides: Partial<NewRisk> = {}): NewRisk {
	return {
		title: "標的型メールによる住民情報の漏えい",
		description: "添付ファイルを開いた端末からマルウェアが広がる。",
		systemName: "住民記録システム",
		assetIds: [],
		threatCode: "intentional",
		ownerUnitId,
		inherent: { likelihood: 3, impact: 3 },
		residual: { likelihood: 2, impact: 2 },
		existingControls: "メール無害化、職員研修",
		treatment: "reduce",
		treatmentPlan: "EDR を導入する",
		treatmentOwnerId: null,
		treatmentDue: "2099-03-31",
		status: "open",
		...overrides,
	};
}

/** A new risk in `unitId`, entered by the system through the use case. */
export async function makeRisk(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	overrides: Partial<NewRisk> = {},
): Promise<RiskTable> {
	const register = await openRegister(deps.db, systemActor(tenantId, "test factory"));
	return inTransaction(deps.db, (tx) => createRisk(tx, register, riskBody(unitId, overrides)));
}

/** A risk the caller's scope reaches: in their own unit, or the fallback unit. */
export async function makeRiskFor(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	fallbackUnit: string,
	overrides: Partial<NewRisk> = {},
): Promise<RiskTable> {
	return makeRisk(deps, tenantId, await unitOf(deps, tenantId, accountId, fallbackUnit), overrides);
}

/** Rows in every table the register owns: a risk linked to an asset. */
export async function makeRiskFixtures(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
): Promise<void> {
	const asset = await makeAsset(deps, tenantId, unitId);
	await makeRisk(deps, tenantId, unitId, { assetIds: [asset.id] });
}
