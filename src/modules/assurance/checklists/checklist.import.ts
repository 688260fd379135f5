import { z } from "zod";
import type { ImportKind } from "../../../platform/imports/import-kind.ts";
import { authorize } from "../../authz/policy.ts";
import { checklistsPolicy } from "./checklists.policy.ts";
import { importChecklist } from "./import-checklist.ts";

const optionsSchema = z.object({
	checklistId: z.string().nullable().default(null),
	fileName: z.string().default("checklist.xlsx"),
});

/**
 * A checklist workbook as an import of the platform's pipeline: read and checked in the import
 * worker thread, saved (a new checklist, or the next version of one) in one transaction.
 */
export const checklistImport: ImportKind = {
	name: "assurance.checklist",
	tables: ["assurance_checklists", "assurance_checklist_versions", "assurance_checklist_items"],
	authorize: (actor) => authorize(actor, checklistsPolicy, "assurance_checklist.manage"),
	async run(run) {
		const { checklistId, fileName } = optionsSchema.parse(run.options);
		const report = await importChecklist(run.deps.db, run.actor, run.bytes, {
			mode: run.dryRun ? "dry_run" : "apply",
			checklistId,
			fileName,
			archive: run.deps.config.xlsx,
		});
		return {
			applied: report.applied,
			result: report,
			progress: { checked: report.rows, written: report.applied ? report.rows : 0 },
		};
	},
};
