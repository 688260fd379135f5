import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { auditContextOf, recordAudit } from "../../modules/audit-log/record-audit.ts";
import type { Actor } from "../../modules/authz/roles.ts";
import { fileIssueOf } from "../../shared/file-issues.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { firstRows } from "./first-rows.ts";
import {
	deleteImportMapping,
	findImportMapping,
	findImportMappingById,
	type ImportMappingRow,
	insertImportMapping,
	listImportMappings,
	updateImportMapping,
} from "./import-mappings.repository.ts";
import { type ColumnMapping, columnMappingSchema } from "./mapping.schemas.ts";
import { fitSavedMapping } from "./mapping.ts";
import { HEADER_SCAN_ROWS } from "./mapping-header.ts";
import { importKind } from "./registry.ts";

/** A saved mapping as its import's users see it. */
export interface SavedMapping {
	id: string;
	kind: string;
	source: string;
	mapping: ColumnMapping;
	updatedBy: string;
	updatedAt: string;
}

export function presentSavedMapping(row: ImportMappingRow): SavedMapping {
	return {
		id: row.id,
		kind: row.kind,
		source: row.source,
		mapping: columnMappingSchema.parse(JSON.parse(row.mapping)),
		updatedBy: row.updated_by_label,
		updatedAt: row.updated_at,
	};
}

/**
 * Save a mapping for its import and source (replacing the one saved before for that source),
 * with its audit event. Whoever may use the import may save its mappings.
 *
 * @example
 * const saved = await inTransaction(db, (tx) => saveMapping(tx, actor, proposal.mapping));
 */
export async function saveMapping(
	tx: Tx,
	actor: Actor,
	mapping: ColumnMapping,
	now: Date = new Date(),
): Promise<SavedMapping> {
	importKind(mapping.kind).authorize(actor);
	const at = now.toISOString();
	const before = await findImportMapping(tx, actor.tenantId, mapping.kind, mapping.source);
	const text = JSON.stringify(mapping);
	const changes = {
		mapping: text,
		updated_by: actor.accountId,
		updated_by_label: actor.label,
		updated_at: at,
	};
	let row: ImportMappingRow;
	if (before) {
		await updateImportMapping(tx, before.id, changes);
		row = { ...before, ...changes };
	} else {
		row = {
			id: randomUUID(),
			tenant_id: actor.tenantId,
			kind: mapping.kind,
			source: mapping.source,
			created_at: at,
			...changes,
		};
		await insertImportMapping(tx, row);
	}
	const columns = Object.entries(mapping.columns);
	await recordAudit(tx, auditContextOf(actor), "import_mapping.saved", {
		kind: mapping.kind,
		source: mapping.source,
		mapped: columns.filter(([, to]) => to !== null).map(([label]) => label),
		ignored: columns.filter(([, to]) => to === null).map(([label]) => label),
		created: !before,
	});
	return presentSavedMapping(row);
}

/** The tenant's saved mappings of the imports the actor may use (of one import, when named). */
export async function listMappings(
	db: Queryable,
	actor: Actor,
	kind: string | null,
): Promise<SavedMapping[]> {
	if (kind !== null) importKind(kind).authorize(actor);
	const rows = await listImportMappings(db, actor.tenantId, kind);
	return rows
		.filter((row) => {
			try {
				importKind(row.kind).authorize(actor);
				return true;
			} catch {
				return false;
			}
		})
		.map(presentSavedMapping);
}

/** The mapping saved for a source, or null. */
export async function savedMapping(
	db: Queryable,
	actor: Actor,
	kind: string,
	source: string,
): Promise<ColumnMapping | null> {
	importKind(kind).authorize(actor);
	const row = await findImportMapping(db, actor.tenantId, kind, source);
	return row ? presentSavedMapping(row).mapping : null;
}

/**
 * The mapping an import request names: given inline, or saved for a source. A saved mapping is
 * used only while it fits the file as propose says it does (the same labels; the header may have
 * moved down); a file whose header changed is refused naming the labels added and removed, so that
 * the mapping is confirmed again (docs/column-mapping.md).
 *
 * @throws Problem `not_found` (`import_mapping_not_found`) when no mapping is saved for the source
 * @throws Problem `validation_failed` (`import_mapping_changed`) when the file's header changed
 * @example
 * const mapping = await requestedMapping(deps, actor, "assets.ledger", { mappingSource: "財政課台帳" }, bytes);
 */
export async function requestedMapping(
	deps: AppDeps,
	actor: Actor,
	kind: string,
	request: { mapping?: ColumnMapping | undefined; mappingSource?: string | undefined },
	bytes: Uint8Array,
	options: unknown = {},
): Promise<ColumnMapping | null> {
	if (request.mapping) return { ...request.mapping, kind };
	if (!request.mappingSource) return null;
	const saved = await savedMapping(deps.db, actor, kind, request.mappingSource);
	if (!saved)
		throw refusal("not_found", "import_mapping_not_found", "no mapping is saved for that source");
	const importer = importKind(kind);
	if (!importer.mappingTarget) return saved;
	let rows: string[][];
	try {
		const last = Math.max(HEADER_SCAN_ROWS, ...saved.headerRows);
		rows = await firstRows(deps, bytes, last + 1);
	} catch (error) {
		// A file that cannot be read is reported by the import itself, as one error without a row.
		if (fileIssueOf(error)) return saved;
		throw error;
	}
	const fit = fitSavedMapping(saved, rows, await importer.mappingTarget(deps, actor, options));
	if ("mapping" in fit) return fit.mapping;
	const { added, removed } = fit.change;
	throw refusal(
		"validation_failed",
		"import_mapping_changed",
		`the file's header no longer fits the mapping saved for "${saved.source}": ` +
			`added ${JSON.stringify(added)}, removed ${JSON.stringify(removed)}`,
		{ source: saved.source, added: added.join("、") || "—", removed: removed.join("、") || "—" },
	);
}

/** Forget a saved mapping. */
export async function deleteMapping(tx: Tx, actor: Actor, id: string): Promise<void> {
	const row = await findImportMappingById(tx, actor.tenantId, id);
	if (!row) throw new Problem("not_found", "no such saved mapping");
	importKind(row.kind).authorize(actor);
	await deleteImportMapping(tx, id);
	await recordAudit(tx, auditContextOf(actor), "import_mapping.deleted", {
		kind: row.kind,
		source: row.source,
	});
}
