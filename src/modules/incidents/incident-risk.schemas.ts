import { z } from "@hono/zod-openapi";
import { RISK_LIMITS, ratingInputSchema } from "../risks/risks.schemas.ts";
import { incidentSchema } from "./incident-view.schemas.ts";

const idSchema = z.string().min(1).max(64);

/** The longest reason given for re-rating a risk from a case. */
export const RESCORE_REASON_MAX = 2000;

/**
 * A risk raised from a case. Left out: the title is the case's, the description what happened,
 * the threat the case's category (a threat of the pack), the owner the first unit of the case
 * that the caller may raise a risk in (any, for the CSIRT and the CISO), the assets the case's (those the caller can see), the residual rating
 * the inherent one, and the treatment plan the case's 再発防止.
 */
export const raiseRiskSchema = z
	.strictObject({
		title: z.string().trim().min(1).max(RISK_LIMITS.title).optional(),
		description: z.string().trim().max(RISK_LIMITS.description).optional(),
		threatCode: z.string().trim().min(1).max(60).optional(),
		ownerUnitId: idSchema.optional(),
		assetIds: z.array(idSchema).max(RISK_LIMITS.assets).optional(),
		inherent: ratingInputSchema,
		residual: ratingInputSchema.optional(),
	})
	.openapi("IncidentRaiseRisk");
export type RaiseRiskInput = z.infer<typeof raiseRiskSchema>;

/**
 * New ratings of an existing risk in the light of a case; `version` is the risk's. `reason`, why
 * the case moves the rating, is kept as the text of the case's timeline entry.
 */
export const rescoreRiskSchema = z
	.strictObject({
		version: z.number().int().min(1),
		inherent: ratingInputSchema.optional(),
		residual: ratingInputSchema.optional(),
		reason: z.string().trim().min(1).max(RESCORE_REASON_MAX).optional(),
	})
	.refine((input) => input.inherent !== undefined || input.residual !== undefined, {
		message: "give the inherent or the residual rating",
		path: ["residual"],
	})
	.openapi("IncidentRescoreRisk");
export type RescoreRiskInput = z.infer<typeof rescoreRiskSchema>;

/** The risk concerned and the case as it now stands (the link is on its timeline). */
export const incidentRiskResultSchema = z
	.object({ riskId: z.string(), incident: incidentSchema })
	.openapi("IncidentRiskLink");
