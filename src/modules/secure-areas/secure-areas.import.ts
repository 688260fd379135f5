import type { ImportKind } from "../../platform/imports/import-kind.ts";
import { authorize } from "../authz/policy.ts";
import { entriesMappingTarget, importEntries } from "./import-entries.ts";
import { secureAreasPolicy } from "./secure-areas.policy.ts";

/** A card reader's entry log as an import of the platform's pipeline. */
export const secureAreaEntriesImport: ImportKind = {
	name: "secure-areas.entries",
	tables: ["secure_area_entries"],
	authorize: (actor) => authorize(actor, secureAreasPolicy, "secure_area.keep"),
	async run(run) {
		const report = await importEntries(run.deps.db, run.actor, run.bytes, {
			mode: run.dryRun ? "dry_run" : "apply",
			progress: run.progress,
			archive: run.deps.config.xlsx,
			mapping: run.mapping,
		});
		const written = report.applied ? report.created : 0;
		return { applied: report.applied, result: report, progress: { checked: report.rows, written } };
	},
	mappingTarget: async () => entriesMappingTarget(),
};
