import { z } from "@hono/zod-openapi";
import { roleSchema } from "../authz/roles.ts";

const claimName = z
	.string()
	.trim()
	.min(1)
	.max(100)
	.regex(/^[A-Za-z_][A-Za-z0-9_.:/-]*$/);
const assuranceValue = z.string().trim().min(1).max(200);

/**
 * An OpenID Connect provider (Entra ID, Keycloak, a prefecture's IdP…). `redirectUri` is the
 * address registered at the provider: Mamori's `/login/oidc` page. Claims name where the
 * provider puts the employee number, display name, mail and groups (group values are mapped to
 * roles like LDAP group DNs). A person who must use MFA is accepted without Mamori's TOTP only
 * when the ID token's `amr` holds one of `mfaAmr` or its `acr` is one of `mfaAcr`.
 */
export const oidcSettingsSchema = z
	.object({
		issuer: z
			.string()
			.trim()
			.max(500)
			.regex(/^https?:\/\/[^\s?#]+$/, "https://issuer (http only on loopback)"),
		clientId: z.string().trim().min(1).max(500),
		redirectUri: z
			.string()
			.trim()
			.max(500)
			.regex(/^https?:\/\/[^\s?#]+\/login\/oidc$/, "https://mamori.example/login/oidc"),
		scopes: z
			.string()
			.trim()
			.max(500)
			.regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/)
			.refine((s) => s.split(" ").includes("openid"), { message: "must include openid" }),
		claims: z.object({
			employeeNumber: claimName,
			displayName: claimName,
			mail: claimName,
			groups: claimName,
			loginName: claimName,
		}),
		mfaAmr: z.array(assuranceValue).max(20),
		mfaAcr: z.array(assuranceValue).max(20),
		/** Each request to the provider (discovery, keys, token), milliseconds. */
		timeoutMs: z.number().int().min(100).max(30_000),
		/** Clock difference tolerated on the ID token's iat / exp / nbf, seconds. */
		clockToleranceSeconds: z.number().int().min(0).max(300),
	})
	.strict();
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;

export const oidcConfigInputSchema = z
	.object({
		enabled: z.boolean(),
		settings: oidcSettingsSchema,
		/** The client secret; omitted or null keeps the stored one. */
		clientSecret: z.string().min(1).max(500).nullable().optional(),
		version: z.number().int().nullable(),
	})
	.strict()
	.openapi("OidcConfigInput");

export const oidcConfigSchema = z
	.object({
		id: z.string().nullable(),
		kind: z.literal("oidc"),
		enabled: z.boolean(),
		settings: oidcSettingsSchema.nullable(),
		clientSecretSet: z.boolean(),
		version: z.number().int().nullable(),
		mappings: z.array(
			z.object({
				id: z.string(),
				groupKey: z.string(),
				role: roleSchema,
				orgUnitId: z.string().nullable(),
			}),
		),
	})
	.openapi("OidcConfig");

/** What discovery found at the issuer (never the secret). */
export const oidcTestResultSchema = z
	.object({
		issuer: z.string(),
		authorizationEndpoint: z.string().nullable(),
		tokenEndpoint: z.string().nullable(),
		jwksUri: z.string().nullable(),
		userinfoEndpoint: z.string().nullable(),
		scopesSupported: z.array(z.string()),
		claimsSupported: z.array(z.string()),
		acrValuesSupported: z.array(z.string()),
	})
	.openapi("OidcTestResult");

export const oidcStartInputSchema = z
	.object({ tenant: z.string().min(1).max(100) })
	.strict()
	.openapi("OidcStartInput");

export const oidcStartSchema = z.object({ authorizationUrl: z.string() }).openapi("OidcStart");

export const oidcCallbackInputSchema = z
	.object({
		/** The login page's tenant: the state must be one this tenant handed out. */
		tenant: z.string().min(1).max(100),
		/** The query string the provider sent the browser back with (`?code=…&state=…`). */
		search: z.string().min(1).max(8000),
	})
	.strict()
	.openapi("OidcCallbackInput");
