import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam } from "../../shared/paging.schema.ts";
import { DATA_KINDS } from "../policies/pack/incident-reporting.schema.ts";

/** The states of a case, in the order a case usually moves through them. */
export const INCIDENT_STATES = [
	"reported",
	"triaged",
	"contained",
	"recovered",
	"closed",
	"rejected",
] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** What CSIRT does to move a case on (triage itself has its own route). */
export const INCIDENT_ACTIONS = ["contain", "recover", "close", "reject"] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** A fixed scale for ordering CSIRT's work, stored as 1–3; severity uses the pack's scale. */
export const PRIORITIES = ["low", "medium", "high"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const FILING_STAGES = ["preliminary", "final"] as const;

export const INCIDENT_LIMITS = {
	title: 200,
	whatHappened: 4000,
	text: 4000,
	reason: 2000,
	reference: 200,
	assets: 50,
	units: 50,
} as const;

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date in Japan; 2026-02-30 is refused rather than read as March 2nd. */
export const daySchema = z
	.string()
	.regex(DAY_SHAPE, "a date as YYYY-MM-DD")
	.refine(
		(day) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day,
		"not a calendar date",
	);

const text = (max: number) => z.string().trim().min(1).max(max);
const ids = (max: number) => z.array(z.string().min(1).max(64)).max(max);

/**
 * A report from one short form: what happened and when it was noticed are enough; the rest is
 * optional, so a lost laptop or a wrongly sent mail takes under two minutes on a phone.
 */
export const reportIncidentSchema = z
	.strictObject({
		/** A short title; the first line of `whatHappened` when left out. */
		title: text(INCIDENT_LIMITS.title).optional(),
		whatHappened: text(INCIDENT_LIMITS.whatHappened),
		noticedAt: z.iso.datetime({ offset: true }),
		/** The day the organisation knew; the day of the report when left out. */
		knownAt: daySchema.optional(),
		/** Whether personal data may be involved. */
		personalData: z.boolean(),
		/** Ledger assets or systems concerned, if known. */
		assetIds: ids(INCIDENT_LIMITS.assets).default([]),
	})
	.openapi("IncidentReport");
export type ReportIncidentInput = z.infer<typeof reportIncidentSchema>;

/** CSIRT's assessment of a case; fields left out stay as they are. */
export const triageIncidentSchema = z
	.strictObject({
		version: z.number().int().min(1),
		title: text(INCIDENT_LIMITS.title).optional(),
		/** A threat code of the tenant's pack. Required on the first triage. */
		category: z.string().min(1).max(64).optional(),
		/** A step of the pack's risk-matrix impact scale (1 = lowest). Required on the first triage. */
		severity: z.number().int().min(1).max(5).optional(),
		priority: z.enum(PRIORITIES).optional(),
		unitIds: ids(INCIDENT_LIMITS.units).optional(),
		assetIds: ids(INCIDENT_LIMITS.assets).optional(),
		knownAt: daySchema.optional(),
		people: z.number().int().min(0).max(1_000_000_000).optional(),
		dataKinds: z.array(z.enum(DATA_KINDS)).max(DATA_KINDS.length).optional(),
		wrongfulIntent: z.boolean().optional(),
		financialDamageRisk: z.boolean().optional(),
		encrypted: z.boolean().optional(),
		publishedOnline: z.boolean().optional(),
		networkSystem: z.boolean().optional(),
		/** 再発防止; an empty string clears it. */
		prevention: z.string().trim().max(INCIDENT_LIMITS.text).optional(),
		/** The PPC report's 原因, 二次被害, 本人への対応, 公表; an empty string clears each. */
		cause: z.string().trim().max(INCIDENT_LIMITS.text).optional(),
		secondaryDamage: z.string().trim().max(INCIDENT_LIMITS.text).optional(),
		responseToPeople: z.string().trim().max(INCIDENT_LIMITS.text).optional(),
		publicAnnouncement: z.string().trim().max(INCIDENT_LIMITS.text).optional(),
	})
	.openapi("IncidentTriage");
export type TriageIncidentInput = z.infer<typeof triageIncidentSchema>;

export const transitionIncidentSchema = z
	.strictObject({
		version: z.number().int().min(1),
		action: z.enum(INCIDENT_ACTIONS),
		/** Required to reject; kept on the timeline for every action. */
		reason: z.string().trim().max(INCIDENT_LIMITS.reason).optional(),
		/** 再発防止, given with the closing; required to close a severe case when not yet recorded. */
		prevention: z.string().trim().max(INCIDENT_LIMITS.text).optional(),
	})
	.openapi("IncidentTransition");
export type TransitionIncidentInput = z.infer<typeof transitionIncidentSchema>;

export const incidentNoteSchema = z
	.strictObject({ text: text(INCIDENT_LIMITS.text) })
	.openapi("IncidentNote");

export const recordFilingSchema = z
	.strictObject({
		/** The obligation's code in the tenant's reporting rules, e.g. ppc_personal_information. */
		obligation: z.string().min(1).max(64),
		stage: z.enum(FILING_STAGES),
		filedOn: daySchema,
		/** The authority's receipt number or another reference, if any. */
		reference: z.string().trim().max(INCIDENT_LIMITS.reference).optional(),
	})
	.openapi("IncidentFiling");
export type RecordFilingInput = z.infer<typeof recordFilingSchema>;

export const incidentQuerySchema = z.object({
	state: z.enum([...INCIDENT_STATES, "open"]).optional(),
	severity: z.coerce.number().int().min(1).max(5).optional(),
	unitId: z.string().min(1).max(64).optional(),
	offset: offsetParam,
	limit: limitParam(50, 200),
});
export type IncidentQuery = z.infer<typeof incidentQuerySchema>;

export const myReportsQuerySchema = z.object({
	offset: offsetParam,
	limit: limitParam(20, 100),
});
export type MyReportsQuery = z.infer<typeof myReportsQuerySchema>;

export const reportableAssetQuerySchema = z.object({ q: z.string().trim().max(100).optional() });
