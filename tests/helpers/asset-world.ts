import { systemActor } from "../../src/bootstrap.ts";
import type { AssetTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createAsset, type NewAsset } from "../../src/modules/assets/create-asset.ts";
import { openLedger } from "../../src/modules/assets/ledger.ts";
import { unique } from "./route-world.ts";

/** Levels valid in the standard pack's default scheme (lg_cia_2024). */
export const STANDARD_LEVELS = ["C2", "I2", "A2"];

/** A new asset in `unitId`, entered by the system through the use case. */
export async function makeAsset(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	overrides: Partial<NewAsset> = {},
): Promise<AssetTable> {
	const actor = systemActor(tenantId, "test factory");
	const ledger = await openLedger(deps.db, actor);
	return inTransaction(deps.db, (tx) =>
		createAsset(tx, ledger, {
			code: unique("A"),
			name: "住民記録システム",
			kind: "systems",
			ownerUnitId: unitId,
			managerName: "情報政策課長",
			location: "本庁舎サーバ室",
			zone: "mynumber",
			personalData: "specific_personal",
			retention: "5年",
			lifecycle: "in_use",
			relatedSystem: null,
			notes: null,
			levels: STANDARD_LEVELS,
			...overrides,
		}),
	);
}

/** The first unit an account holds a per-unit role for, or `fallback` for tenant-wide roles. */
export async function unitOf(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	fallback: string,
): Promise<string> {
	const held = await deps.db
		.selectFrom("role_assignments")
		.select("org_unit_id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("org_unit_id", "is not", null)
		.executeTakeFirst();
	return held?.org_unit_id ?? fallback;
}

/** An asset the caller's scope reaches: in their own unit, or the world's unit. */
export async function makeAssetFor(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	fallbackUnit: string,
	overrides: Partial<NewAsset> = {},
): Promise<AssetTable> {
	return makeAsset(
		deps,
		tenantId,
		await unitOf(deps, tenantId, accountId, fallbackUnit),
		overrides,
	);
}
