import type { Schemas } from "../api/client.ts";

export type MappingProposal = Schemas["MappingProposal"];
export type ColumnMapping = Schemas["ColumnMapping"];
export type MappingField = Schemas["MappingField"];
type ValueChoice = MappingField["values"][number][number];

/** What a column can fill: a field, or one part of a field spread over columns (C・I・A). */
export interface TargetChoice {
	/** As the mapping writes it: `name`, `classification:2`. */
	target: string;
	field: MappingField;
	/** 1-based; null for the whole field. */
	part: number | null;
}

/**
 * The targets a column may be given, in the import's order: each field whole, and for a field
 * with parts each part too.
 *
 * @example
 * targetChoices(proposal.fields).map((c) => c.target); // ["code", "name", …, "classification:1", …]
 */
export function targetChoices(fields: readonly MappingField[]): TargetChoice[] {
	return fields.flatMap((field) => [
		{ target: field.key, field, part: null },
		...Array.from({ length: field.parts ?? 0 }, (_, at) => ({
			target: `${field.key}:${at + 1}`,
			field,
			part: at + 1,
		})),
	]);
}

function keyOf(target: string): string {
	return target.split(":")[0] ?? target;
}

/**
 * The closed list a target reads (a part's own list for a field with parts), or none: a column
 * with a list is offered a choice for each of its values.
 */
export function valueChoices(
	fields: readonly MappingField[],
	target: string | null,
): readonly ValueChoice[] {
	if (target === null) return [];
	const field = fields.find((f) => f.key === keyOf(target));
	if (!field) return [];
	const part = Number(target.split(":")[1] ?? 0);
	if (part > 0) return field.values[part - 1] ?? [];
	return field.values.length === 1 ? (field.values[0] ?? []) : [];
}

/**
 * The mapping with `label` filling `target` (or nothing). A field is filled once, whole or part
 * by part, so another column that filled it is let go; the column's value choices are those the
 * proposal made for this target, or none.
 *
 * @example
 * next = assignColumn(mapping, proposal.mapping, "登録日", "notes");
 */
export function assignColumn(
	mapping: ColumnMapping,
	proposed: ColumnMapping,
	label: string,
	target: string | null,
): ColumnMapping {
	const columns = { ...mapping.columns, [label]: target };
	const values = { ...mapping.values };
	if (target !== null) {
		const key = keyOf(target);
		for (const [other, to] of Object.entries(columns)) {
			if (other === label || to === null || to === undefined) continue;
			const clash = to === target || to === key || (target === key && keyOf(to) === key);
			if (clash) {
				columns[other] = null;
				delete values[other];
			}
		}
	}
	const restored = target !== null && proposed.columns[label] === target;
	const proposedValues = proposed.values[label];
	if (restored && proposedValues) values[label] = { ...proposedValues };
	else delete values[label];
	return { ...mapping, columns, values };
}

/** The mapping with the file's `value` in column `label` read as `to` ("" = as it is). */
export function assignValue(
	mapping: ColumnMapping,
	label: string,
	value: string,
	to: string,
): ColumnMapping {
	const own = { ...mapping.values[label] };
	if (to === "") delete own[value];
	else own[value] = to;
	const values = { ...mapping.values, [label]: own };
	if (Object.keys(own).length === 0) delete values[label];
	return { ...mapping, values };
}

/** The required fields no column fills, by their header in Mamori's own layout. */
export function missingFields(mapping: ColumnMapping, fields: readonly MappingField[]): string[] {
	const taken = Object.values(mapping.columns).filter((to): to is string => typeof to === "string");
	return fields
		.filter((field) => field.required && !taken.some((to) => keyOf(to) === field.key))
		.map((field) => field.header);
}

/** One value of a closed-list column: what the file has, and what the mapping reads it as. */
export interface ValueRow {
	label: string;
	value: string;
	/** "" when read as it is. */
	to: string;
	choices: readonly ValueChoice[];
}

/**
 * The values to decide for each column that fills a closed list: those the proposal matched or
 * could not match, and those of the first rows (for a column mapped by hand).
 */
export function valueRows(proposal: MappingProposal, mapping: ColumnMapping): ValueRow[] {
	const rows: ValueRow[] = [];
	proposal.labels.forEach((label, at) => {
		const target = label === "" ? null : (mapping.columns[label] ?? null);
		const choices = valueChoices(proposal.fields, target);
		if (choices.length === 0) return;
		const seen = new Set<string>([
			...Object.keys(proposal.mapping.values[label] ?? {}),
			...(proposal.unmatchedValues[label] ?? []),
			...Object.keys(mapping.values[label] ?? {}),
			...proposal.sample.map((row) => (row[at] ?? "").trim()).filter((cell) => cell !== ""),
		]);
		for (const value of seen) {
			rows.push({ label, value, to: mapping.values[label]?.[value] ?? "", choices });
		}
	});
	return rows;
}
