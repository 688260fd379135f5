import { z } from "@hono/zod-openapi";

export const ORG_UNIT_KINDS = ["agency", "department", "section", "subsection", "system"] as const;

export const orgUnitInputSchema = z
	.strictObject({
		code: z.string().trim().min(1).max(40),
		name: z.string().trim().min(1).max(100),
		kind: z.enum(ORG_UNIT_KINDS),
		parentId: z.string().nullable().default(null),
	})
	.openapi("OrgUnitInput");
export type OrgUnitInput = z.infer<typeof orgUnitInputSchema>;

export const orgUnitSchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		kind: z.enum(ORG_UNIT_KINDS),
		parentId: z.string().nullable(),
		allowedActions: z.array(z.string()),
	})
	.openapi("OrgUnit");
