import { randomBytes } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import type { AppContext } from "../../http/context.ts";
import { requireAuth } from "../../http/context.ts";
import {
	CSRF_COOKIE,
	clearCookie,
	OIDC_COOKIE,
	readCookie,
	SESSION_COOKIE,
	writeCookie,
} from "../../http/cookies.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	publicSecurity,
	sessionSecurity,
	throttledResponse,
} from "../../http/openapi.ts";
import { actionRoles, allPermissions } from "../authz/permissions.ts";
import { directoryLoginInputSchema, signInOptionsSchema } from "../directory/directory.schemas.ts";
import {
	oidcCallbackInputSchema,
	oidcStartInputSchema,
	oidcStartSchema,
} from "../directory/oidc.schemas.ts";
import { finishOidcSignIn, startOidcSignIn } from "../directory/oidc-sign-in.ts";
import { loginWithDirectory, signInOptions } from "../directory/sign-in.ts";
import { withoutAbsentMyNumber } from "../my-number/my-number-gate.ts";
import { withoutIdleSecureAreas } from "../secure-areas/secure-areas-gate.ts";
import { withoutAbsentSocialMedia } from "../social-media/social-media-gate.ts";
import { dateStyleOf } from "../tenants/tenant-settings.ts";
import { findTenant, listTenants } from "../tenants/tenants.repository.ts";
import { publicTenantSchema } from "../tenants/tenants.schemas.ts";
import {
	codeInputSchema,
	enrollmentResultSchema,
	enrollmentSchema,
	loginInputSchema,
	passwordChangeInputSchema,
	sessionInfoSchema,
	stageResultSchema,
} from "./auth.schemas.ts";
import { changeOwnPassword } from "./change-password.ts";
import { beginTotpEnrollment, confirmTotpEnrollment } from "./enroll-totp.ts";
import { loginWithPassword } from "./login.ts";
import { logout } from "./logout.ts";
import { actorOf, resolveSession } from "./resolve-session.ts";
import { verifySecondFactor } from "./second-factor.ts";
import type { SessionRow } from "./sessions.repository.ts";
import { mfaRequired } from "./stage.ts";

const tags = ["auth"];
const anyStage = ["mfa_verify", "password_change", "mfa_enroll", "active"] as const;

const routes = {
	tenants: createRoute({
		method: "get",
		path: "/auth/tenants",
		tags,
		security: publicSecurity,
		summary: "Tenants offered on the login screen",
		responses: { 200: jsonResponse(z.object({ items: z.array(publicTenantSchema) }), "Tenants") },
	}),
	session: createRoute({
		method: "get",
		path: "/auth/session",
		tags,
		security: publicSecurity,
		summary: "The caller's login state and CSRF token",
		responses: { 200: jsonResponse(sessionInfoSchema, "Login state") },
	}),
	login: createRoute({
		method: "post",
		path: "/auth/login",
		tags,
		security: publicSecurity,
		summary: "Log in with a password (first step)",
		request: { body: jsonBody(loginInputSchema) },
		responses: {
			200: jsonResponse(sessionInfoSchema, "Logged in; see stage for the next step"),
			...problemResponses,
			...throttledResponse,
		},
	}),
	signInOptions: createRoute({
		method: "get",
		path: "/auth/sign-in-options",
		tags,
		security: publicSecurity,
		summary: "How a tenant signs in: its directory first, local password second",
		request: { query: z.object({ tenant: z.string().min(1).max(100) }) },
		responses: { 200: jsonResponse(signInOptionsSchema, "Sign-in options"), ...problemResponses },
	}),
	directoryLogin: createRoute({
		method: "post",
		path: "/auth/directory/login",
		tags,
		security: publicSecurity,
		summary: "Log in with the tenant's directory (LDAP / Active Directory bind)",
		request: { body: jsonBody(directoryLoginInputSchema) },
		responses: {
			200: jsonResponse(sessionInfoSchema, "Logged in; see stage for the next step"),
			...problemResponses,
			...throttledResponse,
		},
	}),
	oidcStart: createRoute({
		method: "post",
		path: "/auth/oidc/start",
		tags,
		security: publicSecurity,
		summary: "Begin sign-in at the tenant's OpenID provider: the address to send the browser to",
		request: { body: jsonBody(oidcStartInputSchema) },
		responses: {
			200: jsonResponse(oidcStartSchema, "Where to send the browser"),
			...problemResponses,
			...throttledResponse,
		},
	}),
	oidcCallback: createRoute({
		method: "post",
		path: "/auth/oidc/callback",
		tags,
		security: publicSecurity,
		summary: "Finish OpenID Connect sign-in with the provider's answer (state used once)",
		request: { body: jsonBody(oidcCallbackInputSchema) },
		responses: {
			200: jsonResponse(sessionInfoSchema, "Logged in; see stage for the next step"),
			...problemResponses,
			...throttledResponse,
		},
	}),
	logout: createRoute({
		method: "post",
		path: "/auth/logout",
		tags,
		security: sessionSecurity,
		summary: "Log out",
		responses: { 204: { description: "Logged out" }, ...problemResponses },
	}),
	verify: createRoute({
		method: "post",
		path: "/auth/mfa/verify",
		tags,
		security: sessionSecurity,
		summary: "Second login step: a TOTP or recovery code",
		request: { body: jsonBody(codeInputSchema) },
		responses: {
			200: jsonResponse(stageResultSchema, "Verified"),
			...problemResponses,
			...throttledResponse,
		},
	}),
	password: createRoute({
		method: "post",
		path: "/auth/password",
		tags,
		security: sessionSecurity,
		summary: "Change one's own password (revokes other sessions)",
		request: { body: jsonBody(passwordChangeInputSchema) },
		responses: {
			200: jsonResponse(stageResultSchema, "Changed"),
			...problemResponses,
			...throttledResponse,
		},
	}),
	enrollBegin: createRoute({
		method: "post",
		path: "/auth/mfa/enrollment",
		tags,
		security: sessionSecurity,
		summary: "Start TOTP enrolment: secret and QR code",
		responses: { 200: jsonResponse(enrollmentSchema, "Enrolment started"), ...problemResponses },
	}),
	enrollConfirm: createRoute({
		method: "post",
		path: "/auth/mfa/enrollment/confirm",
		tags,
		security: sessionSecurity,
		summary: "Finish TOTP enrolment with a code; returns recovery codes once",
		request: { body: jsonBody(codeInputSchema) },
		responses: { 200: jsonResponse(enrollmentResultSchema, "Enrolled"), ...problemResponses },
	}),
};

/** Login, second factor, password change, TOTP enrolment, logout. */
export function authRoutes(deps: AppDeps) {
	const trustProxy = deps.config.trustProxy;

	async function sessionInfo(c: AppContext) {
		const auth = c.get("auth");
		let csrfToken = auth?.session.csrf_token ?? readCookie(c, CSRF_COOKIE);
		if (!csrfToken) csrfToken = randomBytes(24).toString("base64url");
		if (readCookie(c, CSRF_COOKIE) !== csrfToken)
			writeCookie(c, CSRF_COOKIE, csrfToken, trustProxy);
		if (!auth) return { csrfToken, session: null };
		const tenant = await findTenant(deps.db, auth.session.tenant_id);
		const actor = actorOf(auth, c.get("ip"));
		const codes: string[] = auth.account.recovery_codes
			? JSON.parse(auth.account.recovery_codes)
			: [];
		return {
			csrfToken,
			session: {
				stage: auth.stage,
				tenant: {
					slug: tenant?.slug ?? "",
					name: tenant?.name ?? "",
					dateStyle: dateStyleOf(tenant?.date_style),
				},
				account: {
					id: auth.account.id,
					username: auth.account.username,
					displayName: auth.account.display_name,
					mfaEnrolled: Boolean(auth.account.totp_enabled_at),
					mfaRequired: mfaRequired(auth.account, auth.roles),
					recoveryCodesLeft: codes.length,
				},
				roles: auth.roles,
				permissions:
					auth.stage === "active"
						? await withoutIdleSecureAreas(
								deps.db,
								actor,
								await withoutAbsentMyNumber(
									deps.db,
									actor,
									await withoutAbsentSocialMedia(deps.db, actor.tenantId, allPermissions(actor)),
								),
							)
						: [],
				actionRoles: auth.stage === "active" ? actionRoles() : {},
			},
		};
	}

	/**
	 * Hand the browser the session that replaced its own at a change of login stage: the cookie
	 * and the CSRF token, the way login does.
	 */
	function handOverSession(c: AppContext, renewed: { token: string; row: SessionRow }) {
		writeCookie(c, SESSION_COOKIE, renewed.token, trustProxy);
		writeCookie(c, CSRF_COOKIE, renewed.row.csrf_token, trustProxy);
		return renewed.row.csrf_token;
	}

	return createRouter()
		.openapi(routes.tenants, async (c) => {
			const tenants = await listTenants(deps.db);
			return c.json({ items: tenants.map((t) => ({ slug: t.slug, name: t.name })) }, 200);
		})
		.openapi(routes.session, async (c) => c.json(await sessionInfo(c), 200))
		.openapi(routes.login, async (c) => {
			const body = c.req.valid("json");
			const { token } = await loginWithPassword(deps, {
				tenant: body.tenant,
				username: body.username,
				password: body.password,
				ip: c.get("ip"),
				userAgent: c.req.header("user-agent") ?? null,
				replacesSessionId: c.get("auth")?.session.id ?? null,
			});
			writeCookie(c, SESSION_COOKIE, token, trustProxy);
			c.set("auth", await resolveSession(deps, token));
			return c.json(await sessionInfo(c), 200);
		})
		.openapi(routes.signInOptions, async (c) =>
			c.json(await signInOptions(deps, c.req.valid("query").tenant), 200),
		)
		.openapi(routes.directoryLogin, async (c) => {
			const body = c.req.valid("json");
			const { token } = await loginWithDirectory(deps, {
				...body,
				ip: c.get("ip"),
				userAgent: c.req.header("user-agent") ?? null,
				replacesSessionId: c.get("auth")?.session.id ?? null,
			});
			writeCookie(c, SESSION_COOKIE, token, trustProxy);
			c.set("auth", await resolveSession(deps, token));
			return c.json(await sessionInfo(c), 200);
		})
		.openapi(routes.oidcStart, async (c) => {
			const { authorizationUrl, browserSecret } = await startOidcSignIn(deps, {
				tenant: c.req.valid("json").tenant,
				ip: c.get("ip"),
			});
			writeCookie(c, OIDC_COOKIE, browserSecret, trustProxy);
			return c.json({ authorizationUrl }, 200);
		})
		.openapi(routes.oidcCallback, async (c) => {
			const body = c.req.valid("json");
			const browserSecret = readCookie(c, OIDC_COOKIE) ?? null;
			clearCookie(c, OIDC_COOKIE, trustProxy);
			const { token } = await finishOidcSignIn(deps, {
				...body,
				browserSecret,
				ip: c.get("ip"),
				userAgent: c.req.header("user-agent") ?? null,
				replacesSessionId: c.get("auth")?.session.id ?? null,
			});
			writeCookie(c, SESSION_COOKIE, token, trustProxy);
			c.set("auth", await resolveSession(deps, token));
			return c.json(await sessionInfo(c), 200);
		})
		.openapi(routes.logout, async (c) => {
			const auth = requireAuth(c, anyStage);
			await logout(deps, auth, c.get("ip"));
			clearCookie(c, SESSION_COOKIE, trustProxy);
			return c.body(null, 204);
		})
		.openapi(routes.verify, async (c) => {
			const auth = requireAuth(c, ["mfa_verify"]);
			const { stage, session } = await verifySecondFactor(
				deps,
				auth,
				c.req.valid("json").code,
				c.get("ip"),
			);
			return c.json({ stage, csrfToken: handOverSession(c, session) }, 200);
		})
		.openapi(routes.password, async (c) => {
			const auth = requireAuth(c, ["password_change", "mfa_enroll", "active"]);
			const { stage, session } = await changeOwnPassword(
				deps,
				auth,
				c.req.valid("json"),
				c.get("ip"),
			);
			return c.json({ stage, csrfToken: handOverSession(c, session) }, 200);
		})
		.openapi(routes.enrollBegin, async (c) => {
			const auth = requireAuth(c, ["mfa_enroll", "active"]);
			return c.json(await beginTotpEnrollment(deps, auth), 200);
		})
		.openapi(routes.enrollConfirm, async (c) => {
			const auth = requireAuth(c, ["mfa_enroll", "active"]);
			const { stage, recoveryCodes, session } = await confirmTotpEnrollment(
				deps,
				auth,
				c.req.valid("json").code,
				c.get("ip"),
			);
			return c.json({ stage, recoveryCodes, csrfToken: handOverSession(c, session) }, 200);
		});
}
