import type {
	MappingField,
	MappingTarget,
	MappingValue,
} from "../../platform/imports/mapping.schemas.ts";
import type { ClassificationScheme, Level } from "../policies/pack/classification.schema.ts";
import { ASSET_KINDS, ASSET_ZONES, LIFECYCLE_STATES, PERSONAL_DATA } from "./assets.schemas.ts";
import { levelLists } from "./classification.ts";
import {
	KIND_LABELS,
	LEDGER_COLUMNS,
	LIFECYCLE_LABELS,
	PERSONAL_DATA_LABELS,
	ZONE_LABELS,
} from "./ledger-format.ts";
import words from "./ledger-mapping.words.json" with { type: "json" };

type Words = Record<string, readonly string[]>;
const headerWords = words.headers as Record<string, readonly string[]>;
const valueWords = words.values as Record<string, Record<string, readonly string[]>>;
const levelWords = words.levels as Record<string, Words>;

function closedList<T extends string>(
	key: string,
	codes: readonly T[],
	labels: Record<T, string>,
): MappingValue[] {
	return codes.map((code) => ({
		value: code,
		label: labels[code],
		synonyms: valueWords[key]?.[code] ?? [],
	}));
}

function levelValues(levels: readonly Level[], axis: string): MappingValue[] {
	return levels.map((level) => ({
		value: level.code,
		label: level.label.ja,
		synonyms: [level.label.en, ...(levelWords[axis]?.[level.code] ?? [])],
	}));
}

/**
 * The ledger's fields for the column mapping: its own layout's columns (not the informational
 * ones), the words cities use for them (ledger-mapping.words.json), and the closed lists, with the
 * classification's levels from the tenant's scheme (one column per axis, or one for all).
 *
 * @example
 * const target = ledgerMappingTarget(ledger.scheme); // target.fields[0].key === "code"
 */
export function ledgerMappingTarget(scheme: ClassificationScheme): MappingTarget {
	const lists = levelLists(scheme);
	const cia = scheme.kind === "cia";
	const axes = ["confidentiality", "integrity", "availability"];
	const fields: MappingField[] = LEDGER_COLUMNS.filter(
		(column) => !("informational" in column && column.informational),
	).map((column) => {
		const field: MappingField = {
			key: column.key,
			header: column.header,
			required: column.required,
			synonyms: headerWords[column.key] ?? [],
		};
		switch (column.key) {
			case "kind":
				return { ...field, values: closedList("kind", ASSET_KINDS, KIND_LABELS) };
			case "zone":
				return { ...field, values: closedList("zone", ASSET_ZONES, ZONE_LABELS) };
			case "personalData":
				return {
					...field,
					values: closedList("personalData", PERSONAL_DATA, PERSONAL_DATA_LABELS),
				};
			case "lifecycle":
				return { ...field, values: closedList("lifecycle", LIFECYCLE_STATES, LIFECYCLE_LABELS) };
			case "classification":
				return cia
					? {
							...field,
							parts: words.classificationParts,
							values: lists.map((levels, axis) => levelValues(levels, axes[axis] ?? "")),
						}
					: { ...field, values: levelValues(lists[0] ?? [], "confidentiality") };
			default:
				return field;
		}
	});
	return { kind: "assets.ledger", fields };
}
