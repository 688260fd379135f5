import { z } from "@hono/zod-openapi";
import { AUDIT_KINDS, AUDIT_STATES } from "./audits.schemas.ts";

/** The audits input of a yearly review: the year's audits and its yearly plan's coverage. */
export const auditReviewInputSchema = z
	.object({
		fiscalYear: z.number().int(),
		audits: z.array(
			z.object({
				id: z.string(),
				title: z.string(),
				kind: z.enum(AUDIT_KINDS),
				state: z.enum(AUDIT_STATES),
				periodStart: z.string(),
				periodEnd: z.string(),
				units: z.array(z.string()),
			}),
		),
		/** null when the year has no yearly plan (年度監査計画). */
		coverage: z
			.object({
				planned: z.number().int(),
				audited: z.number().int(),
				notAudited: z.array(z.string()),
			})
			.nullable(),
	})
	.openapi("AuditReviewInput");
export type AuditReviewInput = z.infer<typeof auditReviewInputSchema>;
