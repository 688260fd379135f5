import { z } from "@hono/zod-openapi";
import { assetImportReportSchema } from "../../modules/assets/asset-transfer.schemas.ts";
import { checklistImportReportSchema } from "../../modules/assurance/checklists/checklists.schemas.ts";
import { cloudServiceImportReportSchema } from "../../modules/cloud-services/cloud-services.schemas.ts";
import { rosterApplyReportSchema } from "../../modules/org/roster/roster.schemas.ts";

export const IMPORT_STATUSES = ["queued", "running", "done", "refused", "failed"] as const;

export const importJobSchema = z
	.object({
		id: z.string(),
		/** The module's import, e.g. `assets.ledger`. */
		kind: z.string(),
		/** queued → running → done (applied) | refused (nothing written) | failed (nothing written). */
		status: z.enum(IMPORT_STATUSES),
		fileName: z.string(),
		/** Rows checked and written so far; written is 0 unless the import was applied. */
		progress: z.object({ checked: z.number().int(), written: z.number().int() }),
		/**
		 * The module's report once the run ended (`done` or `refused`); null before. Its shape
		 * follows `kind`: `assets.ledger` → AssetImportReport, `org.roster` → RosterApplyReport,
		 * `assurance.checklist` → ChecklistImportReport, `cloud-services` → CloudServiceImportReport.
		 */
		result: z.union([
			assetImportReportSchema,
			rosterApplyReportSchema,
			checklistImportReportSchema,
			cloudServiceImportReportSchema,
			z.null(),
		]),
		/** Why a `failed` import stopped: a stable problem code. */
		error: z.object({ code: z.string(), detail: z.string() }).nullable(),
		createdAt: z.string(),
		startedAt: z.string().nullable(),
		finishedAt: z.string().nullable(),
		allowedActions: z.array(z.string()),
	})
	.openapi("ImportJob");
export type ImportJob = z.infer<typeof importJobSchema>;

export const importIdParamSchema = z.object({ id: z.string().min(1).max(64) });
