import { z } from "@hono/zod-openapi";
import { limitParam, offsetParam } from "../../shared/paging.schema.ts";
import { roleSchema } from "../authz/roles.ts";

export const usernameSchema = z
	.string()
	.min(2)
	.max(64)
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, dot, underscore and hyphen");

export const accountCreateSchema = z
	.strictObject({
		username: usernameSchema,
		displayName: z.string().trim().min(1).max(100),
		email: z.email().max(254).nullable().default(null),
		worksInMynumber: z.boolean().default(false),
	})
	.openapi("AccountCreate");
export type AccountCreate = z.infer<typeof accountCreateSchema>;

export const accountUpdateSchema = z
	.strictObject({
		displayName: z.string().trim().min(1).max(100).optional(),
		email: z.email().max(254).nullable().optional(),
		worksInMynumber: z.boolean().optional(),
		disabled: z.boolean().optional(),
	})
	.openapi("AccountUpdate");
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

export const roleAssignInputSchema = z
	.strictObject({
		role: roleSchema,
		orgUnitId: z.string().nullable().default(null),
		validFrom: z.iso.datetime().optional(),
		validTo: z.iso.datetime().nullable().default(null),
	})
	.openapi("RoleAssignInput");
export type RoleAssignInput = z.infer<typeof roleAssignInputSchema>;

export const roleAssignmentSchema = z
	.object({
		id: z.string(),
		role: roleSchema,
		orgUnitId: z.string().nullable(),
		validFrom: z.string(),
		validTo: z.string().nullable(),
		inForce: z.boolean(),
	})
	.openapi("RoleAssignment");

export const accountSchema = z
	.object({
		id: z.string(),
		username: z.string(),
		displayName: z.string(),
		email: z.string().nullable(),
		worksInMynumber: z.boolean(),
		disabled: z.boolean(),
		mfaEnrolled: z.boolean(),
		mustChangePassword: z.boolean(),
		createdAt: z.string(),
		roles: z.array(roleAssignmentSchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("Account");

export const oneTimePasswordSchema = z
	.object({ account: accountSchema, oneTimePassword: z.string() })
	.openapi("AccountWithOneTimePassword");

export const accountListQuerySchema = z.object({
	q: z.string().max(100).optional(),
	limit: limitParam(50, 200),
	offset: offsetParam,
});

export const accountIdParamSchema = z.object({ id: z.string().min(1).max(64) });
export const assignmentParamSchema = z.object({
	id: z.string().min(1).max(64),
	assignmentId: z.string().min(1).max(64),
});
