import { z } from "@hono/zod-openapi";
import { mappingChoiceFields } from "../../platform/imports/mapping-choice.schema.ts";
import { skippedRowsFields } from "../../platform/imports/skipped-rows.schema.ts";
import { VOCABULARY } from "../../shared/vocabulary.ts";

export const AREA_LIMITS = { code: 40, name: 200, location: 500, visitor: 200 } as const;

export const SECURE_AREA_LEVELS = Object.keys(VOCABULARY.secureAreaLevel) as [
	keyof typeof VOCABULARY.secureAreaLevel,
	...(keyof typeof VOCABULARY.secureAreaLevel)[],
];
export type SecureAreaLevel = (typeof SECURE_AREA_LEVELS)[number];
export const ENTRY_REFUSALS = ["not_permitted", "permit_expired", "escort_not_permitted"] as const;
export type EntryRefusal = (typeof ENTRY_REFUSALS)[number];
export const ENTRY_FLAGS = [...ENTRY_REFUSALS, "no_exit"] as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const monthSchema = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM")
	.openapi({ example: "2026-04" });
const instantSchema = z.iso.datetime({ offset: true });
const codeSchema = z
	.string()
	.trim()
	.min(1)
	.max(AREA_LIMITS.code)
	.regex(/^[^\s/\\,]+$/u, "no spaces, commas, / or \\");

export const areaInputSchema = z
	.strictObject({
		code: codeSchema,
		name: z.string().trim().min(1).max(AREA_LIMITS.name),
		level: z.enum(SECURE_AREA_LEVELS),
		location: z.string().trim().max(AREA_LIMITS.location).default(""),
		managerStaffId: idSchema,
	})
	.openapi("SecureAreaInput");
export type AreaInput = z.infer<typeof areaInputSchema>;

export const areaUpdateSchema = areaInputSchema
	.extend({ version: z.number().int().min(1) })
	.openapi("SecureAreaUpdate");
export type AreaUpdate = z.infer<typeof areaUpdateSchema>;

const personSchema = z.object({
	staffId: z.string(),
	staffNumber: z.string(),
	name: z.string(),
});

export const permitSchema = z
	.object({
		id: z.string(),
		staff: personSchema,
		untilOn: z.string(),
		/** Past its until date (Japan date): entries now are flagged. */
		expired: z.boolean(),
	})
	.openapi("SecureAreaPermit");

export const areaSummarySchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		level: z.enum(SECURE_AREA_LEVELS),
		location: z.string(),
		manager: personSchema.nullable(),
		permitCount: z.number().int(),
		assetCount: z.number().int(),
		version: z.number().int(),
		/** What the caller may do with this area: `keep` (permits, log, assets), `manage`. */
		actions: z.array(z.enum(["keep", "manage"])),
	})
	.openapi("SecureAreaSummary");

export const areaSchema = areaSummarySchema
	.extend({
		permits: z.array(permitSchema),
		assets: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
	})
	.openapi("SecureArea");

export const areaListSchema = z
	.object({ items: z.array(areaSummarySchema) })
	.openapi("SecureAreaList");

export const areaOptionsSchema = z
	.object({
		staff: z.array(personSchema),
		levels: z.array(z.enum(SECURE_AREA_LEVELS)),
	})
	.openapi("SecureAreaOptions");

export const permitInputSchema = z
	.strictObject({ staffId: idSchema, untilOn: daySchema })
	.openapi("SecureAreaPermitInput");

export const entryInputSchema = z
	.strictObject({
		/** A member of staff on their own; or leave null and name a visitor with an escort. */
		staffId: idSchema.nullable().default(null),
		visitorName: z.string().trim().max(AREA_LIMITS.visitor).nullable().default(null),
		visitorOrganisation: z.string().trim().max(AREA_LIMITS.visitor).nullable().default(null),
		escortStaffId: idSchema.nullable().default(null),
		enteredAt: instantSchema,
		exitedAt: instantSchema.nullable().default(null),
	})
	.openapi("SecureAreaEntryInput");
export type EntryInput = z.infer<typeof entryInputSchema>;

export const exitInputSchema = z
	.strictObject({ exitedAt: instantSchema })
	.openapi("SecureAreaExitInput");

export const entrySchema = z
	.object({
		id: z.string(),
		areaId: z.string(),
		staff: personSchema.nullable(),
		visitorName: z.string().nullable(),
		visitorOrganisation: z.string().nullable(),
		escort: personSchema.nullable(),
		enteredAt: z.string(),
		exitedAt: z.string().nullable(),
		entryDay: z.string(),
		source: z.enum(["app", "card_reader"]),
		/** Why the entry needs a look; empty when it does not. */
		flags: z.array(z.enum(ENTRY_FLAGS)),
	})
	.openapi("SecureAreaEntry");

export const dayQuerySchema = z.object({ day: daySchema });
export const entryDaySchema = z
	.object({ areaId: z.string(), day: z.string(), items: z.array(entrySchema) })
	.openapi("SecureAreaEntryDay");

export const entryExportQuerySchema = z.object({ from: daySchema, to: daySchema });

export const flagQuerySchema = z.object({ month: monthSchema });
export const flagListSchema = z
	.object({
		month: z.string(),
		items: z.array(entrySchema.extend({ areaCode: z.string(), areaName: z.string() })),
	})
	.openapi("SecureAreaFlags");

export const locateAssetSchema = z
	.strictObject({ assetCode: z.string().trim().min(1).max(100) })
	.openapi("SecureAreaLocateAsset");

/** The area an asset sits in, as the asset page shows it. */
export const assetAreaSchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		level: z.enum(SECURE_AREA_LEVELS),
	})
	.openapi("AssetSecureArea");
export type AssetArea = z.infer<typeof assetAreaSchema>;

export const entryImportSchema = z
	.strictObject({
		filename: z.string().trim().min(1).max(200),
		/** The file's bytes, base64-encoded: CSV in UTF-8 (with or without BOM) or Shift_JIS, or XLSX. */
		contentBase64: z.string().min(1),
		mode: z.enum(["dry_run", "apply"]),
		...mappingChoiceFields,
	})
	.openapi("SecureAreaEntryImport");

export const entryImportReportSchema = z
	.object({
		format: z.enum(["xlsx", "csv"]).nullable(),
		/** At most 1,000 errors, in file order, each with its row and column header. */
		errors: z.array(
			z.object({
				row: z.number().int().nullable(),
				column: z.string().nullable(),
				message: z.string(),
				code: z.string().optional(),
				params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
			}),
		),
		errorCount: z.number().int(),
		...skippedRowsFields,
		rows: z.number().int(),
		created: z.number().int(),
		/** Always 0: an import never changes a stay already in the log. */
		updated: z.number().int(),
		/** Stays already in the log (the same area, person and entry time): left alone. */
		unchanged: z.number().int(),
		/** New stays flagged: not allowed, permit expired, or an escort not allowed. */
		flagged: z.number().int(),
		applied: z.boolean(),
	})
	.openapi("SecureAreaEntryImportReport");
export type EntryImportReport = z.infer<typeof entryImportReportSchema>;
