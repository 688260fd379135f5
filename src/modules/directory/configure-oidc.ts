import { randomUUID } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal, ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor, Role } from "../authz/roles.ts";
import { directoryPolicy } from "./directory.policy.ts";
import {
	type ConnectionRow,
	findConnection,
	insertConnection,
	listMappings,
	updateConnection,
} from "./directory.repository.ts";
import { type OidcSettings, oidcConfigInputSchema, oidcSettingsSchema } from "./oidc.schemas.ts";
import { discoverProvider } from "./oidc-client.ts";

/** A tenant's OpenID provider, ready to use: settings parsed, client secret opened. */
export interface OidcConnection {
	row: ConnectionRow;
	settings: OidcSettings;
	secret: string;
}

function openConnection(deps: AppDeps, row: ConnectionRow | undefined): OidcConnection | null {
	if (!row?.secret_sealed) return null;
	return {
		row,
		settings: oidcSettingsSchema.parse(JSON.parse(row.settings)),
		secret: deps.secrets.open(row.secret_sealed),
	};
}

/** The tenant's switched-on OpenID provider, or null. */
export async function enabledOidc(deps: AppDeps, tenantId: string): Promise<OidcConnection | null> {
	const row = await findConnection(deps.db, tenantId, "oidc");
	return row?.enabled ? openConnection(deps, row) : null;
}

/** Example settings (Microsoft Entra ID's claim names), shown before anything is saved. */
export const OIDC_DEFAULTS: OidcSettings = {
	issuer: "https://login.microsoftonline.com/TENANT-ID/v2.0",
	clientId: "00000000-0000-0000-0000-000000000000",
	redirectUri: "https://mamori.example.lg.jp/login/oidc",
	scopes: "openid profile email",
	claims: {
		employeeNumber: "employeeid",
		displayName: "name",
		mail: "email",
		groups: "groups",
		loginName: "preferred_username",
	},
	mfaAmr: ["mfa"],
	mfaAcr: [],
	timeoutMs: 5000,
	clockToleranceSeconds: 60,
};

/** The OpenID settings as the settings page shows them: never the client secret. */
export async function readOidcConfig(db: Queryable, actor: Actor) {
	authorize(actor, directoryPolicy, "directory.configure");
	const row = await findConnection(db, actor.tenantId, "oidc");
	const mappings = row ? await listMappings(db, actor.tenantId, row.id) : [];
	return {
		id: row?.id ?? null,
		kind: "oidc" as const,
		enabled: Boolean(row?.enabled),
		settings: row ? oidcSettingsSchema.parse(JSON.parse(row.settings)) : null,
		clientSecretSet: Boolean(row?.secret_sealed),
		version: row?.version ?? null,
		mappings: mappings.map((m) => ({
			id: m.id,
			groupKey: m.group_key,
			role: m.role as Role,
			orgUnitId: m.org_unit_id,
		})),
	};
}

export async function saveOidcConfig(
	deps: AppDeps,
	actor: Actor,
	input: z.infer<typeof oidcConfigInputSchema>,
) {
	authorize(actor, directoryPolicy, "directory.configure");
	const parsed = oidcConfigInputSchema.parse(input);
	await inTransaction(deps.db, async (tx) => {
		const existing = await findConnection(tx, actor.tenantId, "oidc");
		const now = new Date().toISOString();
		const secret = parsed.clientSecret
			? deps.secrets.seal(parsed.clientSecret)
			: (existing?.secret_sealed ?? null);
		if (parsed.enabled && !secret) {
			throw new Problem("validation_failed", "a client secret is needed to switch OIDC on", {
				issues: [ruleIssue("clientSecret", "directory_secret_required", "required")],
			});
		}
		const row: ConnectionRow = {
			id: existing?.id ?? randomUUID(),
			tenant_id: actor.tenantId,
			kind: "oidc",
			enabled: parsed.enabled,
			settings: JSON.stringify(parsed.settings),
			secret_sealed: secret,
			version: (existing?.version ?? 0) + 1,
			updated_by_label: actor.label,
			created_at: existing?.created_at ?? now,
			updated_at: now,
		};
		if (!existing) {
			await insertConnection(tx, row);
		} else if (
			parsed.version !== existing.version ||
			!(await updateConnection(tx, row, existing.version))
		) {
			throw refusal(
				"conflict",
				"stale_version",
				"the OpenID settings were changed meanwhile; reload",
			);
		}
		await recordAudit(tx, auditContextOf(actor), "directory.configured", {
			kind: "oidc",
			enabled: parsed.enabled,
			url: parsed.settings.issuer,
			secretChanged: Boolean(parsed.clientSecret),
		});
	});
	return readOidcConfig(deps.db, actor);
}

/** Discovery at the saved issuer: what the provider publishes (endpoints, scopes, claims). */
export async function testOidcDiscovery(deps: AppDeps, actor: Actor) {
	authorize(actor, directoryPolicy, "directory.configure");
	const connection = openConnection(deps, await findConnection(deps.db, actor.tenantId, "oidc"));
	if (!connection) throw new Problem("not_found", "OpenID Connect is not configured");
	const metadata = (
		await discoverProvider(connection.settings, connection.secret)
	).serverMetadata();
	await inTransaction(deps.db, (tx) =>
		recordAudit(tx, auditContextOf(actor), "directory.tested", {
			user: connection.settings.issuer,
			found: true,
		}),
	);
	const list = (value: unknown) =>
		Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
	return {
		issuer: metadata.issuer,
		authorizationEndpoint: metadata.authorization_endpoint ?? null,
		tokenEndpoint: metadata.token_endpoint ?? null,
		jwksUri: metadata.jwks_uri ?? null,
		userinfoEndpoint: metadata.userinfo_endpoint ?? null,
		scopesSupported: list(metadata.scopes_supported),
		claimsSupported: list(metadata.claims_supported),
		acrValuesSupported: list(metadata.acr_values_supported),
	};
}
