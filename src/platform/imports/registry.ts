import { ledgerImport } from "../../modules/assets/ledger.import.ts";
import { checklistImport } from "../../modules/assurance/checklists/checklist.import.ts";
import { cloudServicesImport } from "../../modules/cloud-services/cloud-services.import.ts";
import { contractorsImport, contractsImport } from "../../modules/contracts/contracts.import.ts";
import { rosterImport } from "../../modules/org/roster/roster.import.ts";
import { secureAreaEntriesImport } from "../../modules/secure-areas/secure-areas.import.ts";
import { trainingImport } from "../../modules/training/training.import.ts";
import { Problem } from "../../shared/problem.ts";
import type { ImportKind } from "./import-kind.ts";

/** Every import this version of Mamori knows, as declared by the modules that own them. */
export const IMPORT_KINDS: readonly ImportKind[] = [
	ledgerImport,
	rosterImport,
	checklistImport,
	cloudServicesImport,
	contractorsImport,
	contractsImport,
	secureAreaEntriesImport,
	trainingImport,
];

/** The declared import of this name; an unknown name is a problem of the stored row. */
export function importKind(name: string): ImportKind {
	const kind = IMPORT_KINDS.find((k) => k.name === name);
	if (!kind) throw new Problem("internal", `no import "${name}" in this version`);
	return kind;
}
