import { z } from "@hono/zod-openapi";

const localized = z.object({ ja: z.string(), en: z.string() });

export const GAP_STATUSES = ["present", "different", "missing"] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/** Parts of the baseline a provision belongs to, in the order of a 基本方針. */
export const GAP_GROUPS = [
	"structure",
	"measures",
	"incident",
	"external",
	"evaluation",
	"documents",
	"rules",
] as const;
export type GapGroup = (typeof GAP_GROUPS)[number];

export const gapClauseSchema = z
	.object({
		/** `section`: the body of the policy; `revision`: a row of its revision history. */
		source: z.enum(["section", "revision"]),
		/** Label path with half-width digits: `6(7)`, `4(2)②`; `No.4` for a revision row. */
		path: z.string(),
		/** The nearest heading title (or the revision date as written). */
		title: z.string(),
		/** 1-based line of that heading in the analysed text. */
		line: z.number().int().positive(),
	})
	.openapi("PolicyGapClause");
export type GapClause = z.infer<typeof gapClauseSchema>;

export const gapItemSchema = z
	.object({
		code: z.string(),
		group: z.enum(GAP_GROUPS),
		label: localized,
		/** Where the baseline structure places the provision. */
		baselineClause: z.string(),
		status: z.enum(GAP_STATUSES),
		/** Where the analysed text states it (or the nearest wording, when `different`). */
		clause: gapClauseSchema.nullable(),
		note: localized,
		/** What the tenant's pack records for this provision; null when the pack has no such field. */
		tenantPackInForce: z.boolean().nullable(),
	})
	.openapi("PolicyGapItem");
export type GapItem = z.infer<typeof gapItemSchema>;

export const gapAnalysisSchema = z
	.object({
		baseline: z.object({ id: z.string(), name: localized }),
		tenantPack: z.object({ id: z.string(), name: localized }).nullable(),
		document: z.object({
			title: z.string().nullable(),
			sections: z.number().int().nonnegative(),
			revisions: z.number().int().nonnegative(),
		}),
		summary: z.object({
			present: z.number().int().nonnegative(),
			different: z.number().int().nonnegative(),
			missing: z.number().int().nonnegative(),
		}),
		items: z.array(gapItemSchema),
	})
	.openapi("PolicyGapAnalysis");
export type GapAnalysis = z.infer<typeof gapAnalysisSchema>;

/** The policy text to analyse: pasted text, or an uploaded file's bytes (any supported encoding). */
export const gapSourceSchema = z
	.object({
		text: z.string().min(1).max(5_000_000).optional(),
		fileBase64: z.string().min(1).max(7_000_000).optional(),
		fileName: z.string().max(200).optional(),
		/** Analyse the tenant's own published 基本方針 instead of a sent text. */
		document: z.literal("basic_policy").optional(),
	})
	.strict()
	.refine(
		(body) =>
			[body.text, body.fileBase64, body.document].filter((v) => v !== undefined).length === 1,
		{ message: "send exactly one of text, fileBase64 or document" },
	)
	.openapi("PolicyGapSource");
export type GapSource = z.infer<typeof gapSourceSchema>;

export const gapExportRequestSchema = z
	.object({
		source: gapSourceSchema,
		format: z.enum(["xlsx", "pdf"]),
		lang: z.enum(["ja", "en"]).default("ja"),
	})
	.strict()
	.openapi("PolicyGapExportRequest");
