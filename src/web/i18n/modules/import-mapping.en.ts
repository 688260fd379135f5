import type { importMappingJa } from "./import-mapping.ja.ts";

/** English messages of column-mapped imports, merged into en.ts. */
export const importMappingEn: Record<keyof typeof importMappingJa, string> = {
	"mapping.title": "Import in your own layout",
	"mapping.intro":
		"Choose your ledger file as it is. Mamori finds its header and proposes which column fills which field; check and correct it, then import.",
	"mapping.source": "Source name",
	"mapping.sourceHint":
		"For example 財政課台帳. A saved mapping is used as it is for the next file of the same source.",
	"mapping.file": "File (XLSX or CSV)",
	"mapping.propose": "Read the header",
	"mapping.headerRows": "Header: row {rows}",
	"mapping.columnsTitle": "Columns and fields",
	"mapping.column": "Column of the file",
	"mapping.field": "Field",
	"mapping.ignore": "(not imported)",
	"mapping.part": "{header} (part {part})",
	"mapping.valuesTitle": "Values",
	"mapping.value": "Value in the file",
	"mapping.valueTarget": "Value imported",
	"mapping.valueAsIs": "(as it is)",
	"mapping.missing": "No column fills these required fields: {fields}",
	"mapping.sample": "First rows",
	"mapping.savedFits":
		"The saved mapping 「{source}」 fits this file: importing without questions.",
	"mapping.savedChanged":
		"The header differs from the saved mapping 「{source}」. New: {added} / gone: {removed}",
	"mapping.dryRun": "Check first",
	"mapping.dryRunOk": "{rows} rows checked, no errors.",
	"mapping.dryRunErrors": "{count} errors: nothing will be imported.",
	"mapping.errorRow": "Row {row}",
	"mapping.row": "Row",
	"mapping.message": "Problem",
	"mapping.save": "Save the mapping and import",
	"mapping.importSaved": "Import with the saved mapping",
	"mapping.imported": "Imported: {created} added, {updated} updated, {unchanged} unchanged",
	"mapping.refused": "Not imported ({count} errors): nothing was changed.",
	"mapping.open": "Import in your own layout",
	"audit.type.import_mapping.saved": "Import column mapping saved",
	"audit.type.import_mapping.deleted": "Import column mapping deleted",
	"issue.field.mapping": "column mapping",
	"issue.field.headerRows": "header rows",
	"issue.field.columns": "columns",
	"issue.field.values": "values",
	"issue.field.mappingSource": "saved mapping's source",
	"issue.field.options": "import options",
	"issue.import_mapping_not_found": "No column mapping is saved for that source.",
	"issue.import_mapping_unsupported": "This import reads Mamori's own layout only.",
	"issue.import_mapping_no_header":
		"No header naming a field of this import is in the first 30 rows.",
	"issue.import_mapping_changed":
		"The file's header no longer fits the saved mapping 「{source}」 (new: {added} / gone: {removed}). Read the header, check the mapping and save it again.",
};
