import type { Db } from "../../../db/connection.ts";
import { inTransaction } from "../../../db/transaction.ts";
import { Problem } from "../../../shared/problem.ts";
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from "../../../shared/xlsx-archive.ts";
import { auditContextOf } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { CHECKLIST_SHEETS, kindLabel } from "./checklist-format.ts";
import type { ChecklistKind } from "./checklist-model.ts";
import { checklistsPolicy } from "./checklists.policy.ts";
import { findChecklist } from "./checklists.repository.ts";
import type { ChecklistImportReport } from "./checklists.schemas.ts";
import { readChecklistWorkbook } from "./read-checklist-workbook.ts";
import { saveNewChecklist, saveNextVersion } from "./save-checklist.ts";

export interface ChecklistImportOptions {
	mode: "dry_run" | "apply";
	/** A new version of this checklist; null: a new checklist. */
	checklistId: string | null;
	/** The file's name, kept with the version. */
	fileName: string;
	/** Bounds on the XLSX file's ZIP (the configured `Config.xlsx`); the defaults when absent. */
	archive?: XlsxLimits;
}

/**
 * Read a checklist workbook, check all of it, and — in `apply` mode, when nothing is wrong — save
 * it as a new checklist or as the next version of `checklistId`, in one transaction. A file with
 * any error saves nothing; the report lists every error with sheet, row and column. Runs in the
 * import worker thread (`checklist.import.ts`).
 *
 * @example
 * const report = await importChecklist(db, actor, bytes, { mode: "dry_run", checklistId: null, fileName: "点検.xlsx" });
 */
export async function importChecklist(
	db: Db,
	actor: Actor,
	bytes: Uint8Array,
	options: ChecklistImportOptions,
	now: Date = new Date(),
): Promise<ChecklistImportReport> {
	authorize(actor, checklistsPolicy, "assurance_checklist.manage");
	const target = options.checklistId
		? await findChecklist(db, actor.tenantId, options.checklistId)
		: null;
	if (options.checklistId && !target) {
		throw new Problem("not_found", `checklist ${options.checklistId} does not exist`);
	}
	const parsed = await readChecklistWorkbook(bytes, options.archive ?? DEFAULT_XLSX_LIMITS);
	const report: ChecklistImportReport = {
		errors: parsed.errors,
		errorCount: parsed.errorCount,
		rows: parsed.rows,
		skippedBlank: parsed.skippedBlank,
		skippedTotal: parsed.skippedTotal,
		title: parsed.content?.title ?? null,
		kind: parsed.content?.kind ?? null,
		checklistId: target?.id ?? null,
		version: null,
		applied: false,
	};
	const content = parsed.content;
	if (content && target && target.kind !== content.kind) {
		// A checklist keeps its kind: a self-inspection cannot become an audit checklist.
		const error = {
			sheet: CHECKLIST_SHEETS.info,
			row: parsed.kindRow,
			column: "値",
			code: "checklist_kind_mismatch",
			params: {
				kind: kindLabel(content.kind),
				expected: kindLabel(target.kind as ChecklistKind),
			},
			message: `the file is a ${content.kind} checklist; the checklist is ${target.kind}`,
		};
		return { ...report, errors: [error], errorCount: 1 };
	}
	if (!content || options.mode === "dry_run") return report;
	const from = { source: "import" as const, name: options.fileName };
	const saved = await inTransaction(db, async (tx) => {
		const context = auditContextOf(actor);
		if (target) return saveNextVersion(tx, context, target.id, content, from, now);
		const made = await saveNewChecklist(tx, context, content, from, now);
		if (!made) throw new Problem("internal", "an imported checklist has no bundled id");
		return made;
	});
	return {
		...report,
		checklistId: saved.checklist.id,
		version: Number(saved.version.version),
		applied: true,
	};
}
