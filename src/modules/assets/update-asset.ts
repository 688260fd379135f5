import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { assetsPolicy } from "./assets.policy.ts";
import { findAsset, updateAssetRow } from "./assets.repository.ts";
import type { AssetFields } from "./assets.schemas.ts";
import { assertUnitExists, assetColumns, recordClassification } from "./create-asset.ts";
import { assertWritableUnit, classify, editable, type Ledger } from "./ledger.ts";

/** Columns whose change is recorded; values are compared as stored. */
function changedFields(before: Record<string, unknown>, patch: Record<string, unknown>): string[] {
	return Object.keys(patch).filter((key) => patch[key] !== before[key]);
}

/**
 * Change an asset's fields (not its class). `version` guards against overwriting another
 * person's change made in between.
 *
 * @throws Problem `conflict` when the asset changed since `version` was read
 */
export async function updateAsset(
	tx: Tx,
	ledger: Ledger,
	id: string,
	input: Partial<AssetFields> & { version: number },
	now: string = new Date().toISOString(),
): Promise<string[]> {
	authorize(ledger.actor, assetsPolicy, "asset.write");
	const asset = editable(ledger, await findAsset(tx, ledger.actor.tenantId, id));
	const { version, ...fields } = input;
	if (fields.ownerUnitId !== undefined && fields.ownerUnitId !== asset.owner_unit_id) {
		await assertUnitExists(tx, ledger.actor.tenantId, fields.ownerUnitId);
		assertWritableUnit(ledger, fields.ownerUnitId);
	}
	const patch = assetColumns(fields);
	const changed = changedFields(asset as unknown as Record<string, unknown>, patch);
	if (changed.length === 0) return [];
	await save(tx, ledger, asset.id, version, {
		...patch,
		updated_by: ledger.actor.accountId,
		updated_at: now,
	});
	await recordAudit(
		tx,
		auditContextOf(ledger.actor),
		"asset.updated",
		{ code: asset.code, fields: changed },
		{ recordType: "asset", recordId: asset.id },
	);
	return changed;
}

async function save(
	tx: Tx,
	ledger: Ledger,
	id: string,
	version: number,
	patch: Parameters<typeof updateAssetRow>[4],
) {
	if (!(await updateAssetRow(tx, ledger.actor.tenantId, id, version, patch))) {
		throw refusal(
			"conflict",
			"stale_version",
			"the asset was changed by someone else; reload and try again",
		);
	}
}

/**
 * Change an asset's class, recording who, when and why; handling follows from the new class.
 *
 * @throws Problem `validation_failed` for a level outside the scheme; `conflict` on a stale version
 */
export async function reclassifyAsset(
	tx: Tx,
	ledger: Ledger,
	id: string,
	input: { levels: string[]; reason: string; version: number },
	now: string = new Date().toISOString(),
): Promise<boolean> {
	authorize(ledger.actor, assetsPolicy, "asset.write");
	const asset = editable(ledger, await findAsset(tx, ledger.actor.tenantId, id));
	const next = classify(ledger, input.levels);
	if (next.key === asset.class_key && next.scheme === asset.scheme) return false;
	await save(tx, ledger, asset.id, input.version, {
		scheme: next.scheme,
		class_key: next.key,
		class_rank: next.rank,
		updated_by: ledger.actor.accountId,
		updated_at: now,
	});
	await recordClassification(tx, ledger, asset.id, asset.class_key, next, input.reason, now);
	await recordAudit(
		tx,
		auditContextOf(ledger.actor),
		"asset.reclassified",
		{ code: asset.code, from: asset.class_key, to: next.key, reason: input.reason },
		{ recordType: "asset", recordId: asset.id },
	);
	return true;
}
