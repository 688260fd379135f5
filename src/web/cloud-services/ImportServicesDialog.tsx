import { api, call } from "../api/client.ts";
import { ImportFileDialog, type ImportTexts } from "../imports/ImportFileDialog.tsx";

const TEXTS: ImportTexts = {
	title: "cloudServices.import.title",
	lead: "cloudServices.import.lead",
	file: "cloudServices.import.file",
	check: "cloudServices.import.check",
	apply: "cloudServices.import.apply",
	summary: "cloudServices.import.summary",
	applied: "cloudServices.import.applied",
	notApplied: "cloudServices.import.notApplied",
	row: "cloudServices.import.row",
	column: "cloudServices.import.column",
	message: "cloudServices.import.message",
	cancel: "cloudServices.form.cancel",
};

/** Check the cloud service register file row by row, then import it as a job: all rows or none. */
export function ImportServicesDialog({ onClose }: { onClose(changed: boolean): void }) {
	return (
		<ImportFileDialog
			texts={TEXTS}
			mapping={{ kind: "cloud-services" }}
			send={(body) => call(api.POST("/api/cloud-services/import", { body }))}
			onClose={onClose}
		/>
	);
}
