import { z } from "@hono/zod-openapi";
import { mappingChoiceFields } from "../../platform/imports/mapping-choice.schema.ts";
import { skippedRowsFields } from "../../platform/imports/skipped-rows.schema.ts";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";

/** Length limits shared by the forms, the imports and the API. */
export const CONTRACT_LIMITS = {
	code: 40,
	name: 200,
	address: 400,
	contact: 400,
	notes: 2000,
	title: 200,
	purpose: 2000,
	assets: 200,
	clauses: 30,
	work: 2000,
	reason: 2000,
	checkItems: 30,
	/** Evidence and certificates: 10 MB each. */
	fileBytes: 10 * 1024 * 1024,
	fileName: 200,
} as const;

export const CONTRACT_STATES = ["active", "ended"] as const;
export const END_KINDS = ["returned", "erased"] as const;
export const SUBCONTRACT_STATES = ["requested", "approved", "refused"] as const;

const idSchema = z.string().min(1).max(64);
/** A Japan calendar date, YYYY-MM-DD. */
export const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const versionSchema = z.number().int().min(1);
/** A code as people type it: no spaces, no slashes. */
const codeSchema = z
	.string()
	.trim()
	.min(1)
	.max(CONTRACT_LIMITS.code)
	.regex(/^[^\s/\\]+$/u, "no spaces, / or \\");

export const contractorInputSchema = z
	.strictObject({
		code: codeSchema,
		name: text(CONTRACT_LIMITS.name),
		address: optionalText(CONTRACT_LIMITS.address),
		contact: optionalText(CONTRACT_LIMITS.contact),
		notes: optionalText(CONTRACT_LIMITS.notes),
	})
	.openapi("ContractorInput");
export type ContractorInput = z.infer<typeof contractorInputSchema>;

export const contractorUpdateSchema = contractorInputSchema
	.extend({ version: versionSchema })
	.openapi("ContractorUpdate");

export const contractorSchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		address: z.string().nullable(),
		contact: z.string().nullable(),
		notes: z.string().nullable(),
		contracts: z.number().int(),
		version: z.number().int(),
	})
	.openapi("Contractor");
export const contractorListSchema = pagedListSchema(contractorSchema).openapi("ContractorList");
export const contractorQuerySchema = z.object({
	q: z.string().trim().max(100).optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type ContractorQuery = z.infer<typeof contractorQuerySchema>;

const contractFields = {
	code: codeSchema,
	title: text(CONTRACT_LIMITS.title),
	purpose: text(CONTRACT_LIMITS.purpose),
	contractorId: idSchema,
	orgUnitId: idSchema,
	startsOn: daySchema,
	endsOn: daySchema.nullable().default(null),
	/** Ledger assets the contractor handles (systems, information). */
	assetIds: z.array(idSchema).max(CONTRACT_LIMITS.assets).default([]),
	/** Codes of the pack's clause checklist the contract contains. */
	clauses: z.array(z.string().min(1).max(60)).max(CONTRACT_LIMITS.clauses).default([]),
};

export const contractInputSchema = z
	.strictObject(contractFields)
	.refine((value) => value.endsOn === null || value.startsOn <= value.endsOn, {
		message: "the end is before the start",
		path: ["endsOn"],
	})
	.openapi("ContractInput");
export type ContractInput = z.infer<typeof contractInputSchema>;

export const contractUpdateSchema = z
	.strictObject({ ...contractFields, version: versionSchema })
	.refine((value) => value.endsOn === null || value.startsOn <= value.endsOn, {
		message: "the end is before the start",
		path: ["endsOn"],
	})
	.openapi("ContractUpdate");
export type ContractUpdate = z.infer<typeof contractUpdateSchema>;

const booleanParam = z
	.enum(["true", "false"])
	.transform((value) => value === "true")
	.optional();

export const contractQuerySchema = z.object({
	state: z.enum(CONTRACT_STATES).optional(),
	contractorId: idSchema.optional(),
	orgUnitId: idSchema.optional(),
	/** Only contracts missing a required clause. */
	gaps: booleanParam,
	q: z.string().trim().max(100).optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type ContractQuery = z.infer<typeof contractQuerySchema>;

export const exportQuerySchema = z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

const named = z.object({ id: z.string(), name: z.string() });

export const contractSummarySchema = z
	.object({
		id: z.string(),
		code: z.string(),
		title: z.string(),
		contractor: named,
		unit: named,
		startsOn: z.string(),
		endsOn: z.string().nullable(),
		state: z.enum(CONTRACT_STATES),
		/** The strictest confidentiality level among the assets handled. */
		topLevel: z.string().nullable(),
		/** Required clauses the contract lacks. */
		gaps: z.array(z.string()),
	})
	.openapi("ContractSummary");

export const subcontractSchema = z
	.object({
		id: z.string(),
		subcontractor: z.string(),
		work: z.string(),
		safeguards: z.string(),
		state: z.enum(SUBCONTRACT_STATES),
		requestedBy: z.string(),
		createdAt: z.string(),
		decision: z
			.object({ by: z.string(), as: z.string(), at: z.string(), reason: z.string().nullable() })
			.nullable(),
		version: z.number().int(),
	})
	.openapi("Subcontract");

const fileSchema = z.object({
	fileName: z.string(),
	mediaType: z.string(),
	size: z.number().int(),
	sha256: z.string(),
});

export const contractCheckSchema = z
	.object({
		id: z.string(),
		checkedOn: z.string(),
		items: z.array(z.object({ code: z.string(), ok: z.boolean(), note: z.string() })),
		result: z.enum(["passed", "failed"]),
		note: z.string(),
		evidence: fileSchema.nullable(),
		findingId: z.string().nullable(),
		recordedBy: z.string(),
	})
	.openapi("ContractCheck");

export const contractSchema = contractSummarySchema
	.extend({
		purpose: z.string(),
		assets: z.array(
			z.object({ id: z.string(), code: z.string(), name: z.string(), classKey: z.string() }),
		),
		clauses: z.array(z.string()),
		/** The clauses required by the classification involved. */
		required: z.array(z.string()),
		subcontracts: z.array(subcontractSchema),
		checks: z.array(contractCheckSchema),
		end: z
			.object({
				kind: z.enum(END_KINDS),
				endedOn: z.string(),
				note: z.string().nullable(),
				certificate: fileSchema.nullable(),
				by: z.string(),
			})
			.nullable(),
		version: z.number().int(),
		allowedActions: z.array(z.string()),
	})
	.openapi("Contract");
export type ContractView = z.infer<typeof contractSchema>;

export const contractListSchema = pagedListSchema(contractSummarySchema).openapi("ContractList");

export const contractOptionsSchema = z
	.object({
		clauses: z.array(
			z.object({
				code: z.string(),
				label: z.object({ ja: z.string(), en: z.string() }),
				requiredFrom: z.string().nullable(),
			}),
		),
		units: z.array(named),
		levels: z.array(z.string()),
		deciders: z.array(z.string()),
		today: z.string(),
	})
	.openapi("ContractOptions");

export const subcontractInputSchema = z
	.strictObject({
		subcontractor: text(CONTRACT_LIMITS.name),
		work: text(CONTRACT_LIMITS.work),
		safeguards: text(CONTRACT_LIMITS.work),
	})
	.openapi("SubcontractRequest");
export type SubcontractInput = z.infer<typeof subcontractInputSchema>;

export const subcontractDecisionSchema = z
	.strictObject({
		decision: z.enum(["approve", "refuse"]),
		reason: z.string().trim().max(CONTRACT_LIMITS.reason).default(""),
		version: versionSchema,
	})
	.openapi("SubcontractDecision");
export type SubcontractDecision = z.infer<typeof subcontractDecisionSchema>;

const uploadSchema = z.strictObject({
	fileName: text(CONTRACT_LIMITS.fileName),
	contentBase64: z
		.string()
		.min(1)
		.max(Math.ceil((CONTRACT_LIMITS.fileBytes * 4) / 3) + 8),
});

export const contractCheckInputSchema = z
	.strictObject({
		checkedOn: daySchema,
		items: z
			.array(
				z.strictObject({
					code: text(60),
					ok: z.boolean(),
					note: z.string().trim().max(CONTRACT_LIMITS.reason).default(""),
				}),
			)
			.min(1)
			.max(CONTRACT_LIMITS.checkItems),
		note: z.string().trim().max(CONTRACT_LIMITS.reason).default(""),
		evidence: uploadSchema.nullable().default(null),
	})
	.openapi("ContractCheckInput");
export type ContractCheckInput = z.infer<typeof contractCheckInputSchema>;

export const contractEndSchema = z
	.strictObject({
		kind: z.enum(END_KINDS),
		endedOn: daySchema,
		note: z.string().trim().max(CONTRACT_LIMITS.reason).nullable().default(null),
		certificate: uploadSchema,
		version: versionSchema,
	})
	.openapi("ContractEnd");
export type ContractEndInput = z.infer<typeof contractEndSchema>;

export const clauseCheckResultSchema = z
	.object({ contracts: z.number().int(), withGaps: z.number().int(), changed: z.number().int() })
	.openapi("ContractClauseCheck");

export const contractImportSchema = z
	.strictObject({
		filename: z.string().trim().min(1).max(200),
		/** The file's bytes, base64-encoded: XLSX, or CSV in UTF-8 (with or without BOM) or Shift_JIS. */
		contentBase64: z.string().min(1),
		mode: z.enum(["dry_run", "apply"]),
		...mappingChoiceFields,
	})
	.openapi("ContractImport");

export const contractImportReportSchema = z
	.object({
		format: z.enum(["xlsx", "csv"]).nullable(),
		encoding: z.enum(["utf-8", "shift_jis"]).nullable(),
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
		updated: z.number().int(),
		unchanged: z.number().int(),
		applied: z.boolean(),
	})
	.openapi("ContractImportReport");
