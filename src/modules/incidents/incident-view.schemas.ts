import { z } from "@hono/zod-openapi";
import { pagedListSchema } from "../../shared/paging.schema.ts";
import { DATA_KINDS } from "../policies/pack/incident-reporting.schema.ts";
import { FILING_STAGES, INCIDENT_STATES, PRIORITIES } from "./incidents.schemas.ts";

const labelSchema = z.object({ ja: z.string(), en: z.string() });

const severitySchema = z.object({
	level: z.number().int(),
	/** The pack's label of that impact step. */
	label: labelSchema.nullable(),
	/** The top step of the scale: closing needs the 再発防止 record. */
	severe: z.boolean(),
});

/** A case as the lists show it. */
export const incidentSummarySchema = z
	.object({
		id: z.string(),
		reference: z.string(),
		state: z.enum(INCIDENT_STATES),
		title: z.string(),
		source: z.enum(["staff", "system"]),
		reporterLabel: z.string(),
		noticedAt: z.string(),
		knownAt: z.string(),
		personalDataSuspected: z.boolean(),
		category: z.string().nullable(),
		/** The label of the category in the tenant's pack's threat catalogue. */
		categoryLabel: labelSchema.nullable(),
		severity: severitySchema.nullable(),
		priority: z.enum(PRIORITIES).nullable(),
		createdAt: z.string(),
		updatedAt: z.string(),
		closedAt: z.string().nullable(),
	})
	.openapi("IncidentSummary");
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const incidentListSchema = pagedListSchema(incidentSummarySchema).openapi("IncidentList");

/** A case in the case list: its summary and the legal report due soonest, not yet filed. */
export const incidentCaseSchema = incidentSummarySchema
	.extend({
		nextDue: z
			.object({
				obligation: z.string(),
				authority: labelSchema,
				stage: z.enum(FILING_STAGES),
				/** The stage's label in the rules (速報 / 確報). */
				label: labelSchema,
				/** YYYY-MM-DD, moved past the days offices are closed. */
				due: z.string(),
				overdue: z.boolean(),
			})
			.nullable(),
	})
	.openapi("IncidentCase");
export type IncidentCase = z.infer<typeof incidentCaseSchema>;

export const incidentCaseListSchema =
	pagedListSchema(incidentCaseSchema).openapi("IncidentCaseList");

const filingSchema = z.object({
	id: z.string(),
	obligation: z.string(),
	stage: z.enum(FILING_STAGES),
	filedOn: z.string(),
	reference: z.string().nullable(),
	recordedBy: z.string(),
	recordedAt: z.string(),
});

const deadlineSchema = z.object({
	label: labelSchema,
	/** YYYY-MM-DD, moved past the days offices are closed. */
	due: z.string(),
	/** Day N counted from the day the organisation knew (day 1). */
	days: z.number().int(),
	/** A target the tenant may set rather than a legal limit. */
	aim: z.boolean(),
	clause: labelSchema.nullable(),
	/** The filing of this stage, once recorded. */
	filedOn: z.string().nullable(),
	/** Not filed and the due date has passed (Japan time). */
	overdue: z.boolean(),
});

/** A legal reporting obligation of the pack, assessed on the case's facts. */
const obligationSchema = z.object({
	code: z.string(),
	authority: labelSchema,
	law: labelSchema,
	clause: labelSchema,
	required: z.boolean(),
	/** Stable codes with values (see docs/incident-assessment.md). */
	reasons: z.array(
		z.object({
			code: z.string(),
			params: z.record(z.string(), z.union([z.string(), z.number()])),
			clause: labelSchema.nullable(),
		}),
	),
	preliminary: deadlineSchema.nullable(),
	final: deadlineSchema.nullable(),
});

const timelineEntrySchema = z.object({
	seq: z.number().int(),
	kind: z.string(),
	at: z.string(),
	actorLabel: z.string(),
	text: z.string().nullable(),
	data: z.record(z.string(), z.unknown()),
});

/** One case in full: its facts, timeline, legal obligations and what the caller may do. */
export const incidentSchema = incidentSummarySchema
	.extend({
		whatHappened: z.string(),
		reporterId: z.string().nullable(),
		units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
		assets: z.array(
			z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
		),
		people: z.number().int(),
		dataKinds: z.array(z.enum(DATA_KINDS)),
		wrongfulIntent: z.boolean(),
		financialDamageRisk: z.boolean(),
		encrypted: z.boolean(),
		publishedOnline: z.boolean(),
		networkSystem: z.boolean(),
		prevention: z.string().nullable(),
		cause: z.string().nullable(),
		secondaryDamage: z.string().nullable(),
		responseToPeople: z.string().nullable(),
		publicAnnouncement: z.string().nullable(),
		rejectReason: z.string().nullable(),
		triagedAt: z.string().nullable(),
		version: z.number().int(),
		/** Empty for a rejected case (not an incident). */
		obligations: z.array(obligationSchema),
		filings: z.array(filingSchema),
		timeline: z.array(timelineEntrySchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("Incident");
export type IncidentView = z.infer<typeof incidentSchema>;

/**
 * What the forms need: the pack's categories and severity scale, priorities, data kinds, units,
 * and the accounts a task may be given to.
 */
export const incidentOptionsSchema = z
	.object({
		categories: z.array(z.object({ code: z.string(), label: labelSchema })),
		severities: z.array(
			z.object({ level: z.number().int(), label: labelSchema, severe: z.boolean() }),
		),
		priorities: z.array(z.enum(PRIORITIES)),
		dataKinds: z.array(z.enum(DATA_KINDS)),
		states: z.array(z.enum(INCIDENT_STATES)),
		units: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
		/** Active accounts a task may be given to; empty for those who may not give tasks. */
		accounts: z.array(z.object({ id: z.string(), displayName: z.string() })),
		allowedActions: z.array(z.string()),
	})
	.openapi("IncidentOptions");

/** An asset a reporter may name: of their own unit, or of the units they can see in the ledger. */
export const reportableAssetSchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		kind: z.string(),
		unitName: z.string(),
	})
	.openapi("ReportableAsset");
