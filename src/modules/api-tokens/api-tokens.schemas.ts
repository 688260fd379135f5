import { z } from "@hono/zod-openapi";
import { API_SCOPE_NAMES } from "./scopes.ts";

/** A token lives at most this long; the administrator makes a new one before it ends. */
export const MAX_TOKEN_DAYS = 366;

export const apiScopeSchema = z.enum(API_SCOPE_NAMES as [string, ...string[]]).openapi("ApiScope");

export const createApiTokenSchema = z
	.strictObject({
		/** The machine client, as the audit log will name it (e.g. 無害化ゲートウェイ, SIEM). */
		clientName: z.string().trim().min(1).max(100),
		scopes: z
			.array(apiScopeSchema)
			.min(1)
			.max(API_SCOPE_NAMES.length)
			.refine((scopes) => new Set(scopes).size === scopes.length, { message: "duplicate scope" }),
		/** When the token stops working (at most 366 days ahead). */
		expiresAt: z.iso.datetime({ offset: true }),
	})
	.openapi("ApiTokenInput");
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const apiTokenSchema = z
	.object({
		id: z.string(),
		clientName: z.string(),
		scopes: z.array(z.string()),
		/** The first characters of the token, to recognise it; the token itself is shown once. */
		tokenPrefix: z.string(),
		expiresAt: z.string(),
		createdAt: z.string(),
		createdBy: z.string(),
		revokedAt: z.string().nullable(),
		lastUsedAt: z.string().nullable(),
		state: z.enum(["active", "expired", "revoked"]),
	})
	.openapi("ApiToken");

export const createdApiTokenSchema = apiTokenSchema
	.extend({
		/** The token, shown this once: Mamori keeps only its SHA-256. */
		token: z.string(),
	})
	.openapi("CreatedApiToken");

export const apiTokenListSchema = z
	.object({
		items: z.array(apiTokenSchema),
		/** The scopes a token may hold. */
		scopes: z.array(z.string()),
		allowedActions: z.array(z.string()),
	})
	.openapi("ApiTokenList");
