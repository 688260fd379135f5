import type { ImportKind } from "../../platform/imports/import-kind.ts";
import { authorize } from "../authz/policy.ts";
import { cloudServicesPolicy } from "./cloud-services.policy.ts";
import { importCloudServices, servicesMappingTarget } from "./import-cloud-services.ts";

/** The register as an import of the platform's pipeline: the module's rows and rules. */
export const cloudServicesImport: ImportKind = {
	name: "cloud-services",
	tables: ["cloud_services"],
	authorize: (actor) => authorize(actor, cloudServicesPolicy, "cloud_service.import"),
	async run(run) {
		const report = await importCloudServices(run.deps.db, run.actor, run.bytes, {
			mode: run.dryRun ? "dry_run" : "apply",
			progress: run.progress,
			archive: run.deps.config.xlsx,
			mapping: run.mapping,
		});
		const written = report.applied ? report.created + report.updated : 0;
		return { applied: report.applied, result: report, progress: { checked: report.rows, written } };
	},
	mappingTarget: async () => servicesMappingTarget(),
};
