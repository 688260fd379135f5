import {
	AXES,
	type ClassificationScheme,
	COPY_RULES,
	DISPOSAL_RULES,
	type Handling,
	type Level,
	OUTSOURCING_RULES,
	STORAGE_RULES,
	TAKE_OUT_RULES,
} from "../policies/pack/classification.schema.ts";
import type { LocalizedText } from "../policies/pack/pack.primitives.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";

/**
 * An asset's classification in its tenant's scheme: one level for an importance scheme, one per
 * axis (C, I, A) for a CIA scheme. Stored as a key (`II`, `C3/I2/A2`) and a rank (0 = strictest)
 * so the ledger can filter and sort on plain columns.
 */
export interface Classification {
	scheme: string;
	levels: string[];
	key: string;
	rank: number;
}

/** The levels a value must be chosen from: one list for importance, three (C, I, A) for CIA. */
export function levelLists(scheme: ClassificationScheme): Level[][] {
	return scheme.kind === "cia" ? AXES.map((axis) => scheme.axes[axis]) : [scheme.levels];
}

/** The scheme the ledger classifies in: the pack's default scheme. */
export function ledgerScheme(pack: PolicyPack): ClassificationScheme {
	const { schemes, defaultScheme } = pack.classification;
	const scheme = schemes.find((s) => s.code === defaultScheme) ?? schemes[0];
	if (!scheme) throw new Error("a policy pack has at least one classification scheme");
	return scheme;
}

/**
 * Why a classification value was refused, for the error that names row and column: `code` and
 * `params` (the value, the scheme, the levels to choose from) give people catalogue text.
 */
export class ClassificationError extends Error {
	readonly code: "classification_not_in_scheme" | "classification_axes";
	readonly params: Record<string, string | number>;

	constructor(
		message: string,
		code: ClassificationError["code"],
		params: Record<string, string | number>,
	) {
		super(message);
		this.code = code;
		this.params = params;
	}
}

/**
 * Read a classification as people type it: `II`, `C3/I2/A2`, `C3 I2 A2` or `C3,I2,A2`
 * (full-width forms and lower case accepted). Each level must belong to its axis.
 *
 * @example
 * parseClassification(saga, "ii").key === "II";
 * @throws ClassificationError naming the level that is not in the scheme
 */
export function parseClassification(scheme: ClassificationScheme, input: string): Classification {
	const parts = input
		.normalize("NFKC")
		.trim()
		.toUpperCase()
		.split(/[\s/,、・]+/)
		.filter((part) => part !== "");
	return classificationOf(scheme, parts);
}

/** Validate level codes (in axis order) against the scheme and compute key and rank. */
export function classificationOf(
	scheme: ClassificationScheme,
	levels: readonly string[],
): Classification {
	const lists = levelLists(scheme);
	const allowed = lists.map((list) => list.map((level) => level.code).join(", ")).join(" / ");
	if (levels.length !== lists.length) {
		throw new ClassificationError(
			`"${levels.join("/")}" is not a classification of scheme ${scheme.code}: give ${
				lists.length === 1 ? "one level" : "one level for each of C, I and A"
			} (${allowed})`,
			"classification_axes",
			{ value: levels.join("/"), scheme: scheme.code, axes: lists.length, allowed },
		);
	}
	let rank = Number.POSITIVE_INFINITY;
	const canonical = levels.map((code, axis) => {
		const list = lists[axis] ?? [];
		const index = list.findIndex((level) => level.code.toUpperCase() === code.toUpperCase());
		if (index < 0) {
			throw new ClassificationError(
				`"${code}" is not a level of scheme ${scheme.code} (choose from ${allowed})`,
				"classification_not_in_scheme",
				{ value: code, scheme: scheme.code, allowed },
			);
		}
		rank = Math.min(rank, index);
		return list[index]?.code ?? code;
	});
	return { scheme: scheme.code, levels: canonical, key: canonical.join("/"), rank };
}

/** Split a stored key back into levels. */
export function levelsOfKey(key: string): string[] {
	return key.split("/");
}

function strictest<T extends string>(order: readonly T[], values: readonly T[]): T {
	const index = Math.min(...values.map((value) => order.indexOf(value)));
	const found = order[index];
	if (found === undefined) throw new Error("handling rule outside its vocabulary");
	return found;
}

export interface DerivedHandling extends Omit<Handling, "note"> {
	notes: LocalizedText[];
}

/**
 * How an asset must be handled: for a CIA classification, each rule takes the strictest value
 * among the levels of the three axes (the pack lists every vocabulary strictest first).
 *
 * @example
 * deriveHandling(scheme, ["C3", "I2", "A2"]).takeOut; // "approval_required"
 */
export function deriveHandling(
	scheme: ClassificationScheme,
	levels: readonly string[],
): DerivedHandling {
	const lists = levelLists(scheme);
	const chosen = levels.map((code, axis) => {
		const level = lists[axis]?.find((l) => l.code === code);
		if (!level) {
			throw new ClassificationError(
				`"${code}" is not a level of scheme ${scheme.code}`,
				"classification_not_in_scheme",
				{
					value: code,
					scheme: scheme.code,
					allowed: lists[axis]?.map((l) => l.code).join(", ") ?? "",
				},
			);
		}
		return level.handling;
	});
	const any = (pick: (h: Handling) => boolean) => chosen.some(pick);
	return {
		labelRequired: any((h) => h.labelRequired),
		issuedDevicesOnly: any((h) => h.issuedDevicesOnly),
		storage: strictest(
			STORAGE_RULES,
			chosen.map((h) => h.storage),
		),
		copying: strictest(
			COPY_RULES,
			chosen.map((h) => h.copying),
		),
		encryptInTransit: any((h) => h.encryptInTransit),
		trustedLinesOnly: any((h) => h.trustedLinesOnly),
		takeOut: strictest(
			TAKE_OUT_RULES,
			chosen.map((h) => h.takeOut),
		),
		protectWhenCarried: any((h) => h.protectWhenCarried),
		disposal: strictest(
			DISPOSAL_RULES,
			chosen.map((h) => h.disposal),
		),
		outsourcing: strictest(
			OUTSOURCING_RULES,
			chosen.map((h) => h.outsourcing),
		),
		backup: any((h) => h.backup),
		tamperDetection: any((h) => h.tamperDetection),
		notes: chosen.flatMap((h) => (h.note ? [h.note] : [])),
	};
}
