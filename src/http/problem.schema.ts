import { z } from "@hono/zod-openapi";

export const problemSchema = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		code: z.string().openapi({ description: "Stable machine-readable error code" }),
		detail: z.string(),
		issues: z
			.array(
				z.object({
					path: z.string(),
					message: z.string(),
					code: z.string().optional().openapi({ description: "Stable code of the issue" }),
					params: z
						.record(z.string(), z.union([z.string(), z.number()]))
						.optional()
						.openapi({ description: "Parameters of the issue (part, sheet, row, limit…)" }),
				}),
			)
			.optional(),
		params: z
			.record(z.string(), z.union([z.string(), z.number()]))
			.optional()
			.openapi({
				description:
					"Parameters of the problem; `forbidden` names the roles that may act (`roles`, comma-separated)",
			}),
	})
	.openapi("Problem");
