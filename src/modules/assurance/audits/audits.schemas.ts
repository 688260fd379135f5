import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam, pagedListSchema } from "../../../shared/paging.schema.ts";

export const AUDIT_KINDS = ["planned", "ad_hoc"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_STATES = ["planned", "fieldwork", "reporting", "closed"] as const;
export type AuditState = (typeof AUDIT_STATES)[number];
export const AUDIT_STEPS = ["start_fieldwork", "start_reporting", "close"] as const;
export type AuditStep = (typeof AUDIT_STEPS)[number];

/** Length limits shared by the forms and the API. */
export const AUDIT_LIMITS = {
	title: 200,
	scope: 4000,
	criteria: 4000,
	reason: 2000,
	auditors: 20,
	units: 100,
} as const;

const idSchema = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
/** A Japan calendar date, YYYY-MM-DD. */
const daySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a calendar date");

/** What an audit's implementation plan (個別監査実施計画), team and units are made of. */
const auditFields = {
	title: text(AUDIT_LIMITS.title),
	/** 監査の範囲: what is audited (systems, rules, records). */
	scope: text(AUDIT_LIMITS.scope),
	/** 監査の基準: the policy, standards and checklist it is measured against. */
	criteria: text(AUDIT_LIMITS.criteria),
	periodStart: daySchema,
	periodEnd: daySchema,
	/** The audit checklist version to answer in fieldwork (the checklists module's id). */
	checklistVersionId: idSchema.nullable(),
	/** 監査責任者: an account of the tenant. */
	leadAuditorId: idSchema,
	/** 監査人 besides the lead. */
	auditorIds: z.array(idSchema).max(AUDIT_LIMITS.auditors),
	unitIds: z.array(idSchema).min(1).max(AUDIT_LIMITS.units),
};

export const createAuditSchema = z
	.strictObject({
		kind: z.enum(AUDIT_KINDS),
		/** The yearly plan a planned audit carries out. */
		yearlyPlanId: idSchema.nullable().default(null),
		/** Why the CISO orders an ad-hoc audit. */
		reason: z.string().trim().max(AUDIT_LIMITS.reason).nullable().default(null),
		...auditFields,
		checklistVersionId: auditFields.checklistVersionId.default(null),
		auditorIds: auditFields.auditorIds.default([]),
	})
	.openapi("AuditCreate");
export type CreateAuditInput = z.infer<typeof createAuditSchema>;

export const updateAuditSchema = z
	.strictObject({
		version: z.number().int().min(1),
		title: auditFields.title.optional(),
		scope: auditFields.scope.optional(),
		criteria: auditFields.criteria.optional(),
		periodStart: auditFields.periodStart.optional(),
		periodEnd: auditFields.periodEnd.optional(),
		checklistVersionId: auditFields.checklistVersionId.optional(),
		leadAuditorId: auditFields.leadAuditorId.optional(),
		auditorIds: auditFields.auditorIds.optional(),
		unitIds: auditFields.unitIds.optional(),
		/** An ad-hoc audit's reason. */
		reason: text(AUDIT_LIMITS.reason).optional(),
	})
	.openapi("AuditUpdate");
export type UpdateAuditInput = z.infer<typeof updateAuditSchema>;

export const advanceAuditSchema = z
	.strictObject({ version: z.number().int().min(1), step: z.enum(AUDIT_STEPS) })
	.openapi("AuditAdvance");
export type AdvanceAuditInput = z.infer<typeof advanceAuditSchema>;

export const auditQuerySchema = z.object({
	state: z.enum(AUDIT_STATES).optional(),
	kind: z.enum(AUDIT_KINDS).optional(),
	fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
	yearlyPlanId: idSchema.optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const named = z.object({ id: z.string(), name: z.string() });

export const auditSummarySchema = z
	.object({
		id: z.string(),
		title: z.string(),
		kind: z.enum(AUDIT_KINDS),
		state: z.enum(AUDIT_STATES),
		fiscalYear: z.number().int(),
		periodStart: z.string(),
		periodEnd: z.string(),
		lead: named.nullable(),
		units: z.array(named),
	})
	.openapi("AuditSummary");
export type AuditSummary = z.infer<typeof auditSummarySchema>;

export const auditSchema = auditSummarySchema
	.extend({
		yearlyPlanId: z.string().nullable(),
		reason: z.string().nullable(),
		orderedBy: named.nullable(),
		scope: z.string(),
		criteria: z.string(),
		checklistVersionId: z.string().nullable(),
		/** The chosen checklist version's title and number. */
		checklist: z
			.object({ versionId: z.string(), title: z.string(), version: z.number().int() })
			.nullable(),
		auditors: z.array(named),
		version: z.number().int(),
		createdAt: z.string(),
		updatedAt: z.string(),
		fieldworkAt: z.string().nullable(),
		reportingAt: z.string().nullable(),
		closedAt: z.string().nullable(),
		/** `assurance_audit.edit` and the steps (`assurance_audit.start_fieldwork`, …) open now. */
		allowedActions: z.array(z.string()),
		/**
		 * The caller's part in the fieldwork: `assurance_audit.choose_checklist` (the lead or one
		 * who runs audits, while the audit may change), `assurance_audit.read_fieldwork` (the team
		 * and those who run audits).
		 */
		fieldworkActions: z.array(z.string()),
	})
	.openapi("Audit");
export type AuditView = z.infer<typeof auditSchema>;

export const auditListSchema = pagedListSchema(auditSummarySchema).openapi("AuditList");

export const auditOptionsSchema = z
	.object({
		units: z.array(named),
		/** Active accounts an auditor may be chosen from (names may repeat; user names do not). */
		accounts: z.array(named.extend({ username: z.string() })),
		/** Yearly plans a planned audit may carry out, latest first, with their units. */
		yearlyPlans: z.array(
			z.object({ id: z.string(), fiscalYear: z.number().int(), unitIds: z.array(z.string()) }),
		),
		/** The Japan date today. */
		today: z.string(),
		/** Whether the caller may order an ad-hoc audit (the CISO). */
		mayOrderAdHoc: z.boolean(),
	})
	.openapi("AuditOptions");
