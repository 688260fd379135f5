import { ServerResponse } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";
import { isSecure } from "./cookies.ts";

type HeaderList = readonly (readonly [name: string, value: string])[];

const CSP = {
	"default-src": "'self'",
	"script-src": "'self'",
	"style-src": "'self'",
	"img-src": "'self' data:",
	"font-src": "'self'",
	"connect-src": "'self'",
	"object-src": "'none'",
	"base-uri": "'none'",
	"form-action": "'self'",
	"frame-ancestors": "'none'",
};

function csp(directives: Record<string, string>): string {
	return Object.entries(directives)
		.map(([name, sources]) => `${name} ${sources}`)
		.join("; ");
}

/** Headers every page carries; the same set Hono's `secureHeaders` gives, computed once. */
const COMMON: HeaderList = [
	["cross-origin-opener-policy", "same-origin"],
	["cross-origin-resource-policy", "same-origin"],
	["origin-agent-cluster", "?1"],
	["referrer-policy", "no-referrer"],
	["x-content-type-options", "nosniff"],
	["x-dns-prefetch-control", "off"],
	["x-download-options", "noopen"],
	["x-frame-options", "DENY"],
	["x-permitted-cross-domain-policies", "none"],
	["x-xss-protection", "0"],
];

/** Strict CSP: no inline script or style anywhere. */
const STRICT: HeaderList = [
	["content-security-policy", csp(CSP)],
	["permissions-policy", "camera=(), microphone=(), geolocation=()"],
	...COMMON,
];

/** The API docs page: Swagger UI sets inline styles, so styles (never scripts) are relaxed there. */
const DOCS: HeaderList = [
	["content-security-policy", csp({ ...CSP, "style-src": "'self' 'unsafe-inline'" })],
	...COMMON,
];

const NO_STORE = ["cache-control", "no-store"] as const;

/**
 * JSON answers of the API. Nothing in them is ever rendered as a page, so they carry what the
 * OWASP REST Security Cheat Sheet asks of an API: no caching, a CSP that allows nothing (and no
 * framing), no sniffing, no referrer and no cross-origin reads; the page-only headers (permissions,
 * DNS prefetch, opener policy…) would cost every request for nothing.
 */
const API: HeaderList = [
	NO_STORE,
	["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
	["cross-origin-resource-policy", "same-origin"],
	["referrer-policy", "no-referrer"],
	["x-content-type-options", "nosniff"],
	["x-frame-options", "DENY"],
];
/** The API docs are a page, under /api: the page headers, and not cached like the rest of /api. */
const API_DOCS: HeaderList = [...DOCS, NO_STORE];

const HSTS = ["strict-transport-security", "max-age=31536000"] as const;
const STRICT_HTTPS: HeaderList = [...STRICT, HSTS];
const API_HTTPS: HeaderList = [...API, HSTS];
const API_DOCS_HTTPS: HeaderList = [...API_DOCS, HSTS];

/** The Node response behind a request served by @hono/node-server; none for `app.request()`. */
function nodeResponse(c: Context): ServerResponse | undefined {
	const env: unknown = c.env;
	if (typeof env !== "object" || env === null || !("outgoing" in env)) return undefined;
	return env.outgoing instanceof ServerResponse ? env.outgoing : undefined;
}

/**
 * A middleware adding fixed headers to every response, errors and streams included. Served by
 * Node, they go straight onto the `ServerResponse` before the handler runs (Node merges them into
 * the head it writes); setting them on the web `Response` instead would turn the plain header
 * record of @hono/node-server's fast path into a `Headers` object and cost more than the handler.
 * In-process requests (`app.request()`, the tests) get them on the `Response`.
 */
export function fixedHeaders(pick: (c: Context) => HeaderList): MiddlewareHandler {
	return async (c, next) => {
		const headers = pick(c);
		const outgoing = nodeResponse(c);
		if (outgoing) {
			for (const [name, value] of headers) outgoing.setHeader(name, value);
			return next();
		}
		await next();
		for (const [name, value] of headers) c.res.headers.set(name, value);
	};
}

/**
 * Security headers: a strict CSP (no inline script anywhere) on pages, the API set on JSON
 * answers under /api (with `Cache-Control: no-store`, so refusals by later middlewares such as
 * CSRF or the body limit are not cached either). HSTS only on a request that arrived over HTTPS,
 * directly or through a trusted proxy (`MAMORI_TRUST_PROXY=1` and `X-Forwarded-Proto: https`):
 * over plain HTTP it is ignored by browsers and misleads scanners.
 */
export function securityHeaders(trustProxy: boolean): MiddlewareHandler<AppEnv> {
	return fixedHeaders((c) => {
		const path = c.req.path;
		const secure = isSecure(c, trustProxy);
		if (!path.startsWith("/api/")) return secure ? STRICT_HTTPS : STRICT;
		if (path.startsWith("/api/docs")) return secure ? API_DOCS_HTTPS : API_DOCS;
		return secure ? API_HTTPS : API;
	});
}
