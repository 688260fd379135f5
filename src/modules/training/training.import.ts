import type { ImportKind } from "../../platform/imports/import-kind.ts";
import { authorize } from "../authz/policy.ts";
import { trainingPolicy } from "./training.policy.ts";
import { importAttendance, importOptionsOf, trainingMappingTarget } from "./training-io.ts";

/** Attendance of one course (a roster of who attended, or a phishing drill's results). */
export const trainingImport: ImportKind = {
	name: "training.attendance",
	tables: ["training_assignments", "training_drill_results"],
	authorize: (actor) => authorize(actor, trainingPolicy, "training.record"),
	async run(run) {
		const { courseId } = importOptionsOf(run.options);
		const report = await importAttendance(run.deps.db, run.actor, run.bytes, {
			courseId,
			mode: run.dryRun ? "dry_run" : "apply",
			archive: run.deps.config.xlsx,
			mapping: run.mapping,
		});
		const written = report.applied ? report.created : 0;
		return { applied: report.applied, result: report, progress: { checked: report.rows, written } };
	},
	mappingTarget: (deps, actor, options) =>
		trainingMappingTarget(deps.db, actor, importOptionsOf(options).courseId),
};
