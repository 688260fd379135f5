import * as client from "openid-client";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import type { OidcSettings } from "./oidc.schemas.ts";

/**
 * openid-client for one tenant's provider: discovery, the authorization URL (PKCE S256, state,
 * nonce) and the code exchange with the ID token checked against the provider's JWKS (signature
 * included: `enableNonRepudiationChecks`), its issuer, audience, nonce and times within the
 * tolerated clock skew. Every request is bounded by the settings' timeout. A provider that does
 * not answer is `directory_unavailable`, never a fallback; a token that fails a check is
 * `oidc_token_invalid`.
 */

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function unavailable(why: string): Problem {
	return new Problem("directory_unavailable", `the OpenID provider did not answer: ${why}`);
}

/** Plain http only to a provider on this machine (tests, a local proxy); https elsewhere. */
function insecureAllowed(issuer: string): boolean {
	const url = new URL(issuer);
	return url.protocol === "http:" && LOOPBACK.has(url.hostname);
}

/** The provider's configuration through discovery; any failure is `directory_unavailable`. */
export async function discoverProvider(
	settings: OidcSettings,
	clientSecret: string,
): Promise<client.Configuration> {
	const bounded: client.CustomFetch = (url, options) =>
		fetch(url, { ...options, signal: AbortSignal.timeout(settings.timeoutMs) } as RequestInit);
	const execute = [client.enableNonRepudiationChecks];
	if (insecureAllowed(settings.issuer)) execute.push(client.allowInsecureRequests);
	try {
		return await client.discovery(
			new URL(settings.issuer),
			settings.clientId,
			{ [client.clockTolerance]: settings.clockToleranceSeconds },
			client.ClientSecretBasic(clientSecret),
			{ execute, timeout: Math.ceil(settings.timeoutMs / 1000), [client.customFetch]: bounded },
		);
	} catch (error) {
		throw unavailable(describe(error));
	}
}

export interface AuthorizationChecks {
	state: string;
	nonce: string;
	codeVerifier: string;
}

/** Fresh state, nonce and PKCE verifier for one sign-in. */
export function newChecks(): AuthorizationChecks {
	return {
		state: client.randomState(),
		nonce: client.randomNonce(),
		codeVerifier: client.randomPKCECodeVerifier(),
	};
}

export async function authorizationUrl(
	config: client.Configuration,
	settings: OidcSettings,
	checks: AuthorizationChecks,
): Promise<URL> {
	return client.buildAuthorizationUrl(config, {
		redirect_uri: settings.redirectUri,
		scope: settings.scopes,
		state: checks.state,
		nonce: checks.nonce,
		code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
		code_challenge_method: "S256",
	});
}

/**
 * Exchange the code the browser came back with; the ID token's claims, completed from the
 * UserInfo endpoint for the claims it lacks (some providers keep them there).
 */
export async function exchangeCode(
	config: client.Configuration,
	settings: OidcSettings,
	callbackUrl: URL,
	checks: AuthorizationChecks,
): Promise<Record<string, unknown>> {
	try {
		const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
			pkceCodeVerifier: checks.codeVerifier,
			expectedState: checks.state,
			expectedNonce: checks.nonce,
			idTokenExpected: true,
		});
		const claims = tokens.claims();
		if (!claims) throw refusal("invalid_credentials", "oidc_token_invalid", "no ID token");
		const wanted = Object.values(settings.claims);
		const lacking = wanted.some((name) => claims[name] === undefined);
		if (lacking && config.serverMetadata().userinfo_endpoint) {
			const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
			return { ...info, ...claims };
		}
		return { ...claims };
	} catch (error) {
		throw classify(error);
	}
}

/** A refusal for what the provider or the token said; unavailable for what did not arrive. */
function classify(error: unknown): Problem {
	if (error instanceof Problem) return error;
	if (networkFailure(error)) return unavailable(describe(error));
	if (error instanceof client.ResponseBodyError && error.status >= 500)
		return unavailable(describe(error));
	if (
		error instanceof client.ClientError ||
		error instanceof client.ResponseBodyError ||
		error instanceof client.AuthorizationResponseError
	) {
		return refusal(
			"invalid_credentials",
			error instanceof client.AuthorizationResponseError
				? "oidc_provider_refused"
				: "oidc_token_invalid",
			`the sign-in was refused: ${describe(error)}`,
			{ detail: detailOf(error) },
		);
	}
	return unavailable(describe(error));
}

/** A lost connection or a timeout, anywhere in the cause chain. */
function networkFailure(error: unknown): boolean {
	for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
		if (e.name === "TimeoutError" || e.name === "AbortError") return true;
		if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
		if (
			"code" in e &&
			/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH)$/.test(String(e.code))
		)
			return true;
	}
	return false;
}

/** The library's stable code (`OAUTH_JWT_TIMESTAMP_CHECK_FAILED`) or the provider's `error`. */
function detailOf(error: Error): string {
	if (
		error instanceof client.ResponseBodyError ||
		error instanceof client.AuthorizationResponseError
	)
		return error.error;
	const code = (error as { code?: unknown }).code;
	return typeof code === "string" ? code : error.name;
}

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
	return `${error.message}${cause}`;
}
