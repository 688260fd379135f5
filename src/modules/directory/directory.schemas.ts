import { z } from "@hono/zod-openapi";
import { roleSchema } from "../authz/roles.ts";
import { isWellFormedFilter } from "./ldap-filter.ts";

const filterSchema = z
	.string()
	.trim()
	.min(3)
	.max(1000)
	.refine(isWellFormedFilter, { message: "must be one parenthesised LDAP filter" });
const attributeName = z
	.string()
	.trim()
	.min(1)
	.max(100)
	.regex(/^[A-Za-z][A-Za-z0-9-]*$/);

/**
 * An LDAP / Active Directory connection. `userFilter` holds `{user}` where the escaped sign-in
 * name goes; `disabledFilter` matches entries that may not sign in (AD:
 * `(userAccountControl:1.2.840.113556.1.4.803:=2)`).
 */
export const ldapSettingsSchema = z
	.object({
		url: z
			.string()
			.trim()
			.max(500)
			.regex(/^ldaps?:\/\/[^/\s]+$/, "ldap://host[:port] or ldaps://host[:port]"),
		startTls: z.boolean(),
		/** PEM of the CA that signed the directory's certificate; null: the system's CAs. */
		caCertificate: z.string().max(20_000).nullable(),
		bindDn: z.string().trim().min(1).max(500),
		baseDn: z.string().trim().min(1).max(500),
		userFilter: filterSchema.refine((f) => f.includes("{user}"), {
			message: "must contain {user}",
		}),
		/** The filter that lists every person for a sync (`{user}` → `*`). */
		disabledFilter: filterSchema.nullable(),
		groupFilter: filterSchema,
		attributes: z.object({
			loginName: attributeName,
			displayName: attributeName,
			mail: attributeName,
			employeeNumber: attributeName,
			department: attributeName,
		}),
		/** Connect and per-operation timeout, milliseconds. */
		timeoutMs: z.number().int().min(100).max(30_000),
	})
	.strict();
export type LdapSettings = z.infer<typeof ldapSettingsSchema>;

export const ldapConfigInputSchema = z
	.object({
		enabled: z.boolean(),
		settings: ldapSettingsSchema,
		/** The service account's password; omitted or null keeps the stored one. */
		bindPassword: z.string().min(1).max(500).nullable().optional(),
		version: z.number().int().nullable(),
	})
	.strict()
	.openapi("DirectoryConfigInput");

export const ldapConfigSchema = z
	.object({
		id: z.string().nullable(),
		kind: z.literal("ldap"),
		enabled: z.boolean(),
		settings: ldapSettingsSchema.nullable(),
		bindPasswordSet: z.boolean(),
		version: z.number().int().nullable(),
		localPassword: z.enum(["everyone", "break_glass_only"]),
		mappings: z.array(
			z.object({
				id: z.string(),
				groupKey: z.string(),
				role: roleSchema,
				orgUnitId: z.string().nullable(),
			}),
		),
	})
	.openapi("DirectoryConfig");

export const mappingInputSchema = z
	.object({
		groupKey: z.string().trim().min(1).max(500),
		role: roleSchema,
		orgUnitId: z.string().uuid().nullable(),
		/** Whose groups: the LDAP directory's (default) or the OpenID provider's group claim. */
		connection: z.enum(["ldap", "oidc"]).optional(),
	})
	.strict()
	.openapi("DirectoryMappingInput");

export const signInSettingsInputSchema = z
	.object({ localPassword: z.enum(["everyone", "break_glass_only"]) })
	.strict()
	.openapi("SignInSettingsInput");

export const testInputSchema = z
	.object({ user: z.string().trim().min(1).max(256) })
	.strict()
	.openapi("DirectoryTestInput");

export const testResultSchema = z
	.object({
		found: z.boolean(),
		dn: z.string().nullable(),
		attributes: z.object({
			loginName: z.string().nullable(),
			displayName: z.string().nullable(),
			mail: z.string().nullable(),
			employeeNumber: z.string().nullable(),
			department: z.string().nullable(),
		}),
		groups: z.array(z.string()),
		roles: z.array(z.object({ role: roleSchema, orgUnitId: z.string().nullable() })),
		/** The roster's account for the employee number, if any. */
		accountUsername: z.string().nullable(),
	})
	.openapi("DirectoryTestResult");

/** No control characters (NUL included) in a sign-in name: refused before any directory look-up. */
const signInName = z
	.string()
	.min(1)
	.max(256)
	.refine(
		(value) => ![...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
		{
			message: "must not contain control characters",
		},
	);

export const directoryLoginInputSchema = z
	.object({
		tenant: z.string().min(1).max(100),
		username: signInName,
		password: z.string().min(1).max(1024),
	})
	.strict()
	.openapi("DirectoryLoginInput");

export const syncChangeSchema = z.object({
	accountId: z.string(),
	username: z.string(),
	gains: z.array(z.object({ role: roleSchema, orgUnitId: z.string().nullable() })),
	losses: z.array(z.object({ role: roleSchema, orgUnitId: z.string().nullable() })),
	/** disable: gone or disabled in the directory; enable: back again. */
	account: z.enum(["disable", "enable"]).nullable(),
});
export const syncResultSchema = z
	.object({
		dryRun: z.boolean(),
		people: z.number().int(),
		groups: z.number().int(),
		changes: z.array(syncChangeSchema),
	})
	.openapi("DirectorySyncResult");
export type SyncResult = z.infer<typeof syncResultSchema>;

/** The public face of a tenant's sign-in on the login page. */
export const signInOptionsSchema = z
	.object({
		directory: z.enum(["ldap"]).nullable(),
		/** The tenant signs in at an OpenID provider (offered first). */
		oidc: z.boolean(),
		localPassword: z.boolean(),
	})
	.openapi("SignInOptions");
