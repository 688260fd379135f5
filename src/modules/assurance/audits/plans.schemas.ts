import { z } from "@hono/zod-openapi";

/** Length limits shared by the forms and the API. */
export const PLAN_LIMITS = {
	title: 200,
	aims: 8000,
	/** The longest multi-year span, in fiscal years. */
	span: 10,
	units: 500,
} as const;

const idSchema = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const versionSchema = z.number().int().min(1);
export const fiscalYearSchema = z.number().int().min(2000).max(2100);

export const multiYearPlanInputSchema = z
	.strictObject({
		title: text(PLAN_LIMITS.title),
		firstYear: fiscalYearSchema,
		lastYear: fiscalYearSchema,
		aims: text(PLAN_LIMITS.aims),
	})
	.openapi("AuditPlanInput");
export type MultiYearPlanInput = z.infer<typeof multiYearPlanInputSchema>;

export const multiYearPlanPatchSchema = multiYearPlanInputSchema
	.partial()
	.extend({ version: versionSchema })
	.openapi("AuditPlanPatch");
export type MultiYearPlanPatch = z.infer<typeof multiYearPlanPatchSchema>;

/**
 * When in the fiscal year a unit is audited: a quarter (1 = April–June … 4 = January–March), a
 * month (1–12) which implies its quarter, or neither (not fixed yet).
 */
export const plannedUnitInputSchema = z
	.strictObject({
		unitId: idSchema,
		quarter: z.number().int().min(1).max(4).nullable().default(null),
		month: z.number().int().min(1).max(12).nullable().default(null),
	})
	.openapi("YearlyAuditPlanUnitInput");
export type PlannedUnitInput = z.infer<typeof plannedUnitInputSchema>;

export const yearlyPlanInputSchema = z
	.strictObject({
		fiscalYear: fiscalYearSchema,
		planId: idSchema.nullable().default(null),
		aims: text(PLAN_LIMITS.aims),
		units: z.array(plannedUnitInputSchema).max(PLAN_LIMITS.units).default([]),
	})
	.openapi("YearlyAuditPlanInput");
export type YearlyPlanInput = z.infer<typeof yearlyPlanInputSchema>;

/** The fiscal year of a yearly plan stays; its audits belong to it. */
export const yearlyPlanPatchSchema = z
	.strictObject({
		version: versionSchema,
		planId: idSchema.nullable().optional(),
		aims: text(PLAN_LIMITS.aims).optional(),
		units: z.array(plannedUnitInputSchema).max(PLAN_LIMITS.units).optional(),
	})
	.openapi("YearlyAuditPlanPatch");
export type YearlyPlanPatch = z.infer<typeof yearlyPlanPatchSchema>;

export const multiYearPlanSchema = z
	.object({
		id: z.string(),
		title: z.string(),
		firstYear: z.number().int(),
		lastYear: z.number().int(),
		aims: z.string(),
		version: z.number().int(),
		createdAt: z.string(),
		updatedAt: z.string(),
	})
	.openapi("AuditPlan");
export type MultiYearPlanView = z.infer<typeof multiYearPlanSchema>;

export const yearlyPlanSchema = z
	.object({
		id: z.string(),
		fiscalYear: z.number().int(),
		planId: z.string().nullable(),
		aims: z.string(),
		units: z.array(
			z.object({
				unitId: z.string(),
				name: z.string(),
				quarter: z.number().int().nullable(),
				month: z.number().int().nullable(),
			}),
		),
		/** The audits made from the plan so far. */
		auditCount: z.number().int(),
		version: z.number().int(),
		createdAt: z.string(),
		updatedAt: z.string(),
	})
	.openapi("YearlyAuditPlan");
export type YearlyPlanView = z.infer<typeof yearlyPlanSchema>;

export const auditPlansSchema = z
	.object({
		/** Latest span first. */
		multiYear: z.array(multiYearPlanSchema),
		/** Latest fiscal year first. */
		yearly: z.array(yearlyPlanSchema),
		/** The units a yearly plan chooses from. */
		units: z.array(z.object({ id: z.string(), name: z.string() })),
		/** The fiscal year today (年度): where a new plan starts. */
		currentFiscalYear: z.number().int(),
		allowedActions: z.array(z.string()),
	})
	.openapi("AuditPlans");
