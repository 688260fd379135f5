import { z } from "zod";

/**
 * Audit events of self-inspection campaigns (自己点検), merged into the catalogue of
 * audit-log.events.ts. A draft answer records the item and the answer given; the submission
 * records how many answers were locked.
 */
export const ASSURANCE_CAMPAIGN_EVENTS = {
	"assurance_campaign.opened": z.object({
		title: z.string(),
		fiscalYear: z.number().int(),
		checklist: z.string(),
		version: z.number().int(),
		units: z.number().int(),
		respondents: z.number().int(),
		dueOn: z.string(),
	}),
	"assurance_campaign.answered": z.object({
		campaign: z.string(),
		respondentId: z.string(),
		number: z.string(),
		answer: z.string(),
		evidenceSha256: z.string().nullable(),
	}),
	"assurance_campaign.submitted": z.object({
		campaign: z.string(),
		respondentId: z.string(),
		unitId: z.string(),
		answers: z.number().int(),
		/** The findings raised from いいえ on required items (references). */
		findings: z.array(z.string()),
	}),
	/** The daily job reminded respondents who had not submitted (in the app and by mail). */
	"assurance_campaign.reminded": z.object({
		campaign: z.string(),
		dueOn: z.string(),
		respondents: z.number().int(),
	}),
	/** The campaign's answers and rates went out as XLSX, or its report as PDF. */
	"assurance_campaign.exported": z.object({
		campaign: z.string(),
		format: z.enum(["xlsx", "pdf"]),
		units: z.number().int(),
	}),
	"assurance_campaign.signed_off": z.object({
		campaign: z.string(),
		unitId: z.string(),
		unit: z.string(),
		unsubmitted: z.number().int(),
		/** Who had not submitted when the unit was signed off. */
		unsubmittedNames: z.array(z.string()),
		note: z.string().nullable(),
	}),
	/** Closed by 統括 or the CISO; `early` when before the due date had passed (with a reason). */
	"assurance_campaign.closed": z.object({
		campaign: z.string(),
		dueOn: z.string(),
		early: z.boolean(),
		reason: z.string().nullable(),
		/** Respondents who had not submitted: 未回答 from then on. */
		unsubmitted: z.number().int(),
	}),
} as const;
