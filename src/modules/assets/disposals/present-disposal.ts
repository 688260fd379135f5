import { Problem } from "../../../shared/problem.ts";
import { can } from "../../authz/policy.ts";
import { inScope } from "../asset-scope.ts";
import type { AssetKind } from "../assets.schemas.ts";
import { deriveHandling, levelsOfKey } from "../classification.ts";
import type { Ledger } from "../ledger.ts";
import { certificateRequired, type DisposalMethod } from "./disposal-rules.ts";
import { disposalsPolicy } from "./disposals.policy.ts";
import type { DisposalFileMeta, DisposalRow } from "./disposals.repository.ts";
import type { DisposalView } from "./disposals.schemas.ts";

/** The record if the caller reads its asset in the ledger (404 otherwise). */
export function visibleDisposal(ledger: Ledger, row: DisposalRow | undefined): DisposalRow {
	if (!row || !inScope(ledger.read, row.owner_unit_id)) {
		throw new Problem("not_found", "no such disposal record");
	}
	return row;
}

/**
 * The disposal rule of the asset's class in the tenant's scheme; `irrecoverable` when the class
 * cannot be read in it (a retired scheme), since guessing low would let data be restored.
 */
export function disposalRuleOf(
	ledger: Ledger,
	asset: { scheme: string; class_key: string },
): "irrecoverable" | "standard" {
	if (asset.scheme !== ledger.scheme.code) return "irrecoverable";
	try {
		return deriveHandling(ledger.scheme, levelsOfKey(asset.class_key)).disposal;
	} catch {
		return "irrecoverable";
	}
}

export function needsCertificate(ledger: Ledger, row: DisposalRow): boolean {
	return certificateRequired(
		row.asset_kind as AssetKind,
		row.method as DisposalMethod,
		disposalRuleOf(ledger, row),
	);
}

export function presentDisposal(
	ledger: Ledger,
	row: DisposalRow,
	files: readonly DisposalFileMeta[],
): DisposalView {
	const open = row.status === "recorded";
	const writable =
		can(ledger.actor, disposalsPolicy, "disposal.record") &&
		inScope(ledger.write, row.owner_unit_id);
	return {
		id: row.id,
		asset: {
			id: row.asset_id,
			code: row.asset_code,
			name: row.asset_name,
			kind: row.asset_kind as AssetKind,
			classKey: row.class_key,
			unitName: row.unit_name,
		},
		status: row.status as DisposalView["status"],
		method: row.method as DisposalMethod,
		performedOn: row.performed_on,
		witness: row.witness,
		contractor: row.contractor,
		serialNumbers: JSON.parse(row.serial_numbers) as string[],
		notes: row.notes,
		recordedBy: row.recorded_by_label,
		recordedAt: row.recorded_at,
		closedBy: row.closed_by_label,
		closedAt: row.closed_at,
		certificateRequired: needsCertificate(ledger, row),
		files: files
			.filter((file) => file.disposal_id === row.id)
			.map((file) => ({
				id: file.id,
				kind: file.kind as "certificate" | "photo",
				fileName: file.file_name,
				mediaType: file.media_type,
				size: Number(file.size),
				sha256: file.sha256,
				uploadedBy: file.uploaded_by_label,
				uploadedAt: file.uploaded_at,
			})),
		allowedActions: open && writable ? ["disposal.record"] : [],
	};
}
