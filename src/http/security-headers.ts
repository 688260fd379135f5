import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./context.ts";
import { isSecure } from "./cookies.ts";

const base = {
	defaultSrc: ["'self'"],
	scriptSrc: ["'self'"],
	styleSrc: ["'self'"],
	imgSrc: ["'self'", "data:"],
	fontSrc: ["'self'"],
	connectSrc: ["'self'"],
	objectSrc: ["'none'"],
	baseUri: ["'none'"],
	formAction: ["'self'"],
	frameAncestors: ["'none'"],
};

const strict = secureHeaders({
	contentSecurityPolicy: base,
	referrerPolicy: "no-referrer",
	crossOriginResourcePolicy: "same-origin",
	crossOriginOpenerPolicy: "same-origin",
	// Sent by `securityHeaders` itself, on HTTPS only.
	strictTransportSecurity: false,
	xFrameOptions: "DENY",
	permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** The API docs page: Swagger UI sets inline styles, so styles (never scripts) are relaxed there. */
const docs = secureHeaders({
	contentSecurityPolicy: { ...base, styleSrc: ["'self'", "'unsafe-inline'"] },
	referrerPolicy: "no-referrer",
	strictTransportSecurity: false,
	xFrameOptions: "DENY",
});

const HSTS = "max-age=31536000";

/**
 * Security headers with a strict CSP (no inline script anywhere). HSTS only on a request that
 * arrived over HTTPS, directly or through a trusted proxy (`MAMORI_TRUST_PROXY=1` and
 * `X-Forwarded-Proto: https`): over plain HTTP it is ignored by browsers and misleads scanners.
 */
export function securityHeaders(trustProxy: boolean): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		await (c.req.path.startsWith("/api/docs") ? docs(c, next) : strict(c, next));
		if (isSecure(c, trustProxy)) c.header("strict-transport-security", HSTS);
	};
}
