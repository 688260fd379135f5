import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam } from "../../shared/paging.schema.ts";
import { STAFF_CATEGORIES } from "../policies/pack/pack.schema.ts";

export const staffCategorySchema = z.enum(STAFF_CATEGORIES);

export const staffSchema = z
	.object({
		id: z.string(),
		accountId: z.string(),
		staffNumber: z.string(),
		username: z.string(),
		displayName: z.string(),
		email: z.string().nullable(),
		category: staffCategorySchema,
		orgUnitId: z.string(),
		orgUnitCode: z.string(),
		orgUnitName: z.string(),
		title: z.string().nullable(),
		worksInMynumber: z.boolean(),
		active: z.boolean(),
		accountDisabled: z.boolean(),
		leftAt: z.string().nullable(),
		allowedActions: z.array(z.string()),
	})
	.openapi("Staff");

export const staffListQuerySchema = z.object({
	unitId: z.string().max(64).optional(),
	/** With `unitId`: also the units under it (default). */
	descendants: z.enum(["true", "false"]).default("true"),
	category: staffCategorySchema.optional(),
	active: z.enum(["true", "false", "all"]).default("true"),
	q: z.string().max(100).optional(),
	limit: limitParam(100),
	offset: offsetParam,
});
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;

export const staffPageSchema = z
	.object({ items: z.array(staffSchema), total: z.number().int() })
	.openapi("StaffPage");

export const staffUpdateSchema = z
	.strictObject({
		category: staffCategorySchema.optional(),
		orgUnitId: z.string().min(1).max(64).optional(),
		title: z.string().trim().max(100).nullable().optional(),
	})
	.openapi("StaffUpdate");
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;

export const staffIdParamSchema = z.object({ id: z.string().min(1).max(64) });
