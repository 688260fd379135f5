import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

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
	strictTransportSecurity: "max-age=31536000",
	xFrameOptions: "DENY",
	permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** The API docs page: Swagger UI sets inline styles, so styles (never scripts) are relaxed there. */
const docs = secureHeaders({
	contentSecurityPolicy: { ...base, styleSrc: ["'self'", "'unsafe-inline'"] },
	referrerPolicy: "no-referrer",
	xFrameOptions: "DENY",
});

/** Security headers with a strict CSP (no inline script anywhere). */
export function securityHeaders(): MiddlewareHandler {
	return (c, next) => (c.req.path.startsWith("/api/docs") ? docs(c, next) : strict(c, next));
}
