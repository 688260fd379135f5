import { z } from "@hono/zod-openapi";
import { FILING_STAGES, INCIDENT_STATES } from "./incidents.schemas.ts";

const labelSchema = z.object({ ja: z.string(), en: z.string() });

/** A fiscal year (年度, from 1 April); the current one in Japan when left out. */
const fiscalYearParam = z.coerce.number().int().min(2000).max(2100).optional();

export const incidentStatsQuerySchema = z.object({ fiscalYear: fiscalYearParam });
export type IncidentStatsQuery = z.infer<typeof incidentStatsQuerySchema>;

export const incidentStatsExportQuerySchema = z.object({
	fiscalYear: fiscalYearParam,
	format: z.enum(["csv", "xlsx"]).default("xlsx"),
});

/** How long something took over the cases it applies to: median and mean, in hours. */
const durationSchema = z.object({
	cases: z.number().int(),
	medianHours: z.number().nullable(),
	meanHours: z.number().nullable(),
});

/** One stage (速報 or 確報) of the dated reports the year's cases owed. */
const reportingStageSchema = z.object({
	stage: z.enum(FILING_STAGES),
	/** Filed on or before the due date. */
	onTime: z.number().int(),
	/** Filed after the due date. */
	late: z.number().int(),
	/** Not filed, and the due date has passed. */
	overdue: z.number().int(),
	/** Not filed, not yet due. */
	pending: z.number().int(),
});

/** A report owed and not filed yet, whatever the year of its case. */
export const openObligationSchema = z.object({
	incidentId: z.string(),
	reference: z.string(),
	title: z.string(),
	obligation: z.string(),
	authority: labelSchema,
	stage: z.enum(FILING_STAGES),
	label: labelSchema,
	due: z.string(),
	/** A target the tenant sets rather than a legal limit (速報). */
	aim: z.boolean(),
	overdue: z.boolean(),
});
export type OpenObligation = z.infer<typeof openObligationSchema>;

/** Reports owed and not filed, of any year, soonest due first (at most 50, and how many in all). */
export const openObligationsSchema = z
	.object({
		total: z.number().int(),
		items: z.array(openObligationSchema),
		recalculating: z.boolean().openapi({
			description:
				"The tenant's reporting rules changed and a job is deriving the kept report dues again: the dates listed follow the rules now, but which cases are listed and the total are those of before until it is done",
		}),
	})
	.openapi("IncidentOpenObligations");
export type OpenObligations = z.infer<typeof openObligationsSchema>;

export const incidentStatsSchema = z
	.object({
		fiscalYear: z.number().int(),
		/** The fiscal years that have cases, and the current one, newest first. */
		fiscalYears: z.array(z.number().int()),
		/** Cases reported in the fiscal year, rejected ones included. */
		total: z.number().int(),
		byState: z.array(z.object({ state: z.enum(INCIDENT_STATES), count: z.number().int() })),
		/** By the pack's threat (category); `code` null: not triaged yet. Most first. */
		byCategory: z.array(
			z.object({
				code: z.string().nullable(),
				label: labelSchema.nullable(),
				count: z.number().int(),
			}),
		),
		/** By unit concerned (a case of two units counts for each); `unit` null: no unit. */
		byUnit: z.array(
			z.object({
				unit: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
				count: z.number().int(),
			}),
		),
		/** From the report to the first triage. */
		timeToTriage: durationSchema,
		/** From the report to closing (rejected cases left out). */
		timeToClose: durationSchema,
		/** The dated legal reports the year's cases owe, by stage: filed on time or late, or not yet. */
		reporting: z.array(reportingStageSchema),
		recalculating: z.boolean().openapi({
			description:
				"The tenant's reporting rules changed and the kept report dues are being derived again by a job: the figures are those derived before the change until it is done",
		}),
		allowedActions: z.array(z.string()),
	})
	.openapi("IncidentStats");
export type IncidentStats = z.infer<typeof incidentStatsSchema>;
