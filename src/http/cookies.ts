import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "./context.ts";

export const SESSION_COOKIE = "mamori_session";
export const CSRF_COOKIE = "mamori_csrf";
/** The browser secret of an OpenID Connect sign-in under way (its start to its callback). */
export const OIDC_COOKIE = "mamori_oidc";

/** Secure cookies when the request arrived over TLS (directly, or through a trusted proxy). */
export function isSecure(c: AppContext, trustProxy: boolean): boolean {
	if (new URL(c.req.url).protocol === "https:") return true;
	return trustProxy && c.req.header("x-forwarded-proto") === "https";
}

function options(c: AppContext, trustProxy: boolean) {
	return {
		httpOnly: true,
		sameSite: "Strict",
		path: "/",
		secure: isSecure(c, trustProxy),
	} as const;
}

export function readCookie(c: AppContext, name: string): string | undefined {
	return getCookie(c, name);
}

export function writeCookie(c: AppContext, name: string, value: string, trustProxy: boolean): void {
	setCookie(c, name, value, options(c, trustProxy));
}

export function clearCookie(c: AppContext, name: string, trustProxy: boolean): void {
	deleteCookie(c, name, options(c, trustProxy));
}
