import { createHash, randomBytes } from "node:crypto";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { type AuditContext, recordAudit } from "../audit-log/record-audit.ts";
import { lockedUntil, recordFailure, throttled } from "../auth/throttle.ts";
import { findTenantBySlug } from "../tenants/tenants.repository.ts";
import { enabledOidc } from "./configure-oidc.ts";
import { type DirectoryPerson, startDirectorySession } from "./directory-session.ts";
import {
	deleteExpiredSignInRequests,
	findSignInRequest,
	insertSignInRequest,
	useSignInRequest,
} from "./oidc.repository.ts";
import type { OidcSettings } from "./oidc.schemas.ts";
import { authorizationUrl, discoverProvider, exchangeCode, newChecks } from "./oidc-client.ts";

/** How long a sign-in may stay at the provider before its state is no longer accepted. */
const REQUEST_TTL_MS = 10 * 60 * 1000;

const hash = (value: string) => createHash("sha256").update(value).digest("base64url");

/**
 * Failures before anyone is identified are counted per client address (the provider does the
 * password throttling; this bounds guessing states and codes), under a name no local or LDAP
 * user name can take.
 */
const throttleKeyOf = (ip: string | null) => `oidc@${ip ?? "-"}`;

type OidcFailure =
	| "oidc_state_invalid"
	| "oidc_token_invalid"
	| "oidc_provider_refused"
	| "directory_unavailable"
	| "not_in_roster"
	| "disabled";

/** Count a failure against the throttle and log it, in one transaction; the lock if one began. */
async function recordOidcFailure(
	deps: AppDeps,
	context: AuditContext,
	username: string,
	reason: OidcFailure,
	detail: string,
	now: Date,
) {
	return inTransaction(deps.db, async (tx) => {
		const lockEnd =
			reason === "directory_unavailable"
				? null
				: await recordFailure(tx, context.tenantId, username, now);
		await recordAudit(tx, context, "auth.login_failed", { username, reason, detail });
		if (lockEnd)
			await recordAudit(tx, context, "auth.login_throttled", { username, until: lockEnd });
		return lockEnd;
	});
}

/**
 * Begin an OpenID Connect sign-in: discovery, then fresh state, nonce and PKCE verifier kept
 * server-side with a hash of a random browser secret (the caller puts the secret in a cookie),
 * so the callback is accepted once, within 10 minutes, in the browser that started it.
 */
export async function startOidcSignIn(deps: AppDeps, input: { tenant: string; ip: string | null }) {
	const now = new Date();
	const tenant = await findTenantBySlug(deps.db, input.tenant);
	const oidc = tenant ? await enabledOidc(deps, tenant.id) : null;
	if (!tenant || !oidc) throw new Problem("not_found", "this tenant has no OpenID Connect sign-in");
	const username = throttleKeyOf(input.ip);
	const locked = await lockedUntil(deps.db, tenant.id, username, now);
	if (locked) throw throttled(locked, now);
	const context = { tenantId: tenant.id, actorId: null, actorLabel: username, ip: input.ip };

	const config = await providerOrLog(deps, oidc.settings, oidc.secret, context, username, now);
	const checks = newChecks();
	const browserSecret = randomBytes(32).toString("base64url");
	await inTransaction(deps.db, async (tx) => {
		await deleteExpiredSignInRequests(tx, now.toISOString());
		await insertSignInRequest(tx, {
			state_hash: hash(checks.state),
			tenant_id: tenant.id,
			connection_id: oidc.row.id,
			nonce: checks.nonce,
			code_verifier: checks.codeVerifier,
			browser_hash: hash(browserSecret),
			created_at: now.toISOString(),
			expires_at: new Date(now.getTime() + REQUEST_TTL_MS).toISOString(),
			used_at: null,
		});
	});
	const url = await authorizationUrl(config, oidc.settings, checks);
	return { authorizationUrl: url.href, browserSecret };
}

async function providerOrLog(
	deps: AppDeps,
	settings: OidcSettings,
	secret: string,
	context: AuditContext,
	username: string,
	now: Date,
) {
	try {
		return await discoverProvider(settings, secret);
	} catch (error) {
		if (error instanceof Problem)
			await recordOidcFailure(deps, context, username, "directory_unavailable", error.message, now);
		throw error;
	}
}

export interface OidcCallbackInput {
	tenant: string;
	/** The query the provider sent the browser back with. */
	search: string;
	/** The secret of the browser's sign-in cookie, if it still has one. */
	browserSecret: string | null;
	ip: string | null;
	userAgent: string | null;
	replacesSessionId?: string | null;
}

/**
 * Finish an OpenID Connect sign-in at the login page's tenant: the state must be this tenant's,
 * unused, unexpired and from this browser; the code is exchanged and the ID token validated by
 * openid-client (JWKS signature, issuer, audience, nonce, times); then the claims are mapped
 * like an LDAP entry. A person who must use MFA skips Mamori's TOTP only when the token's
 * `amr`/`acr` carry one of the configured values. Every refusal is logged and throttled.
 */
export async function finishOidcSignIn(deps: AppDeps, input: OidcCallbackInput) {
	const now = new Date();
	const tenant = await findTenantBySlug(deps.db, input.tenant);
	const oidc = tenant ? await enabledOidc(deps, tenant.id) : null;
	if (!tenant || !oidc) throw new Problem("invalid_credentials", "no OpenID Connect sign-in");
	const throttleKey = throttleKeyOf(input.ip);
	const locked = await lockedUntil(deps.db, tenant.id, throttleKey, now);
	if (locked) throw throttled(locked, now);
	const context = { tenantId: tenant.id, actorId: null, actorLabel: throttleKey, ip: input.ip };

	const fail = async (reason: OidcFailure, detail: string, username = throttleKey) => {
		const until = await recordOidcFailure(deps, context, username, reason, detail, now);
		if (until) return throttled(until, now);
		if (reason === "not_in_roster")
			return refusal(
				"forbidden",
				"not_in_roster",
				"your directory entry has no account in the staff roster",
			);
		if (reason === "disabled") return new Problem("invalid_credentials", "the account is disabled");
		return refusal("invalid_credentials", reason as "oidc_state_invalid", `refused: ${detail}`);
	};

	const params = new URLSearchParams(input.search.replace(/^\?/, ""));
	const state = params.get("state");
	const request = state ? await findSignInRequest(deps.db, tenant.id, hash(state)) : undefined;
	if (!state || !request) throw await fail("oidc_state_invalid", "state_unknown");
	if (request.used_at) throw await fail("oidc_state_invalid", "state_replayed");
	if (Date.parse(request.expires_at) <= now.getTime())
		throw await fail("oidc_state_invalid", "state_expired");
	if (!input.browserSecret || hash(input.browserSecret) !== request.browser_hash)
		throw await fail("oidc_state_invalid", "state_other_browser");
	if (request.connection_id !== oidc.row.id)
		throw await fail("oidc_state_invalid", "state_other_connection");
	const first = await inTransaction(deps.db, (tx) =>
		useSignInRequest(tx, tenant.id, request.state_hash, now.toISOString()),
	);
	if (!first) throw await fail("oidc_state_invalid", "state_replayed");

	const config = await providerOrLog(deps, oidc.settings, oidc.secret, context, throttleKey, now);
	const callbackUrl = new URL(oidc.settings.redirectUri);
	callbackUrl.search = params.toString();
	let claims: Record<string, unknown>;
	try {
		claims = await exchangeCode(config, oidc.settings, callbackUrl, {
			state,
			nonce: request.nonce,
			codeVerifier: request.code_verifier,
		});
	} catch (error) {
		if (!(error instanceof Problem)) throw error;
		if (error.code === "directory_unavailable") {
			await recordOidcFailure(
				deps,
				context,
				throttleKey,
				"directory_unavailable",
				error.message,
				now,
			);
			throw error;
		}
		const reason =
			error.issues?.[0]?.code === "oidc_provider_refused"
				? "oidc_provider_refused"
				: "oidc_token_invalid";
		throw await fail(reason, String(error.issues?.[0]?.params?.detail ?? error.message));
	}

	const person = personOf(claims, oidc.settings);
	return startDirectorySession(deps, {
		tenantId: tenant.id,
		connectionId: oidc.row.id,
		person,
		throttleKey,
		context: { ...context, actorLabel: person.loginName ?? person.subject },
		fail: (reason) => fail(reason, reason, person.loginName ?? person.subject),
		secondFactorAtProvider: providerDidMfa(claims, oidc.settings),
		method: providerDidMfa(claims, oidc.settings) ? "oidc_provider_mfa" : "oidc",
		ip: input.ip,
		userAgent: input.userAgent,
		replacesSessionId: input.replacesSessionId,
	});
}

const text = (value: unknown): string | null =>
	typeof value === "string" && value.length > 0
		? value
		: typeof value === "number"
			? String(value)
			: null;

/** The claims as a directory person, by the configured claim names. */
export function personOf(claims: Record<string, unknown>, settings: OidcSettings): DirectoryPerson {
	const groups = claims[settings.claims.groups];
	return {
		subject: String(claims.sub),
		loginName: text(claims[settings.claims.loginName]),
		displayName: text(claims[settings.claims.displayName]),
		mail: text(claims[settings.claims.mail]),
		employeeNumber: text(claims[settings.claims.employeeNumber]),
		department: null,
		groups: Array.isArray(groups)
			? groups.map(text).filter((g): g is string => g !== null)
			: text(groups) !== null
				? [String(text(groups))]
				: [],
	};
}

/** The ID token says a second factor was used: an `amr` value or the `acr` the tenant accepts. */
export function providerDidMfa(claims: Record<string, unknown>, settings: OidcSettings): boolean {
	const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
	if (amr.some((value) => settings.mfaAmr.includes(value))) return true;
	return typeof claims.acr === "string" && settings.mfaAcr.includes(claims.acr);
}
