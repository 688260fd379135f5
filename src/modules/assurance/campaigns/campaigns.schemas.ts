import { z } from "@hono/zod-openapi";
import { daySchema } from "../../incidents/drills/drills.schemas.ts";
import { ANSWER_VALUES } from "./campaign-rules.ts";

export const CAMPAIGN_LIMITS = {
	title: 200,
	units: 500,
	comment: 2000,
	note: 2000,
	fileName: 200,
	/** An evidence file's bytes. */
	evidenceBytes: 10 * 1024 * 1024,
} as const;

const idSchema = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export const openCampaignSchema = z
	.strictObject({
		title: text(CAMPAIGN_LIMITS.title),
		/** The fiscal year (年度, from 1 April). */
		fiscalYear: z.number().int().min(2000).max(2100),
		checklistId: idSchema,
		version: z.number().int().min(1),
		unitIds: z.array(idSchema).min(1).max(CAMPAIGN_LIMITS.units),
		/** Take the units' sub-units too (a 部 with its 課). */
		includeSubUnits: z.boolean().default(false),
		dueOn: daySchema,
	})
	.openapi("CampaignOpen");
export type OpenCampaignInput = z.infer<typeof openCampaignSchema>;

export const campaignSummarySchema = z
	.object({
		id: z.string(),
		title: z.string(),
		fiscalYear: z.number().int(),
		checklistId: z.string(),
		checklistTitle: z.string(),
		version: z.number().int(),
		dueOn: z.string(),
		state: z.enum(["open", "closed"]),
		units: z.number().int(),
		respondents: z.number().int(),
		createdAt: z.string(),
		/** When it was closed, by whom (their label), and why when before its due date. */
		closedAt: z.string().nullable(),
		closedBy: z.string().nullable(),
		closeReason: z.string().nullable(),
	})
	.openapi("CampaignSummary");
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const myAssignmentSchema = z
	.object({
		respondentId: z.string(),
		unitId: z.string(),
		unitName: z.string(),
		assigned: z.number().int(),
		answered: z.number().int(),
		submittedAt: z.string().nullable(),
	})
	.openapi("CampaignMyAssignment");

export const campaignListSchema = z
	.object({
		items: z.array(
			campaignSummarySchema
				.extend({ mine: z.array(myAssignmentSchema) })
				.openapi("CampaignListItem"),
		),
		allowedActions: z.array(z.string()),
	})
	.openapi("CampaignList");

const rateSchema = z.object({
	assigned: z.number().int(),
	/** Submitted answers. */
	answered: z.number().int(),
	yes: z.number().int(),
	no: z.number().int(),
	/** Percent, one decimal; null when nothing counts. */
	responseRate: z.number().nullable(),
	complianceRate: z.number().nullable(),
});
export type Rate = z.infer<typeof rateSchema>;

export const unitRateSchema = rateSchema
	.extend({
		unitId: z.string(),
		unitName: z.string(),
		departmentId: z.string(),
		respondents: z.number().int(),
		submitted: z.number().int(),
		signedOffAt: z.string().nullable(),
		signedOffBy: z.string().nullable(),
		signOffNote: z.string().nullable(),
		maySignOff: z.boolean(),
	})
	.openapi("CampaignUnitRate");
export const departmentRateSchema = rateSchema
	.extend({ departmentId: z.string(), departmentName: z.string() })
	.openapi("CampaignDepartmentRate");
export const clauseRateSchema = rateSchema
	.extend({ clause: z.string() })
	.openapi("CampaignClauseRate");
export const heatCellSchema = z
	.object({
		unitId: z.string(),
		clause: z.string(),
		responseRate: z.number().nullable(),
		complianceRate: z.number().nullable(),
	})
	.openapi("CampaignHeatCell");

export const campaignRatesSchema = z
	.object({
		total: rateSchema,
		units: z.array(unitRateSchema),
		departments: z.array(departmentRateSchema),
		clauses: z.array(clauseRateSchema),
		heat: z.array(heatCellSchema),
	})
	.openapi("CampaignRates");
export type CampaignRates = z.infer<typeof campaignRatesSchema>;

export const campaignDetailSchema = z
	.object({
		campaign: campaignSummarySchema,
		mine: z.array(myAssignmentSchema),
		/** Null for a respondent who is neither a 管理者 of its units nor sees everything. */
		rates: campaignRatesSchema.nullable(),
		/** Respondents of the units the caller sees who have not submitted (the close dialog). */
		unsubmitted: z.number().int(),
		/** Once closed: those respondents, by name, who stay 未回答. */
		unanswered: z.array(
			z
				.object({
					respondentId: z.string(),
					name: z.string(),
					unitId: z.string(),
					unitName: z.string(),
					assigned: z.number().int(),
					answered: z.number().int(),
				})
				.openapi("CampaignUnanswered"),
		),
		allowedActions: z.array(z.string()),
	})
	.openapi("CampaignDetail");
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const responseItemSchema = z
	.object({
		itemId: z.string(),
		number: z.string(),
		clause: z.string(),
		question: z.string(),
		answerer: z.string(),
		scale: z.enum(["yes_no_na", "level"]),
		levels: z.array(z.string()),
		required: z.boolean(),
		evidenceExpected: z.string().nullable(),
		answer: z.enum(ANSWER_VALUES).nullable(),
		levelIndex: z.number().int().nullable(),
		comment: z.string().nullable(),
		evidence: z.object({ name: z.string(), sha256: z.string(), size: z.number().int() }).nullable(),
	})
	.openapi("CampaignResponseItem");

export const responseSchema = z
	.object({
		respondentId: z.string(),
		campaign: campaignSummarySchema,
		unitId: z.string(),
		unitName: z.string(),
		assigned: z.number().int(),
		answered: z.number().int(),
		submittedAt: z.string().nullable(),
		items: z.array(responseItemSchema),
	})
	.openapi("CampaignResponse");
export type ResponseView = z.infer<typeof responseSchema>;

export const answerItemSchema = z
	.strictObject({
		answer: z.enum(ANSWER_VALUES),
		levelIndex: z.number().int().min(0).max(20).nullable().default(null),
		comment: z.string().trim().max(CAMPAIGN_LIMITS.comment).nullable().default(null),
		evidence: z
			.strictObject({
				fileName: text(CAMPAIGN_LIMITS.fileName),
				contentBase64: z
					.string()
					.min(1)
					.max(Math.ceil((CAMPAIGN_LIMITS.evidenceBytes * 4) / 3) + 8),
			})
			.optional(),
	})
	.openapi("CampaignAnswerInput");
export type AnswerItemInput = z.infer<typeof answerItemSchema>;

export const closeCampaignSchema = z
	.strictObject({
		/** Required while the due date has not passed: why the campaign closes early. */
		reason: z.string().trim().max(CAMPAIGN_LIMITS.note).nullable().default(null),
	})
	.openapi("CampaignClose");
export type CloseCampaignInput = z.infer<typeof closeCampaignSchema>;

export const signOffSchema = z
	.strictObject({
		/** Required when some respondents of the unit have not submitted: who, and why. */
		note: z.string().trim().max(CAMPAIGN_LIMITS.note).nullable().default(null),
	})
	.openapi("CampaignSignOff");

export const unitReviewSchema = z
	.object({
		unitId: z.string(),
		unitName: z.string(),
		respondents: z.array(
			z.object({
				respondentId: z.string(),
				name: z.string(),
				assigned: z.number().int(),
				answered: z.number().int(),
				submittedAt: z.string().nullable(),
			}),
		),
		/** The unit's いいえ answers among those submitted. */
		noAnswers: z.array(
			z.object({
				name: z.string(),
				number: z.string(),
				question: z.string(),
				comment: z.string().nullable(),
			}),
		),
		/** The evidence files of the unit's submitted answers, to download. */
		evidence: z.array(
			z.object({
				respondentId: z.string(),
				itemId: z.string(),
				name: z.string(),
				number: z.string(),
				fileName: z.string(),
				sha256: z.string(),
				size: z.number().int(),
			}),
		),
		signedOffAt: z.string().nullable(),
		maySignOff: z.boolean(),
	})
	.openapi("CampaignUnitReview");

export const campaignOptionsSchema = z
	.object({
		checklists: z.array(
			z.object({ id: z.string(), title: z.string(), latestVersion: z.number().int() }),
		),
		units: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })),
		today: z.string(),
		fiscalYear: z.number().int(),
	})
	.openapi("CampaignOptions");
