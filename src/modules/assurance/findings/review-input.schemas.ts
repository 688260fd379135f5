import { z } from "@hono/zod-openapi";
import { FINDING_SEVERITIES, FINDING_SOURCES, FINDING_STATES } from "./findings.schemas.ts";

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
	z.object(
		Object.fromEntries(keys.map((key) => [key, z.number().int()])) as Record<
			T[number],
			z.ZodNumber
		>,
	);

/** A fiscal year's findings counted: in all, by source, severity and state, and overdue. */
export const findingYearFiguresSchema = z
	.object({
		total: z.number().int(),
		bySource: countsOf(FINDING_SOURCES),
		bySeverity: countsOf(FINDING_SEVERITIES),
		byState: countsOf(FINDING_STATES),
		overdue: z.number().int(),
	})
	.openapi("FindingYearFigures");
export type FindingYearFigures = z.infer<typeof findingYearFiguresSchema>;

/** The findings input of a yearly review: the year's figures, the year before's, and the open major ones. */
export const findingReviewInputSchema = z
	.object({
		fiscalYear: z.number().int(),
		current: findingYearFiguresSchema,
		previous: findingYearFiguresSchema,
		/** current − previous, figure by figure. */
		change: findingYearFiguresSchema,
		openMajor: z.array(
			z.object({
				id: z.string(),
				reference: z.string(),
				title: z.string(),
				ownerUnit: z.string(),
				state: z.enum(FINDING_STATES),
				dueOn: z.string().nullable(),
				overdue: z.boolean(),
			}),
		),
	})
	.openapi("FindingReviewInput");
export type FindingReviewInput = z.infer<typeof findingReviewInputSchema>;
