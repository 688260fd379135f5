import { api, call } from "../api/client.ts";
import { ImportFileDialog, type ImportTexts } from "../imports/ImportFileDialog.tsx";

const common = {
	file: "contracts.import.file",
	check: "contracts.import.check",
	apply: "contracts.import.apply",
	summary: "contracts.import.summary",
	applied: "contracts.import.applied",
	notApplied: "contracts.import.notApplied",
	row: "contracts.import.row",
	column: "contracts.import.column",
	message: "contracts.import.message",
	cancel: "contracts.form.cancel",
} as const satisfies Omit<ImportTexts, "title" | "lead">;

/**
 * Check a file of contractors (委託先) or of contracts (業務委託) row by row, then import it as a
 * job: all rows or none.
 */
export function ImportContractsDialog({
	what,
	onClose,
}: {
	what: "contractors" | "contracts";
	onClose(changed: boolean): void;
}) {
	return what === "contractors" ? (
		<ImportFileDialog
			texts={{
				...common,
				title: "contracts.import.contractorsTitle",
				lead: "contracts.import.contractorsLead",
			}}
			mapping={{ kind: "contracts.contractors" }}
			send={(body) => call(api.POST("/api/contractors/import", { body }))}
			onClose={onClose}
		/>
	) : (
		<ImportFileDialog
			texts={{
				...common,
				title: "contracts.import.contractsTitle",
				lead: "contracts.import.contractsLead",
			}}
			mapping={{ kind: "contracts.contracts" }}
			send={(body) => call(api.POST("/api/contracts/import", { body }))}
			onClose={onClose}
		/>
	);
}
