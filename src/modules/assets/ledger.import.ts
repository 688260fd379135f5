import { z } from "zod";
import type { ImportKind } from "../../platform/imports/import-kind.ts";
import { authorize } from "../authz/policy.ts";
import { assetsPolicy } from "./assets.policy.ts";
import { importAssets } from "./import-assets.ts";
import { openLedger } from "./ledger.ts";
import { ledgerMappingTarget } from "./ledger-mapping.ts";

const optionsSchema = z.object({ skipInvalid: z.boolean().default(false) });

/** The asset ledger as an import of the platform's pipeline: the module's rows and rules. */
export const ledgerImport: ImportKind = {
	name: "assets.ledger",
	tables: ["assets", "asset_classification_changes"],
	authorize: (actor) => authorize(actor, assetsPolicy, "asset.import"),
	async run(run) {
		const { skipInvalid } = optionsSchema.parse(run.options);
		const report = await importAssets(run.deps.db, run.actor, run.bytes, {
			mode: run.dryRun ? "dry_run" : "apply",
			skipInvalid,
			progress: run.progress,
			archive: run.deps.config.xlsx,
			mapping: run.mapping,
		});
		const written = report.applied ? report.created + report.updated : 0;
		return { applied: report.applied, result: report, progress: { checked: report.rows, written } };
	},
	async mappingTarget(deps, actor) {
		return ledgerMappingTarget((await openLedger(deps.db, actor)).scheme);
	},
};
