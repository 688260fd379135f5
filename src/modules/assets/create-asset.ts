import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "../../db/errors.ts";
import type { AssetTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import { assetsPolicy } from "./assets.policy.ts";
import { assetSearchText, insertAsset, insertClassificationChange } from "./assets.repository.ts";
import type { AssetFields } from "./assets.schemas.ts";
import type { Classification } from "./classification.ts";
import { assertWritableUnit, classify, type Ledger } from "./ledger.ts";

export interface NewAsset extends AssetFields {
	code: string;
	levels: string[];
}

/** The stored columns of the editable fields. */
export function assetColumns(fields: Partial<AssetFields>): Partial<AssetTable> {
	const columns: Partial<AssetTable> = {};
	if (fields.name !== undefined) columns.name = fields.name;
	if (fields.kind !== undefined) columns.kind = fields.kind;
	if (fields.ownerUnitId !== undefined) columns.owner_unit_id = fields.ownerUnitId;
	if (fields.managerName !== undefined) columns.manager_name = fields.managerName || null;
	if (fields.location !== undefined) columns.location = fields.location || null;
	if (fields.zone !== undefined) columns.zone = fields.zone;
	if (fields.personalData !== undefined) columns.personal_data = fields.personalData;
	if (fields.retention !== undefined) columns.retention = fields.retention || null;
	if (fields.lifecycle !== undefined) columns.lifecycle = fields.lifecycle;
	if (fields.relatedSystem !== undefined) columns.related_system = fields.relatedSystem || null;
	if (fields.notes !== undefined) columns.notes = fields.notes || null;
	return columns;
}

export async function assertUnitExists(
	tx: Tx,
	tenantId: string,
	unitId: string,
	path = "ownerUnitId",
) {
	if (!(await findOrgUnit(tx, tenantId, unitId))) {
		throw new Problem("validation_failed", "no such org unit", {
			issues: [ruleIssue(path, "org_unit_unknown", "no such org unit in this tenant")],
		});
	}
}

/** Record a classification (the first one has no `from`) with who, when and why. */
export async function recordClassification(
	tx: Tx,
	ledger: Ledger,
	assetId: string,
	from: string | null,
	to: Classification,
	reason: string,
	now: string,
): Promise<void> {
	await insertClassificationChange(tx, {
		id: randomUUID(),
		tenant_id: ledger.actor.tenantId,
		asset_id: assetId,
		scheme: to.scheme,
		from_key: from,
		to_key: to.key,
		reason,
		changed_by: ledger.actor.accountId,
		changed_by_label: ledger.actor.label,
		changed_at: now,
	});
}

/**
 * Enter a new asset in the ledger, in a unit the caller manages, classified in the tenant's scheme.
 *
 * @throws Problem `validation_failed` for a level outside the scheme or a unit out of reach;
 * `conflict` when the asset ID is taken.
 */
export async function createAsset(
	tx: Tx,
	ledger: Ledger,
	input: NewAsset,
	now: string = new Date().toISOString(),
	reason = "",
): Promise<AssetTable> {
	authorize(ledger.actor, assetsPolicy, "asset.write");
	const classification = classify(ledger, input.levels);
	await assertUnitExists(tx, ledger.actor.tenantId, input.ownerUnitId);
	assertWritableUnit(ledger, input.ownerUnitId);
	const row: AssetTable = {
		id: randomUUID(),
		tenant_id: ledger.actor.tenantId,
		code: input.code,
		name: input.name,
		search_text: assetSearchText(input.code, input.name),
		kind: input.kind,
		owner_unit_id: input.ownerUnitId,
		manager_name: null,
		location: null,
		zone: input.zone,
		scheme: classification.scheme,
		class_key: classification.key,
		class_rank: classification.rank,
		personal_data: input.personalData,
		retention: null,
		lifecycle: input.lifecycle,
		related_system: null,
		notes: null,
		...assetColumns(input),
		version: 1,
		created_by: ledger.actor.accountId,
		created_at: now,
		updated_by: ledger.actor.accountId,
		updated_at: now,
	};
	try {
		await insertAsset(tx, row);
	} catch (error) {
		if (isUniqueViolation(error)) {
			throw new Problem("conflict", `asset ID ${input.code} is already in the ledger`, {
				issues: [
					ruleIssue("code", "already_taken", "already in the ledger", { value: input.code }),
				],
			});
		}
		throw error;
	}
	await recordClassification(tx, ledger, row.id, null, classification, reason, now);
	await recordAudit(
		tx,
		auditContextOf(ledger.actor),
		"asset.created",
		{ code: row.code, classification: row.class_key },
		{ recordType: "asset", recordId: row.id },
	);
	return row;
}
