import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import type { AppDeps } from "../deps.ts";
import { resolveSession } from "../modules/auth/resolve-session.ts";
import { SessionCache } from "../modules/auth/session-cache.ts";
import { Problem } from "../shared/problem.ts";
import type { AppEnv } from "./context.ts";
import { CSRF_COOKIE, clearCookie, readCookie, SESSION_COOKIE } from "./cookies.ts";

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
		if (SAFE_METHODS.has(c.req.method)) return next();
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
