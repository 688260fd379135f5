import { z } from "@hono/zod-openapi";

const yearRates = z.object({
	campaigns: z.number().int(),
	/** Percent, one decimal, over every campaign of the year; null when nothing counts. */
	responseRate: z.number().nullable(),
	complianceRate: z.number().nullable(),
});

/** The self-inspection input of a yearly review: the year's campaigns and rates against the year before. */
export const campaignReviewInputSchema = z
	.object({
		fiscalYear: z.number().int(),
		campaigns: z.array(
			z.object({
				id: z.string(),
				title: z.string(),
				state: z.enum(["open", "closed"]),
				dueOn: z.string(),
				responseRate: z.number().nullable(),
				complianceRate: z.number().nullable(),
			}),
		),
		current: yearRates,
		previous: yearRates,
		/** Percentage points, current − previous; null when either year has no rate. */
		change: z.object({
			responseRate: z.number().nullable(),
			complianceRate: z.number().nullable(),
		}),
	})
	.openapi("CampaignReviewInput");
export type CampaignReviewInput = z.infer<typeof campaignReviewInputSchema>;
