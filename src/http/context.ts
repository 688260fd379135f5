import type { Context } from "hono";
import { actorOf, type RequestAuth } from "../modules/auth/resolve-session.ts";
import type { SessionStage } from "../modules/auth/sessions.repository.ts";
import type { Actor } from "../modules/authz/roles.ts";
import { refusal } from "../shared/issues.ts";
import { Problem } from "../shared/problem.ts";

export type AppEnv = {
	Variables: {
		auth: RequestAuth | null;
		ip: string | null;
		/** A machine client calling with an API token (bearerAuth); never together with `auth`. */
		machine: Actor | null;
	};
};

export type AppContext = Context<AppEnv>;

const STAGE_PROBLEMS: Record<Exclude<SessionStage, "active">, Problem> = {
	mfa_verify: new Problem("mfa_verification_required", "enter your second factor to continue"),
	password_change: new Problem("password_change_required", "set a new password to continue"),
	mfa_enroll: new Problem("mfa_enrollment_required", "enrol a TOTP authenticator to continue"),
};

/**
 * The session of the request, at one of the allowed login stages (default: fully logged in).
 * Throws `unauthenticated` without a session and a stage problem when a login step is pending.
 */
export function requireAuth(
	c: AppContext,
	allowed: readonly SessionStage[] = ["active"],
): RequestAuth {
	if (c.get("machine")) {
		throw new Problem("api_token_not_allowed", "this operation cannot be called with a token");
	}
	const auth = c.get("auth");
	if (!auth) throw new Problem("unauthenticated", "log in first");
	if (!allowed.includes(auth.stage)) {
		throw auth.stage === "active"
			? refusal("conflict", "login_step_done", "this login step is already done")
			: STAGE_PROBLEMS[auth.stage];
	}
	return auth;
}

/** The fully logged-in caller, as the actor of a use case. */
export function requireActor(c: AppContext): Actor {
	return c.get("machine") ?? actorOf(requireAuth(c), c.get("ip"));
}
