import { z } from "zod";
import {
	ALWAYS,
	codeSchema,
	items,
	levelCodeSchema,
	localizedLabelSchema,
	localizedTextSchema,
	prop,
	reportDuplicates,
	text,
} from "./pack.primitives.ts";

// Every rule vocabulary is listed strictest first: the asset ledger combines the levels of an
// asset (one per axis) by taking, for each rule, the value that comes first.
export const STORAGE_RULES = ["locked", "restricted", "standard"] as const;
export const COPY_RULES = ["prohibited", "need_only", "allowed"] as const;
export const TAKE_OUT_RULES = ["prohibited", "approval_required", "allowed"] as const;
export const DISPOSAL_RULES = ["irrecoverable", "standard"] as const;
export const OUTSOURCING_RULES = ["written_safeguards", "standard"] as const;

/** How assets of one level are handled; the asset ledger derives an asset's handling from this. */
export const handlingSchema = z.strictObject({
	/** Staff mark the asset (or its container) with its class. */
	labelRequired: z.boolean(),
	/** Only on devices the city issued. */
	issuedDevicesOnly: z.boolean(),
	storage: z.enum(STORAGE_RULES),
	copying: z.enum(COPY_RULES),
	encryptInTransit: z.boolean(),
	trustedLinesOnly: z.boolean(),
	takeOut: z.enum(TAKE_OUT_RULES),
	/** Encrypted, and carried media kept in a locked case. */
	protectWhenCarried: z.boolean(),
	disposal: z.enum(DISPOSAL_RULES),
	outsourcing: z.enum(OUTSOURCING_RULES),
	backup: z.boolean(),
	/** Signatures or checksums that reveal tampering. */
	tamperDetection: z.boolean(),
	note: localizedTextSchema.optional(),
});
export type Handling = z.infer<typeof handlingSchema>;

export const levelSchema = z.strictObject({
	code: levelCodeSchema,
	label: localizedLabelSchema,
	description: localizedTextSchema,
	handling: handlingSchema,
});
export type Level = z.infer<typeof levelSchema>;

/** Levels are ordered from the most protected to the least. */
const levelsSchema = z.array(levelSchema).min(2).max(10);

/**
 * A declared correspondence to another scheme of the same pack: each level of this scheme → one
 * level of the target. Between two CIA schemes a level maps to a level on the same axis.
 */
export const schemeMappingSchema = z.strictObject({
	scheme: codeSchema,
	levels: z.record(levelCodeSchema, levelCodeSchema),
	note: localizedTextSchema.optional(),
});

const schemeCommon = {
	code: codeSchema,
	name: localizedLabelSchema,
	description: localizedTextSchema,
	mapsTo: schemeMappingSchema.optional(),
	notes: z.array(localizedTextSchema).max(10).optional(),
};

export const importanceSchemeSchema = z.strictObject({
	kind: z.literal("importance"),
	...schemeCommon,
	levels: levelsSchema,
});

export const AXES = ["confidentiality", "integrity", "availability"] as const;
export type Axis = (typeof AXES)[number];

export const ciaSchemeSchema = z.strictObject({
	kind: z.literal("cia"),
	...schemeCommon,
	/** Level codes are unique across the three axes (`C3`, `I2`, `A2`), so mappings stay flat. */
	axes: z.strictObject({
		confidentiality: levelsSchema,
		integrity: levelsSchema,
		availability: levelsSchema,
	}),
});

export const classificationSchemeSchema = z.discriminatedUnion("kind", [
	importanceSchemeSchema,
	ciaSchemeSchema,
]);
export type ClassificationScheme = z.infer<typeof classificationSchemeSchema>;

/** An asset kind in scope (both seeds: systems and media; information; system documents). */
export const assetKindSchema = z.strictObject({
	code: z.enum(["systems", "information", "documents"]),
	label: localizedLabelSchema,
	description: localizedTextSchema,
});

export const classificationSchema = z
	.strictObject({
		schemes: z.array(classificationSchemeSchema).min(1).max(10),
		defaultScheme: codeSchema,
	})
	.superRefine((value, ctx) => checkClassification(value, ctx), ALWAYS);

interface LevelRef {
	axis: Axis | null;
	path: PropertyKey[];
}

/** Level code → where it is declared, for one (possibly malformed) scheme. */
function levelsOf(scheme: unknown): Map<string, LevelRef> {
	const found = new Map<string, LevelRef>();
	const add = (list: unknown, axis: Axis | null, path: PropertyKey[]) => {
		items(list).forEach((level, index) => {
			const code = text(prop(level, "code"));
			if (code !== undefined && !found.has(code)) found.set(code, { axis, path: [...path, index] });
		});
	};
	if (prop(scheme, "kind") === "cia") {
		for (const axis of AXES) add(prop(prop(scheme, "axes"), axis), axis, ["axes", axis]);
	} else {
		add(prop(scheme, "levels"), null, ["levels"]);
	}
	return found;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function checkClassification(value: unknown, ctx: Ctx): void {
	const schemes = items(prop(value, "schemes"));
	reportDuplicates(schemes, ["code"], ctx, ["schemes"]);
	const byCode = new Map<string, unknown>();
	for (const scheme of schemes) {
		const code = text(prop(scheme, "code"));
		if (code !== undefined && !byCode.has(code)) byCode.set(code, scheme);
	}

	const defaultScheme = text(prop(value, "defaultScheme"));
	if (defaultScheme !== undefined && !byCode.has(defaultScheme)) {
		ctx.addIssue({
			code: "custom",
			message: `no scheme with code "${defaultScheme}"`,
			path: ["defaultScheme"],
		});
	}

	schemes.forEach((scheme, index) => {
		const base: PropertyKey[] = ["schemes", index];
		if (prop(scheme, "kind") === "cia") {
			const axes = prop(scheme, "axes");
			// Codes must be unique across axes; report repeats in later axes against earlier ones.
			const seen = new Set<string>();
			for (const axis of AXES) {
				items(prop(axes, axis)).forEach((level, position) => {
					const code = text(prop(level, "code"));
					if (code === undefined) return;
					if (seen.has(code)) {
						ctx.addIssue({
							code: "custom",
							message: `duplicate level code "${code}" in this scheme`,
							path: [...base, "axes", axis, position, "code"],
						});
					}
					seen.add(code);
				});
			}
		} else {
			reportDuplicates(prop(scheme, "levels"), ["code"], ctx, [...base, "levels"]);
		}
		checkMapping(scheme, byCode, [...base, "mapsTo"], ctx);
	});
}

function checkMapping(
	scheme: unknown,
	byCode: Map<string, unknown>,
	path: PropertyKey[],
	ctx: Ctx,
): void {
	const mapping = prop(scheme, "mapsTo");
	if (mapping === undefined) return;
	const targetCode = text(prop(mapping, "scheme"));
	if (targetCode === undefined) return;
	const target = byCode.get(targetCode);
	if (target === undefined || targetCode === text(prop(scheme, "code"))) {
		ctx.addIssue({
			code: "custom",
			message:
				target === undefined
					? `no scheme with code "${targetCode}"`
					: "a scheme cannot map to itself",
			path: [...path, "scheme"],
		});
		return;
	}
	const sourceLevels = levelsOf(scheme);
	const targetLevels = levelsOf(target);
	const bothCia = prop(scheme, "kind") === "cia" && prop(target, "kind") === "cia";
	const levels = prop(mapping, "levels");
	if (typeof levels !== "object" || levels === null) return;

	for (const [from, to] of Object.entries(levels)) {
		const source = sourceLevels.get(from);
		if (source === undefined) {
			ctx.addIssue({
				code: "custom",
				message: `"${from}" is not a level of this scheme`,
				path: [...path, "levels", from],
			});
			continue;
		}
		if (typeof to !== "string") continue;
		const destination = targetLevels.get(to);
		if (destination === undefined) {
			ctx.addIssue({
				code: "custom",
				message: `"${to}" is not a level of scheme "${targetCode}"`,
				path: [...path, "levels", from],
			});
		} else if (bothCia && destination.axis !== source.axis) {
			ctx.addIssue({
				code: "custom",
				message: `"${from}" (${source.axis}) maps to "${to}" on another axis (${destination.axis})`,
				path: [...path, "levels", from],
			});
		}
	}
	for (const code of sourceLevels.keys()) {
		if (!Object.hasOwn(levels, code)) {
			ctx.addIssue({
				code: "custom",
				message: `level "${code}" has no mapping; every level must map`,
				path: [...path, "levels", code],
			});
		}
	}
}
