import { columnsTarget } from "../../platform/imports/column-rows.ts";
import type { ImportKind } from "../../platform/imports/import-kind.ts";
import { authorize } from "../authz/policy.ts";
import { contractsPolicy } from "./contracts.policy.ts";
import {
	CONTRACT_COLUMNS,
	CONTRACTOR_COLUMNS,
	importContractors,
	importContracts,
} from "./contracts-io.ts";
import words from "./contracts-mapping.words.json" with { type: "json" };

/** Contractors (委託先) as an import of the platform's pipeline. */
export const contractorsImport: ImportKind = {
	name: "contracts.contractors",
	tables: ["contractors"],
	authorize: (actor) => authorize(actor, contractsPolicy, "contract.import"),
	async run(run) {
		const report = await importContractors(run.deps.db, run.actor, run.bytes, {
			mode: run.dryRun ? "dry_run" : "apply",
			archive: run.deps.config.xlsx,
			mapping: run.mapping,
		});
		const written = report.applied ? report.created + report.updated : 0;
		return { applied: report.applied, result: report, progress: { checked: report.rows, written } };
	},
	mappingTarget: async () =>
		columnsTarget("contracts.contractors", CONTRACTOR_COLUMNS, words.contractors),
};

/** Contracts (業務委託) as an import of the platform's pipeline. */
export const contractsImport: ImportKind = {
	name: "contracts.contracts",
	tables: ["contracts", "contract_assets"],
	authorize: (actor) => authorize(actor, contractsPolicy, "contract.import"),
	async run(run) {
		const report = await importContracts(run.deps.db, run.actor, run.bytes, {
			mode: run.dryRun ? "dry_run" : "apply",
			archive: run.deps.config.xlsx,
			mapping: run.mapping,
		});
		const written = report.applied ? report.created + report.updated : 0;
		return { applied: report.applied, result: report, progress: { checked: report.rows, written } };
	},
	mappingTarget: async () =>
		columnsTarget("contracts.contracts", CONTRACT_COLUMNS, words.contracts),
};
