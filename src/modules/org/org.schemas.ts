import { z } from "@hono/zod-openapi";
import { roleSchema } from "../authz/roles.ts";

export const ORG_UNIT_KINDS = ["agency", "department", "section", "subsection", "system"] as const;

/** The city's 所属コード: one word (a roster's role token `role@code` refers to it). */
const unitCodeSchema = z
	.string()
	.trim()
	.min(1)
	.max(40)
	.regex(/^[^\s@＠]+$/, "no spaces or @");
/** The city's order among siblings (行政組織規則 order); lists sort by it, then by code. */
const displayOrderSchema = z.number().int().min(0).max(999_999);

export const orgUnitInputSchema = z
	.strictObject({
		code: unitCodeSchema,
		name: z.string().trim().min(1).max(100),
		kind: z.enum(ORG_UNIT_KINDS),
		parentId: z.string().nullable().default(null),
		/** Omitted: after the parent's last unit. */
		displayOrder: displayOrderSchema.optional(),
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
		displayOrder: z.number().int(),
		allowedActions: z.array(z.string()),
	})
	.openapi("OrgUnit");

export const orgUnitUpdateSchema = z
	.strictObject({
		code: unitCodeSchema.optional(),
		name: z.string().trim().min(1).max(100).optional(),
		parentId: z.string().nullable().optional(),
		displayOrder: displayOrderSchema.optional(),
	})
	.openapi("OrgUnitUpdate");
export type OrgUnitUpdate = z.infer<typeof orgUnitUpdateSchema>;

export const orgUnitIdParamSchema = z.object({ id: z.string().min(1).max(64) });

export const roleHolderSchema = z
	.object({
		assignmentId: z.string(),
		role: roleSchema,
		accountId: z.string(),
		displayName: z.string(),
		validFrom: z.string(),
		validTo: z.string().nullable(),
	})
	.openapi("OrgRoleHolder");

export const orgTreeNodeSchema = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		kind: z.enum(ORG_UNIT_KINDS),
		parentId: z.string().nullable(),
		displayOrder: z.number().int(),
		depth: z.number().int(),
		staffCount: z.number().int(),
		roleHolders: z.array(roleHolderSchema),
	})
	.openapi("OrgTreeNode");

export const orgTreeSchema = z
	.object({
		items: z.array(orgTreeNodeSchema),
		/** Tenant-wide roles (CISO, 統括, CSIRT, 委員会): not held per unit. */
		tenantRoleHolders: z.array(roleHolderSchema),
		allowedActions: z.array(z.string()),
	})
	.openapi("OrgTree");
