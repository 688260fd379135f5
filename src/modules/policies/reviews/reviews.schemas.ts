import { z } from "@hono/zod-openapi";
import { reviewIncidentInputSchema } from "../../incidents/review-input.schemas.ts";

/** Why a review was opened: the cadence's yearly review, or one of the pack's extra triggers. */
export const REVIEW_TRIGGERS = [
	"scheduled",
	"major_change",
	"audit_findings",
	"new_threats",
	"ciso_order",
	"as_needed",
] as const;
export const REVIEW_OUTCOMES = ["no_change", "revise"] as const;

const note = z.string().trim().max(4000);

/** One threat of the pack, rated on the pack's risk matrix (1 = lowest step). */
export const riskEntrySchema = z
	.object({
		threat: z.string().min(1).max(60),
		likelihood: z.number().int().min(1).max(5),
		/** The loss if it happens (発生時の損失). */
		impact: z.number().int().min(1).max(5),
		note: note.optional(),
	})
	.strict()
	.openapi("PolicyReviewRiskEntry");

/**
 * What a review is based on, as recorded by hand; the other modules' results are summarised here
 * until they exist. The incidents themselves come from the incident module (the closed cases of
 * the review's period, see `incident-input.ts`); `incidents` is a remark on them.
 */
export const reviewInputsSchema = z
	.object({
		auditResults: note,
		selfInspectionResults: note,
		/** A free remark on the period's incidents (the cases come from the incident module). */
		incidents: note,
		environmentChanges: note,
		riskAnalysis: z.array(riskEntrySchema).max(50),
	})
	.strict()
	.openapi("PolicyReviewInputs");
export type ReviewInputs = z.infer<typeof reviewInputsSchema>;

export const EMPTY_INPUTS: ReviewInputs = {
	auditResults: "",
	selfInspectionResults: "",
	incidents: "",
	environmentChanges: "",
	riskAnalysis: [],
};

export const openReviewSchema = z
	.object({ trigger: z.enum(REVIEW_TRIGGERS) })
	.strict()
	.openapi("PolicyReviewOpen");

export const decideReviewSchema = z
	.object({ outcome: z.enum(REVIEW_OUTCOMES), reason: z.string().trim().min(1).max(4000) })
	.strict()
	.openapi("PolicyReviewDecision");
export type ReviewDecisionInput = z.infer<typeof decideReviewSchema>;

export const reviewSchema = z
	.object({
		id: z.string(),
		fiscalYear: z.number().int(),
		trigger: z.enum(REVIEW_TRIGGERS),
		dueOn: z.string(),
		status: z.enum(["open", "decided"]),
		inputs: reviewInputsSchema,
		decision: z
			.object({
				outcome: z.enum(REVIEW_OUTCOMES),
				reason: z.string(),
				decidedBy: z.string(),
				decidedAt: z.string(),
			})
			.nullable(),
		/** The draft policy version a `revise` decision opened; null until documents are connected. */
		draftVersionId: z.string().nullable(),
		createdAt: z.string(),
		allowedActions: z.array(z.string()),
	})
	.openapi("PolicyReview");
export type PresentedReview = z.infer<typeof reviewSchema>;

/** One review as its page shows it: with the incidents closed in its period, from that module. */
export const reviewDetailSchema = reviewSchema
	.extend({ incidentInput: reviewIncidentInputSchema })
	.openapi("PolicyReviewDetail");
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const reviewListSchema = z
	.object({
		items: z.array(reviewSchema),
		/** The yearly review the pack's cadence asks for now, or null when it sets none. */
		schedule: z
			.object({ fiscalYear: z.number().int(), dueOn: z.string(), exists: z.boolean() })
			.nullable(),
		requiresRiskAnalysis: z.boolean(),
		allowedActions: z.array(z.string()),
	})
	.openapi("PolicyReviewList");
