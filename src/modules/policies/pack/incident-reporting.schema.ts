import { z } from "zod";
import {
	ALWAYS,
	codeSchema,
	localizedLabelSchema,
	localizedTextSchema,
	reportDuplicates,
} from "./pack.primitives.ts";

/** Kinds of personal data a case may involve (個人情報 / 要配慮 / 条例要配慮 / 特定個人情報). */
export const DATA_KINDS = ["personal", "sensitive", "ordinance_sensitive", "my_number"] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Yes/no facts of a case that reporting rules may depend on. */
export const CASE_FACTS = [
	"wrongfulIntent",
	"financialDamageRisk",
	"encrypted",
	"publishedOnline",
	"networkSystem",
] as const;
export type CaseFact = (typeof CASE_FACTS)[number];

/**
 * One test on the facts of a case; every key given must hold (and). `always` holds for every case.
 * `clause` names the provision the test comes from, so an answer can say why.
 */
export const reportingConditionSchema = z
	.strictObject({
		clause: localizedLabelSchema.optional(),
		always: z.literal(true).optional(),
		/** Holds when the case involves at least one of these kinds of data. */
		dataKinds: z.array(z.enum(DATA_KINDS)).min(1).optional(),
		/** Holds when more people than this are affected. */
		peopleMoreThan: z.number().int().min(0).optional(),
		/** Holds when every one of these facts is true. */
		facts: z.array(z.enum(CASE_FACTS)).min(1).optional(),
	})
	.refine(
		(condition) =>
			condition.always ||
			condition.dataKinds ||
			condition.peopleMoreThan !== undefined ||
			condition.facts,
		{ message: "give at least one of always, dataKinds, peopleMoreThan, facts" },
	);

export const reportingDeadlineSchema = z.strictObject({
	label: localizedLabelSchema,
	/** Calendar days counted from the day the organisation knew, that day being day 1. */
	days: z.number().int().min(1).max(365),
	/** A target rather than a legal limit ("promptly; aim for 3–5 days"): a tenant may set its own. */
	aim: z.boolean().default(false),
	/** Longer limits for some cases (60 days where wrongful intent is suspected): the longest that holds. */
	longer: z
		.array(
			z.strictObject({ when: reportingConditionSchema, days: z.number().int().min(1).max(365) }),
		)
		.max(10)
		.default([]),
	clause: localizedLabelSchema.optional(),
});

export const reportingObligationSchema = z.strictObject({
	code: codeSchema,
	authority: localizedLabelSchema,
	law: localizedLabelSchema,
	clause: localizedLabelSchema,
	/** Considered only for cases involving one of these kinds of data; absent: every case. */
	concerns: z.array(z.enum(DATA_KINDS)).min(1).optional(),
	/** Considered only when the pack's provision is in force (e.g. specificPersonalInformation). */
	requiresProvision: z.enum(["specificPersonalInformation"]).optional(),
	/** Required when any of these holds… */
	when: z.array(reportingConditionSchema).min(1).max(20),
	/** …and none of these (strong encryption). */
	unless: z.array(reportingConditionSchema).max(20).default([]),
	preliminary: reportingDeadlineSchema.optional(),
	final: reportingDeadlineSchema.optional(),
	note: localizedTextSchema.optional(),
});

const monthDaySchema = z
	.string()
	.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "expected MM-DD");

/**
 * The legal reporting obligations of an incident as data: which authority must be told, when it
 * is required, and by when, with the days an office is closed (a deadline on one of them moves to
 * the next open day). Packs without it use the standard pack's.
 */
export const incidentReportingSchema = z.strictObject({
	closedDays: z.strictObject({
		/** 0 = Sunday … 6 = Saturday. */
		weekdays: z.array(z.number().int().min(0).max(6)).max(7),
		nationalHolidays: z.boolean(),
		yearly: z.array(monthDaySchema).max(40),
	}),
	obligations: z
		.array(reportingObligationSchema)
		.min(1)
		.max(20)
		.superRefine((list, ctx) => reportDuplicates(list, ["code"], ctx), ALWAYS),
});

export type IncidentReporting = z.infer<typeof incidentReportingSchema>;
export type ReportingObligation = z.infer<typeof reportingObligationSchema>;
export type ReportingCondition = z.infer<typeof reportingConditionSchema>;
