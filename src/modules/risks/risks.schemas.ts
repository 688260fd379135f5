import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../shared/paging.schema.ts";
import { LEVEL_BANDS } from "./matrix.ts";

export const TREATMENTS = ["reduce", "accept", "transfer", "avoid"] as const;
export const RISK_STATUSES = ["open", "treating", "closed"] as const;
export type Treatment = (typeof TREATMENTS)[number];
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Length limits shared by the form and the API. */
export const RISK_LIMITS = {
	title: 200,
	description: 4000,
	systemName: 200,
	controls: 4000,
	plan: 4000,
	reason: 1000,
	assets: 100,
} as const;

const idSchema = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullable();
/** A Japan calendar date. */
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** Steps on the pack's matrix; the exact bound (its size) is checked against the tenant's pack. */
export const ratingInputSchema = z.strictObject({
	likelihood: z.number().int().min(1).max(10),
	impact: z.number().int().min(1).max(10),
});

const riskFields = {
	title: z.string().trim().min(1).max(RISK_LIMITS.title),
	description: z.string().trim().max(RISK_LIMITS.description),
	systemName: optionalText(RISK_LIMITS.systemName),
	assetIds: z.array(idSchema).max(RISK_LIMITS.assets),
	threatCode: z.string().trim().min(1).max(60),
	ownerUnitId: idSchema,
	inherent: ratingInputSchema,
	residual: ratingInputSchema,
	existingControls: optionalText(RISK_LIMITS.controls),
	treatment: z.enum(TREATMENTS).nullable(),
	treatmentPlan: optionalText(RISK_LIMITS.plan),
	treatmentOwnerId: idSchema.nullable(),
	treatmentDue: daySchema.nullable(),
	status: z.enum(RISK_STATUSES),
};

export const createRiskSchema = z
	.strictObject({
		...riskFields,
		description: riskFields.description.default(""),
		systemName: riskFields.systemName.default(null),
		assetIds: riskFields.assetIds.default([]),
		existingControls: riskFields.existingControls.default(null),
		treatment: riskFields.treatment.default(null),
		treatmentPlan: riskFields.treatmentPlan.default(null),
		treatmentOwnerId: riskFields.treatmentOwnerId.default(null),
		treatmentDue: riskFields.treatmentDue.default(null),
		status: riskFields.status.default("open"),
	})
	.openapi("CreateRisk");
export type NewRisk = z.infer<typeof createRiskSchema>;

export const updateRiskSchema = z
	.strictObject(riskFields)
	.partial()
	.extend({ version: z.number().int().min(1) })
	.openapi("UpdateRisk");
export type RiskChange = z.infer<typeof updateRiskSchema>;

export const acceptRiskSchema = z
	.strictObject({
		reason: z.string().trim().min(1).max(RISK_LIMITS.reason),
		version: z.number().int().min(1),
	})
	.openapi("AcceptRisk");

const localized = z.object({ ja: z.string(), en: z.string() });

const ratingSchema = z.object({
	likelihood: z.number().int(),
	impact: z.number().int(),
	score: z.number().int(),
	band: z.enum(LEVEL_BANDS),
});

export const riskSchema = z
	.object({
		id: z.string(),
		title: z.string(),
		description: z.string(),
		systemName: z.string().nullable(),
		assets: z.array(
			z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
		),
		threat: z.object({ code: z.string(), label: localized.nullable() }),
		ownerUnit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
		inherent: ratingSchema,
		residual: ratingSchema,
		existingControls: z.string().nullable(),
		treatment: z.enum(TREATMENTS).nullable(),
		treatmentPlan: z.string().nullable(),
		treatmentOwner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
		treatmentDue: z.string().nullable(),
		/** The treatment's due date has passed and the risk is not closed. */
		overdue: z.boolean(),
		status: z.enum(RISK_STATUSES),
		acceptance: z
			.object({ by: z.string(), byLabel: z.string(), at: z.string(), reason: z.string() })
			.nullable(),
		closedAt: z.string().nullable(),
		version: z.number().int(),
		createdAt: z.string(),
		updatedAt: z.string(),
		allowedActions: z.array(z.string()),
	})
	.openapi("Risk");
export type RiskView = z.infer<typeof riskSchema>;

export const RISK_SORTS = [
	"title",
	"residual_score",
	"inherent_score",
	"treatment_due",
	"status",
	"threat_code",
	"updated_at",
] as const;

/** `active` is open or treating: everything not closed. */
export const STATUS_FILTERS = [...RISK_STATUSES, "active"] as const;

/** The register's filters, shared by the list, the heat map and the export. */
export const riskFilterSchema = z.object({
	q: z.string().trim().max(100).optional(),
	status: z.enum(STATUS_FILTERS).optional(),
	/** `none`: no treatment decided yet. */
	treatment: z.enum([...TREATMENTS, "none"]).optional(),
	threat: z.string().max(60).optional(),
	unitId: z.string().max(64).optional(),
	assetId: z.string().max(64).optional(),
	overdue: z.enum(["true", "false"]).optional(),
	/** Which rating the band, likelihood and impact filters read. */
	basis: z.enum(["inherent", "residual"]).default("residual"),
	band: z.enum(LEVEL_BANDS).optional(),
	likelihood: z.coerce.number().int().min(1).max(10).optional(),
	impact: z.coerce.number().int().min(1).max(10).optional(),
});
export type RiskFilter = z.infer<typeof riskFilterSchema>;

export const riskQuerySchema = riskFilterSchema.extend({
	sort: z.enum(RISK_SORTS).default("residual_score"),
	order: z.enum(["asc", "desc"]).default("desc"),
	offset: offsetParam,
	limit: limitParam(50),
});
export type RiskQuery = z.infer<typeof riskQuerySchema>;

export const riskExportQuerySchema = riskFilterSchema.extend({
	format: z.enum(["csv", "xlsx"]).default("xlsx"),
	sort: z.enum(RISK_SORTS).default("residual_score"),
	order: z.enum(["asc", "desc"]).default("desc"),
});

export const riskListSchema = pagedListSchema(riskSchema).openapi("RiskList");

export const heatMapSchema = z
	.object({
		basis: z.enum(["inherent", "residual"]),
		size: z.number().int(),
		/** One cell per likelihood × impact step, likelihood-major, lowest first. */
		cells: z.array(
			z.object({
				likelihood: z.number().int(),
				impact: z.number().int(),
				score: z.number().int(),
				band: z.enum(LEVEL_BANDS),
				count: z.number().int(),
			}),
		),
		total: z.number().int(),
		/** Risks rated outside the current matrix (the pack's matrix was made smaller). */
		outside: z.number().int(),
	})
	.openapi("RiskHeatMap");

export const riskOptionsSchema = z
	.object({
		threats: z.array(z.object({ code: z.string(), label: localized, description: localized })),
		matrix: z.object({
			size: z.number().int(),
			likelihood: z.array(localized),
			impact: z.array(localized),
			bands: z.object({ medium: z.number().int(), high: z.number().int() }),
		}),
		/** The units the caller may enter and change risks in. */
		units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
		/** The units the caller may raise a risk in that a finding brought to light (`risk.raise`). */
		raiseUnits: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
		accounts: z.array(z.object({ id: z.string(), displayName: z.string() })),
		/** Roles that may accept risks under this tenant's pack. */
		acceptanceRoles: z.array(z.string()),
		allowedActions: z.array(z.string()),
	})
	.openapi("RiskOptions");
