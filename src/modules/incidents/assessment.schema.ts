import { z } from "zod";
import { type CASE_FACTS, DATA_KINDS } from "../policies/pack/incident-reporting.schema.ts";

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** 2026-02-30 parses to March 2nd; a real calendar date reads back as itself. */
function sameDayBack(day: string): boolean {
	const date = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

const isoDay = z
	.string()
	.regex(DAY_SHAPE, "expected a date as YYYY-MM-DD")
	.refine((day) => !DAY_SHAPE.test(day) || sameDayBack(day), {
		message: "not a calendar date",
	});

/**
 * The facts of one case that decide its legal reporting obligations (`docs/incident-assessment.md`).
 * Unknown keys are refused, so a misspelt fact is never silently read as "no".
 */
export const caseFactsSchema = z.strictObject({
	/** The day the organisation knew of the leak (day 1 of every deadline). */
	knownAt: isoDay,
	/** How many people's data is concerned. */
	people: z.number().int().min(0).max(1_000_000_000),
	dataKinds: z.array(z.enum(DATA_KINDS)).max(DATA_KINDS.length),
	wrongfulIntent: z.boolean(),
	financialDamageRisk: z.boolean(),
	encrypted: z.boolean(),
	publishedOnline: z.boolean().default(false),
	networkSystem: z.boolean().default(false),
	/** A bundled pack id; the CLI's --pack wins. Default: standard. */
	pack: z.string().min(1).max(200).optional(),
	/** The tenant's own aim for the preliminary report, in days, instead of the pack's. */
	preliminaryDays: z.number().int().min(1).max(30).optional(),
});

export type CaseFacts = z.infer<typeof caseFactsSchema>;
/** Every fact the rules can test, by name. */
export type FactFlags = Record<(typeof CASE_FACTS)[number], boolean>;
