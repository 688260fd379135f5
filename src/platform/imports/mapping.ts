import { type ImportError, rowError } from "../../modules/assets/import-row.ts";
import { rowKind } from "../../shared/row-kinds.ts";
import {
	type ColumnMapping,
	MAPPING_VERSION,
	type MappingField,
	type MappingTarget,
	type MappingValue,
} from "./mapping.schemas.ts";
import { detectHeader, foldWord, headerLabels, lookUp, wordIndex } from "./mapping-header.ts";

/**
 * The column-mapping engine: propose how a city's own layout reads as an import (header found,
 * columns and closed-list values matched by the import's words), and apply a confirmed mapping
 * so that the import's own reader sees its own layout. Pure: no database, no files.
 */

/** Labels made unique: a second 「備考」 is 「備考 (2)」, the same way every time. */
export function uniqueLabels(labels: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return labels.map((label) => {
		if (label === "") return "";
		const n = (seen.get(label) ?? 0) + 1;
		seen.set(label, n);
		return n === 1 ? label : `${label} (${n})`;
	});
}

/** A mapped column's target: the field and, for a field spread over columns, its part (0-based). */
export function parseTarget(target: string): { key: string; part: number | null } {
	const colon = target.indexOf(":");
	if (colon < 0) return { key: target, part: null };
	return { key: target.slice(0, colon), part: Number(target.slice(colon + 1)) - 1 };
}

function valuesOf(field: MappingField, part: number | null): readonly MappingValue[] | undefined {
	const values = field.values;
	if (!values || values.length === 0) return undefined;
	const perPart = Array.isArray(values[0]);
	if (!perPart) return values as readonly MappingValue[];
	return part === null ? undefined : (values as readonly (readonly MappingValue[])[])[part];
}

function matchValue(values: readonly MappingValue[], text: string): string | undefined {
	const folded = foldWord(text);
	for (const value of values) {
		if ([value.value, value.label, ...value.synonyms].some((word) => foldWord(word) === folded))
			return value.value;
	}
	return undefined;
}

/** At most this many distinct values of a column are proposed a mapping. */
const MAX_DISTINCT_VALUES = 200;
const SAMPLE_ROWS = 5;

export interface MappingProposal {
	mapping: ColumnMapping;
	/** The file's column labels, in order ("" for a column without a header). */
	labels: string[];
	/** Labels no field was found for: ignored unless the user maps them. */
	ignored: string[];
	/** Required fields no column fills. */
	missing: string[];
	/** Values of closed-list columns that matched nothing, by column label. */
	unmatchedValues: Record<string, string[]>;
	/** The first data rows, as the file has them. */
	sample: string[][];
}

/**
 * Propose a mapping for a file's rows (as read, row 0 = spreadsheet row 1): find the header, match
 * each label to a field by the import's words, and each value of a closed-list column to a value.
 * Null when no row of the first 30 names any field.
 *
 * @example
 * const proposal = proposeMapping(rows, ledgerTarget, "財政課台帳");
 * proposal?.mapping.columns; // { "名称": "name", "格付/機密性": "classification:1", … }
 */
export function proposeMapping(
	rows: readonly (readonly string[])[],
	target: MappingTarget,
	source: string,
): MappingProposal | null {
	const header = detectHeader(rows, target);
	if (!header) return null;
	const labels = uniqueLabels(header.labels);
	const index = wordIndex(target);
	const columns: Record<string, string | null> = {};
	const taken = new Set<string>();
	const ignored: string[] = [];
	for (const label of labels) {
		if (label === "") continue;
		const found = lookUp(index, label.replace(/ \(\d+\)$/u, ""));
		const to =
			found && (found.part === null ? found.field.key : `${found.field.key}:${found.part + 1}`);
		// A field is filled once: whole, or part by part.
		const clash =
			to !== undefined &&
			(taken.has(to) ||
				taken.has(found?.field.key ?? "") ||
				(found?.part === null && [...taken].some((t) => t.startsWith(`${found.field.key}:`))));
		if (to === undefined || clash) {
			columns[label] = null;
			ignored.push(label);
		} else {
			columns[label] = to;
			taken.add(to);
		}
	}
	const dataStart = header.headerRows[header.headerRows.length - 1] ?? 0;
	const data = rows.slice(dataStart).filter((row) => row.some((cell) => cell.trim() !== ""));
	const values: Record<string, Record<string, string>> = {};
	const unmatchedValues: Record<string, string[]> = {};
	const fields = new Map(target.fields.map((field) => [field.key, field]));
	labels.forEach((label, at) => {
		const to = label === "" ? null : columns[label];
		if (!to) return;
		const { key, part } = parseTarget(to);
		const field = fields.get(key);
		const list = field && valuesOf(field, part);
		if (!list) return;
		const distinct = new Set<string>();
		for (const row of data) {
			const cell = (row[at] ?? "").trim();
			if (cell !== "") distinct.add(cell);
			if (distinct.size >= MAX_DISTINCT_VALUES) break;
		}
		for (const cell of distinct) {
			const value = matchValue(list, cell);
			if (value === undefined) unmatchedValues[label] = [...(unmatchedValues[label] ?? []), cell];
			else if (value !== cell) values[label] = { ...values[label], [cell]: value };
		}
	});
	const missing = target.fields
		.filter(
			(field) =>
				field.required &&
				!taken.has(field.key) &&
				![...taken].some((t) => t.startsWith(`${field.key}:`)),
		)
		.map((field) => field.header);
	return {
		mapping: {
			version: MAPPING_VERSION,
			kind: target.kind,
			source,
			headerRows: header.headerRows,
			columns,
			values,
		},
		labels,
		ignored,
		missing,
		unmatchedValues,
		sample: data.slice(0, SAMPLE_ROWS).map((row) => [...row]),
	};
}

/** How a file's header differs from a saved mapping's: labels it gained and lost. */
export interface HeaderChange {
	added: string[];
	removed: string[];
}

/**
 * Whether a saved mapping still fits a file: the file's labels (at the mapping's header rows, or
 * where the header is found now) are exactly the mapping's. Returns the mapping to use (its header
 * rows moved if the header moved), or what changed.
 *
 * @example
 * const fit = fitSavedMapping(saved, rows, target);
 * if ("mapping" in fit) apply(fit.mapping); else propose(fit.change);
 */
export function fitSavedMapping(
	saved: ColumnMapping,
	rows: readonly (readonly string[])[],
	target: MappingTarget,
): { mapping: ColumnMapping } | { change: HeaderChange } {
	const wanted = Object.keys(saved.columns);
	const at = (headerRows: readonly number[]) =>
		uniqueLabels(headerLabels(headerRows.map((n) => rows[n - 1] ?? []))).filter((l) => l !== "");
	const same = (labels: string[]) =>
		labels.length === wanted.length && labels.every((label) => Object.hasOwn(saved.columns, label));
	if (same(at(saved.headerRows))) return { mapping: saved };
	const found = detectHeader(rows, target);
	if (found) {
		if (same(at(found.headerRows))) return { mapping: { ...saved, headerRows: found.headerRows } };
	}
	const labels = found ? at(found.headerRows) : at(saved.headerRows);
	return {
		change: {
			added: labels.filter((label) => !Object.hasOwn(saved.columns, label)),
			removed: wanted.filter((label) => !labels.includes(label)),
		},
	};
}

/** A mapping made ready to rewrite rows into the import's own layout. */
export interface AppliedMapping {
	/** The last header row (1-based): rows up to it are not data. */
	headerEnd: number;
	/** The header of the import's own layout, for the mapped fields, in the layout's order. */
	header: string[];
	/** A data row of the file → the same row in the import's own layout. */
	translate(cells: readonly string[]): string[];
	/** An error naming the layout's column → the same error naming the file's column(s). */
	rename(error: ImportError): ImportError;
	errors: ImportError[];
}

interface Source {
	index: number;
	values: Map<string, string> | null;
}

/**
 * Check a mapping against the file's header cells (its header rows, as read) and compile it.
 * A mapped label the file lacks, a field the import has not, or another import's mapping is an
 * error naming the header row; new labels in the file are ignored.
 *
 * @example
 * const applied = applyMapping(mapping, target, [row2, row3]);
 * for (const cells of dataRows) readOwnLayout(applied.translate(cells));
 */
export function applyMapping(
	mapping: ColumnMapping,
	target: MappingTarget,
	headerCells: readonly (readonly string[])[],
): AppliedMapping {
	const headerEnd = mapping.headerRows[mapping.headerRows.length - 1] ?? 1;
	const errors: ImportError[] = [];
	if (mapping.kind !== target.kind) {
		errors.push(rowError(null, null, "mapping_kind_mismatch", { kind: mapping.kind }));
	}
	const labels = uniqueLabels(headerLabels(headerCells));
	const position = new Map<string, number>();
	labels.forEach((label, index) => {
		if (label !== "") position.set(label, index);
	});
	const byField = new Map<string, Source[]>();
	const cityNames = new Map<string, string[]>();
	for (const [label, to] of Object.entries(mapping.columns)) {
		if (to === null) continue;
		const index = position.get(label);
		if (index === undefined) {
			errors.push(
				rowError(headerEnd, label, "mapping_column_absent", { header: label, row: headerEnd }),
			);
			continue;
		}
		const { key, part } = parseTarget(to);
		const field = target.fields.find((f) => f.key === key);
		if (!field || (part !== null && (!field.parts || part >= field.parts.length))) {
			errors.push(rowError(headerEnd, label, "mapping_field_unknown", { field: to }));
			continue;
		}
		const rewrite = mapping.values[label];
		const values = rewrite
			? new Map(Object.entries(rewrite).map(([from, value]) => [foldWord(from), value]))
			: null;
		const sources = byField.get(key) ?? [];
		sources[part ?? 0] = { index, values };
		byField.set(key, sources);
		cityNames.set(field.header, [...(cityNames.get(field.header) ?? []), label]);
	}
	const mapped = target.fields.filter((field) => byField.has(field.key));
	const plan = mapped.map((field) => byField.get(field.key) ?? []);
	const read = (cells: readonly string[], source: Source | undefined) => {
		if (!source) return "";
		const cell = (cells[source.index] ?? "").trim();
		if (source.values === null || cell === "") return cell;
		return source.values.get(foldWord(cell)) ?? cell;
	};
	return {
		headerEnd,
		header: mapped.map((field) => field.header),
		translate(cells) {
			const out = new Array<string>(plan.length);
			for (let i = 0; i < plan.length; i++) {
				const sources = plan[i] ?? [];
				if (sources.length === 1) out[i] = read(cells, sources[0]);
				else {
					const parts: string[] = [];
					for (let p = 0; p < sources.length; p++) parts.push(read(cells, sources[p]));
					out[i] = parts.every((part) => part === "") ? "" : parts.join("/");
				}
			}
			return out;
		},
		rename(error) {
			const names = error.column === null ? undefined : cityNames.get(error.column);
			return names ? { ...error, column: names.join("・") } : error;
		},
		errors,
	};
}

/**
 * Rewrite a whole table (row 0 = spreadsheet row 1) into the import's own layout, keeping every
 * row where it was: rows above the header become empty, the last header row becomes the layout's
 * header, data rows are translated. For the readers that hold the table in memory.
 */
export function mapTable(
	rows: readonly string[][],
	mapping: ColumnMapping,
	target: MappingTarget,
): { rows: string[][]; applied: AppliedMapping } {
	const applied = applyMapping(
		mapping,
		target,
		mapping.headerRows.map((n) => rows[n - 1] ?? []),
	);
	const out = rows.map((cells, i) => {
		const number = i + 1;
		if (number < applied.headerEnd) return [];
		if (number === applied.headerEnd) return applied.header;
		// Blank and total rows stay as the city wrote them: the reader counts them on its own cells
		// (a 合計 in a column the mapping leaves out is still a total row).
		return rowKind(cells) === "data" ? applied.translate(cells) : cells;
	});
	return { rows: out, applied };
}
