import {
	type FileIssueCode,
	type FileIssueParams,
	fileIssueText,
} from "../../shared/file-issues.ts";
import { halfWidth } from "../../shared/japanese-numbers.ts";
import type { ClassificationScheme } from "../policies/pack/classification.schema.ts";
import { type AssetScope, inScope } from "./asset-scope.ts";
import type { AssetFields } from "./assets.schemas.ts";
import { type Classification, ClassificationError, parseClassification } from "./classification.ts";
import {
	choices,
	KIND_LABELS,
	LEDGER_COLUMNS,
	LEDGER_HEADERS,
	type LedgerColumn,
	type LedgerColumnKey,
	LIFECYCLE_LABELS,
	PERSONAL_DATA_LABELS,
	parseKind,
	parseLifecycle,
	parsePersonalData,
	parseZone,
	unescapeCell,
	ZONE_LABELS,
} from "./ledger-format.ts";

/** One problem of the file: the spreadsheet row (1 = header) and the column header it is in. */
export interface ImportError {
	row: number | null;
	column: string | null;
	message: string;
	/** For a file that cannot be read: the `fileIssue` code and its parameters. */
	code?: string;
	params?: Record<string, string | number>;
}

/**
 * A row error with its catalogue code and parameters; `message` is the Japanese text, as the CLI
 * and the import report print it.
 */
export function rowError(
	row: number | null,
	column: string | null,
	code: FileIssueCode,
	params: FileIssueParams = {},
): ImportError {
	return { row, column, message: fileIssueText(code, params, "ja"), code, params };
}

/** Which column of the file holds each field (absent optional columns are left as they are). */
export type ColumnMap = ReadonlyMap<LedgerColumnKey, number>;

function fold(text: string): string {
	return text.normalize("NFKC").replace(/\s+/gu, "");
}

const BY_HEADER = new Map<string, LedgerColumn>(LEDGER_COLUMNS.map((c) => [fold(c.header), c]));

/**
 * Match the header row against the documented layout: every header must be known, none twice,
 * and the required ones present.
 */
export function readHeader(
	cells: readonly string[],
	row: number,
): {
	columns: ColumnMap;
	errors: ImportError[];
} {
	const columns = new Map<LedgerColumnKey, number>();
	const errors: ImportError[] = [];
	for (const [index, cell] of cells.entries()) {
		if (cell === "") continue;
		const column = BY_HEADER.get(fold(cell));
		if (!column) {
			errors.push(
				rowError(row, cell, "column_unknown", { header: cell, headers: LEDGER_HEADERS.join("、") }),
			);
		} else if (columns.has(column.key)) {
			errors.push(rowError(row, cell, "column_duplicate", { header: cell }));
		} else {
			columns.set(column.key, index);
		}
	}
	for (const column of LEDGER_COLUMNS) {
		if (column.required && !columns.has(column.key)) {
			errors.push(rowError(row, column.header, "column_missing", { header: column.header }));
		}
	}
	return { columns, errors };
}

export interface UnitRef {
	id: string;
	code: string;
	name: string;
}

/** What a row is checked against: the tenant's scheme and units, and the caller's write scope. */
export interface RowContext {
	scheme: ClassificationScheme;
	unitsByCode: ReadonlyMap<string, UnitRef>;
	/** Unit names that are unique in the tenant, for files that name the unit instead. */
	unitsByName: ReadonlyMap<string, UnitRef>;
	write: AssetScope;
}

/** A valid row: the fields its columns give (absent columns undefined) and its class. */
export interface ParsedRow {
	row: number;
	code: string;
	fields: Partial<AssetFields>;
	classification: Classification;
}

const CODE_PATTERN = /^[^\s/\\]+$/u;

/**
 * Check one data row against the layout, the tenant's scheme and units and the caller's scope,
 * collecting every error with its column.
 */
export function parseRow(
	context: RowContext,
	columns: ColumnMap,
	cells: readonly string[],
	row: number,
): { parsed: ParsedRow | null; errors: ImportError[] } {
	const errors: ImportError[] = [];
	const fail = (column: LedgerColumn, code: FileIssueCode, params: FileIssueParams = {}) =>
		errors.push(rowError(row, column.header, code, { header: column.header, ...params }));
	const values = new Map<LedgerColumnKey, string>();
	for (const column of LEDGER_COLUMNS) {
		const index = columns.get(column.key);
		if (index === undefined) continue;
		const value = unescapeCell(cells[index] ?? "").trim();
		if (value.length > column.max) {
			fail(column, "value_too_long", { max: column.max, length: value.length });
			continue;
		}
		if (column.required && value === "") {
			fail(column, "value_required");
			continue;
		}
		values.set(column.key, value);
	}
	const column = (key: LedgerColumnKey) =>
		LEDGER_COLUMNS.find((c) => c.key === key) as LedgerColumn;
	const fields: Partial<AssetFields> = {};
	const optional = (value: string | undefined) =>
		value === undefined ? undefined : value === "" ? null : value;

	// Codes typed in full width (ＰＣ－００１) are the same codes (PC-001).
	const codeText = values.get("code");
	const code = codeText === undefined ? undefined : halfWidth(codeText);
	if (code !== undefined && !CODE_PATTERN.test(code)) {
		fail(column("code"), "asset_code_chars");
	}
	const name = values.get("name");
	if (name !== undefined) fields.name = name;

	const kindText = values.get("kind");
	if (kindText !== undefined) {
		const kind = parseKind(kindText);
		if (kind) fields.kind = kind;
		else
			fail(column("kind"), "value_not_in_list", {
				value: kindText,
				choices: choices(KIND_LABELS),
			});
	}
	const unitText = values.get("unit");
	if (unitText !== undefined) {
		const unit =
			context.unitsByCode.get(unitText) ??
			context.unitsByCode.get(halfWidth(unitText)) ??
			context.unitsByName.get(unitText);
		if (!unit) fail(column("unit"), "unit_not_found", { value: unitText });
		else if (!inScope(context.write, unit.id)) {
			fail(column("unit"), "unit_not_managed", { value: `${unit.code} ${unit.name}` });
		} else fields.ownerUnitId = unit.id;
	}
	const zoneText = values.get("zone");
	if (zoneText !== undefined) {
		const zone = parseZone(zoneText);
		if (zone) fields.zone = zone;
		else
			fail(column("zone"), "value_not_in_list", {
				value: zoneText,
				choices: choices(ZONE_LABELS),
			});
	}
	let classification: Classification | null = null;
	const classText = values.get("classification");
	if (classText !== undefined) {
		try {
			classification = parseClassification(context.scheme, classText);
		} catch (error) {
			if (!(error instanceof ClassificationError)) throw error;
			fail(column("classification"), "class_not_in_scheme", {
				value: classText,
				scheme: context.scheme.code,
				allowed: String(error.params.allowed ?? ""),
			});
		}
	}
	const personalText = values.get("personalData");
	if (personalText !== undefined) {
		const personal = parsePersonalData(personalText);
		if (personal) fields.personalData = personal;
		else {
			fail(column("personalData"), "value_not_in_list", {
				value: personalText,
				choices: choices(PERSONAL_DATA_LABELS),
			});
		}
	}
	const lifecycleText = values.get("lifecycle");
	if (lifecycleText !== undefined) {
		const lifecycle = parseLifecycle(lifecycleText);
		if (lifecycle) fields.lifecycle = lifecycle;
		else
			fail(column("lifecycle"), "value_not_in_list", {
				value: lifecycleText,
				choices: choices(LIFECYCLE_LABELS),
			});
	}
	const managerName = optional(values.get("managerName"));
	if (managerName !== undefined) fields.managerName = managerName;
	const location = optional(values.get("location"));
	if (location !== undefined) fields.location = location;
	const retention = optional(values.get("retention"));
	if (retention !== undefined) fields.retention = retention;
	const relatedSystem = optional(values.get("relatedSystem"));
	if (relatedSystem !== undefined) fields.relatedSystem = relatedSystem;
	const notes = optional(values.get("notes"));
	if (notes !== undefined) fields.notes = notes;

	if (errors.length > 0 || code === undefined || classification === null) {
		return { parsed: null, errors };
	}
	return { parsed: { row, code, fields, classification }, errors };
}

/** The fields of a new asset: columns the file leaves out take the ledger's defaults. */
export function newAssetFields(parsed: ParsedRow): AssetFields {
	const f = parsed.fields;
	return {
		name: f.name ?? "",
		kind: f.kind ?? "information",
		ownerUnitId: f.ownerUnitId ?? "",
		managerName: f.managerName ?? null,
		location: f.location ?? null,
		zone: f.zone ?? "other",
		personalData: f.personalData ?? "none",
		retention: f.retention ?? null,
		lifecycle: f.lifecycle ?? "in_use",
		relatedSystem: f.relatedSystem ?? null,
		notes: f.notes ?? null,
	};
}
