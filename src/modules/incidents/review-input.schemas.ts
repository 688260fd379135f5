import { z } from "@hono/zod-openapi";

const labelSchema = z.object({ ja: z.string(), en: z.string() });
const unitSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

/**
 * What a policy review takes from incident response: the cases closed in its period with their
 * 再発防止 (prevention of recurrence), most severe first, and their count by category.
 */
export const reviewIncidentInputSchema = z
	.object({
		/** Instants (UTC ISO): cases closed from `from` up to, not including, `to`. */
		period: z.object({ from: z.string(), to: z.string() }),
		/** Cases closed in the period (rejected ones are not incidents and are left out). */
		closed: z.number().int(),
		/** Of those, how many recorded their 再発防止. */
		withPrevention: z.number().int(),
		byCategory: z.array(
			z.object({
				code: z.string().nullable(),
				label: labelSchema.nullable(),
				count: z.number().int(),
			}),
		),
		/** The cases themselves, most severe first, then latest closed (at most 100). */
		cases: z.array(
			z.object({
				id: z.string(),
				reference: z.string(),
				title: z.string(),
				category: z.object({ code: z.string(), label: labelSchema.nullable() }).nullable(),
				severity: z
					.object({ level: z.number().int(), label: labelSchema.nullable(), severe: z.boolean() })
					.nullable(),
				units: z.array(unitSchema),
				closedAt: z.string(),
				prevention: z.string().nullable(),
			}),
		),
	})
	.openapi("PolicyReviewIncidentInput");
export type ReviewIncidentInput = z.infer<typeof reviewIncidentInputSchema>;
