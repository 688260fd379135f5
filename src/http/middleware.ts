import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppDeps } from "../deps.ts";
import { recordTokenCall } from "../modules/api-tokens/record-token-call.ts";
import { machineActor, resolveApiToken } from "../modules/api-tokens/resolve-api-token.ts";
import type { ApiScope } from "../modules/api-tokens/scopes.ts";
import { tallyAudits } from "../modules/audit-log/audit-tally.ts";
import { resolveSession } from "../modules/auth/resolve-session.ts";
import { SessionCache } from "../modules/auth/session-cache.ts";
import { Problem } from "../shared/problem.ts";
import type { AppEnv } from "./context.ts";
import { CSRF_COOKIE, clearCookie, readCookie, SESSION_COOKIE } from "./cookies.ts";
import type { RateLimiter } from "./rate-limit.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The client address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(trustProxy: boolean): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		let ip: string | null = null;
		if (trustProxy) ip = c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || null;
		if (!ip) {
			try {
				ip = getConnInfo(c).remote.address ?? null;
			} catch {
				ip = null; // in-process requests (tests) have no socket
			}
		}
		c.set("ip", ip);
		await next();
	};
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token scopes an operation declares (its `apiToken` security), by "METHOD /api/path/{id}". */
export type TokenScopes = (method: string, path: string) => readonly ApiScope[];

/**
 * Machine clients: a request with `Authorization: Bearer <token>` is answered for the token
 * alone. The token is refused at once when unknown, expired or revoked (401), when the operation
 * lists none of its scopes (403 `api_token_scope_missing`, or `api_token_not_allowed` for an
 * operation open to no token: accounts, roles, tokens), or past its rate (429). Otherwise the
 * call acts as the client with the roles of the scope that admitted it. Every call but those past
 * the rate is audited as the client: by its use case, or here as `api_token.called` (reads, and
 * calls refused or failed). The session cookie is
 * never read for such a request and CSRF does not apply (a browser cannot send the header
 * cross-origin), so a bearer call cannot ride a session.
 */
export function bearerAuth(
	deps: AppDeps,
	scopesOf: TokenScopes,
	limiter: RateLimiter,
): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		c.set("machine", null);
		const header = c.req.header("authorization");
		if (!header || !/^bearer\b/i.test(header)) return next();
		const token = BEARER.exec(header)?.[1];
		if (!token) throw new Problem("api_token_invalid", "send Authorization: Bearer <token>");
		const auth = await resolveApiToken(deps.db, token);
		const route = matchedRoutes(c).find((r) => r.method !== "ALL");
		const path = route?.path.replace(/:(\w+)/g, "{$1}");
		const declared = path ? scopesOf(c.req.method, path) : [];
		// Every call is audited as the client: here when no use case of the call did.
		const audit = (status: number) =>
			recordTokenCall(deps.db, auth, c.get("ip"), {
				method: c.req.method,
				route: path ?? c.req.path,
				path: c.req.path,
				status,
			});
		if (declared.length === 0) {
			await audit(403);
			throw new Problem("api_token_not_allowed", "this operation cannot be called with a token");
		}
		const scope = declared.find((s) => auth.scopes.includes(s));
		if (!scope) {
			await audit(403);
			throw new Problem(
				"api_token_scope_missing",
				`this operation needs ${declared.join(" or ")}`,
				{
					params: { scopes: declared.join(",") },
				},
			);
		}
		// Past its rate the call is refused unaudited: a flood must not fill the audit log.
		const wait = limiter.take(auth.token.id);
		if (wait > 0) {
			throw new Problem("rate_limited", "too many calls with this token", {
				retryAfterSeconds: wait,
			});
		}
		const actor = machineActor(auth, scope, c.get("ip"));
		c.set("machine", actor);
		const { tally } = await tallyAudits(() => next());
		// A failed call's own events rolled back with it; a read has none.
		if (c.res.status >= 400 || !tally.get(actor.accountId)) await audit(c.res.status);
	};
}

/**
 * Load the session named by the cookie; a stale cookie is cleared. Reads (GET, HEAD, OPTIONS) may
 * reuse a login state this process resolved less than `SESSION_CACHE_TTL_MS` ago; any other
 * request resolves it afresh and, once answered, empties the cache, since it may have revoked a
 * session, disabled an account or changed roles. Other processes see such a change when their
 * entry expires (see `session-cache.ts`).
 */
export function loadSession(
	deps: AppDeps,
	cache: SessionCache = new SessionCache(),
): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		if (c.get("machine")) {
			c.set("auth", null);
			return next();
		}
		const token = readCookie(c, SESSION_COOKIE);
		const read = SAFE_METHODS.has(c.req.method);
		let auth = null;
		if (token) {
			auth = read
				? await cache.resolve(token, () => resolveSession(deps, token))
				: await resolveSession(deps, token);
			if (!auth) clearCookie(c, SESSION_COOKIE, deps.config.trustProxy);
		}
		c.set("auth", auth);
		if (read) return next();
		try {
			await next();
		} finally {
			cache.clear();
		}
	};
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF defence for every state-changing request: the `X-CSRF-Token` header must equal the
 * HttpOnly CSRF cookie (double submit) and, once logged in, the session's own token. A foreign
 * `Origin` is refused outright. Cookies are SameSite=Strict besides.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		if (SAFE_METHODS.has(c.req.method) || c.get("machine")) return next();
		const origin = c.req.header("origin");
		if (origin && origin !== "null") {
			const host = c.req.header("host") ?? new URL(c.req.url).host;
			let originHost: string;
			try {
				originHost = new URL(origin).host;
			} catch {
				originHost = "";
			}
			if (originHost !== host) throw new Problem("csrf_failed", "cross-origin request refused");
		}
		const header = c.req.header("x-csrf-token");
		const cookie = readCookie(c, CSRF_COOKIE);
		if (!header || !cookie || !same(header, cookie)) {
			throw new Problem("csrf_failed", "missing or wrong CSRF token; reload the page");
		}
		const auth = c.get("auth");
		if (auth && !same(header, auth.session.csrf_token)) {
			throw new Problem(
				"csrf_failed",
				"the CSRF token does not belong to this session; reload the page",
			);
		}
		await next();
	};
}
