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

const HSTS = ["strict-transport-security", "max-age=31536000"] as const;
const STRICT_HTTPS: HeaderList = [...STRICT, HSTS];
const DOCS_HTTPS: HeaderList = [...DOCS, HSTS];

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
 * Security headers with a strict CSP (no inline script anywhere). HSTS only on a request that
 * arrived over HTTPS, directly or through a trusted proxy (`MAMORI_TRUST_PROXY=1` and
 * `X-Forwarded-Proto: https`): over plain HTTP it is ignored by browsers and misleads scanners.
 */
export function securityHeaders(trustProxy: boolean): MiddlewareHandler<AppEnv> {
	return fixedHeaders((c) => {
		const docs = c.req.path.startsWith("/api/docs");
		if (isSecure(c, trustProxy)) return docs ? DOCS_HTTPS : STRICT_HTTPS;
		return docs ? DOCS : STRICT;
	});
}

const NO_STORE: HeaderList = [["cache-control", "no-store"]];

/** `Cache-Control: no-store`, for every API response. */
export function noStore(): MiddlewareHandler {
	return fixedHeaders(() => NO_STORE);
}
