import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import { lockedUntil, recordFailure, throttled } from "../auth/throttle.ts";
import { findTenantBySlug } from "../tenants/tenants.repository.ts";
import { enabledLdap } from "./configure.ts";
import { findConnection, localPasswordSetting } from "./directory.repository.ts";
import { startDirectorySession } from "./directory-session.ts";
import { checkDirectoryPassword } from "./ldap-client.ts";

const INVALID = "the tenant, user name or password is not correct";

export interface DirectoryLoginInput {
	tenant: string;
	username: string;
	password: string;
	ip: string | null;
	userAgent: string | null;
	replacesSessionId?: string | null;
}

/**
 * Sign in with the tenant's directory (LDAP bind as the person). The same throttle as local
 * sign-in, keyed by the name typed; a refusal never says whether the name exists. The person is
 * the roster's account with the directory's employee number; the group mapping is applied
 * before the session starts; a person who must use MFA goes on to Mamori's TOTP (a bind is one
 * factor). A directory that does not answer is `directory_unavailable`, never a local fallback.
 */
export async function loginWithDirectory(deps: AppDeps, input: DirectoryLoginInput) {
	const now = new Date();
	const tenant = await findTenantBySlug(deps.db, input.tenant);
	const ldap = tenant ? await enabledLdap(deps, tenant.id) : null;
	if (!tenant || !ldap) throw new Problem("invalid_credentials", INVALID);
	const locked = await lockedUntil(deps.db, tenant.id, input.username, now);
	if (locked) throw throttled(locked, now);
	const context = { tenantId: tenant.id, actorId: null, actorLabel: input.username, ip: input.ip };

	const fail = async (reason: "bad_credentials" | "not_in_roster" | "disabled") => {
		const until = await inTransaction(deps.db, async (tx) => {
			const lockEnd = await recordFailure(tx, tenant.id, input.username, now);
			await recordAudit(tx, context, "auth.login_failed", { username: input.username, reason });
			if (lockEnd)
				await recordAudit(tx, context, "auth.login_throttled", {
					username: input.username,
					until: lockEnd,
				});
			return lockEnd;
		});
		if (until) return throttled(until, now);
		return reason === "not_in_roster"
			? refusal(
					"forbidden",
					"not_in_roster",
					"your directory entry has no account in the staff roster",
				)
			: new Problem("invalid_credentials", INVALID);
	};

	let check: Awaited<ReturnType<typeof checkDirectoryPassword>>;
	try {
		check = await checkDirectoryPassword(
			ldap.settings,
			ldap.secret,
			input.username,
			input.password,
		);
	} catch (error) {
		if (error instanceof Problem && error.code === "directory_unavailable") {
			await inTransaction(deps.db, (tx) =>
				recordAudit(tx, context, "auth.login_failed", {
					username: input.username,
					reason: "directory_unavailable",
				}),
			);
		}
		throw error;
	}
	if (check.outcome === "refused") throw await fail("bad_credentials");
	const { person, groups } = check;
	return startDirectorySession(deps, {
		tenantId: tenant.id,
		connectionId: ldap.row.id,
		person: {
			subject: person.dn,
			loginName: person.loginName ?? input.username,
			displayName: person.displayName,
			mail: person.mail,
			employeeNumber: person.employeeNumber,
			department: person.department,
			groups,
		},
		throttleKey: input.username,
		context,
		fail,
		// An LDAP bind is one factor.
		secondFactorAtProvider: false,
		method: "directory",
		ip: input.ip,
		userAgent: input.userAgent,
		replacesSessionId: input.replacesSessionId,
	});
}

/** What the login page offers for a tenant: directory first, local password second. */
export async function signInOptions(deps: AppDeps, slug: string) {
	const tenant = await findTenantBySlug(deps.db, slug);
	if (!tenant) return { directory: null, oidc: false, localPassword: true };
	const ldap = await findConnection(deps.db, tenant.id, "ldap");
	const oidc = await findConnection(deps.db, tenant.id, "oidc");
	return {
		directory: ldap?.enabled ? ("ldap" as const) : null,
		oidc: Boolean(oidc?.enabled),
		localPassword: (await localPasswordSetting(deps.db, tenant.id)) === "everyone",
	};
}
