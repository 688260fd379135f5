import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { refusal } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { findAccount, rolesInForce, updateAccount } from "../accounts/accounts.repository.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import { deleteSession, insertSession } from "../auth/sessions.repository.ts";
import { nextStage } from "../auth/stage.ts";
import { clearFailures, lockedUntil, recordFailure, throttled } from "../auth/throttle.ts";
import type { HeldRole } from "../authz/roles.ts";
import { findStaffByNumber } from "../org/staff.repository.ts";
import { findTenantBySlug } from "../tenants/tenants.repository.ts";
import { enabledLdap } from "./configure.ts";
import {
	findConnection,
	findLink,
	listMappings,
	localPasswordSetting,
	upsertLink,
} from "./directory.repository.ts";
import { checkDirectoryPassword } from "./ldap-client.ts";
import {
	applyRoleDiff,
	diffRoles,
	directoryGrantsInForce,
	rolesForGroups,
} from "./role-mapping.ts";

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
	const nowIso = now.toISOString();
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

	const staff = person.employeeNumber
		? await findStaffByNumber(deps.db, tenant.id, person.employeeNumber)
		: undefined;
	const account = staff ? await findAccount(deps.db, tenant.id, staff.account_id) : undefined;
	if (!account) throw await fail("not_in_roster");
	if (account.disabled_at) throw await fail("disabled");

	const mappings = await listMappings(deps.db, tenant.id, ldap.row.id);
	const wanted = rolesForGroups(mappings, groups);
	return inTransaction(deps.db, async (tx) => {
		const actorContext = { ...context, actorId: account.id, actorLabel: account.display_name };
		const current = await directoryGrantsInForce(tx, tenant.id, ldap.row.id, nowIso, account.id);
		await applyRoleDiff(
			tx,
			{ ...actorContext, actorLabel: "directory" },
			{ tenantId: tenant.id, accountId: account.id, connectionId: ldap.row.id },
			diffRoles(current, wanted),
			"sign_in",
			nowIso,
		);
		const link = await findLink(tx, tenant.id, account.id);
		if (!link)
			await recordAudit(tx, actorContext, "directory.account_linked", {
				accountId: account.id,
				subject: person.dn.toLowerCase(),
			});
		await upsertLink(tx, {
			account_id: account.id,
			tenant_id: tenant.id,
			connection_id: ldap.row.id,
			subject: person.dn.toLowerCase(),
			login_name: person.loginName ?? input.username,
			department: person.department,
			disabled_by_directory: false,
			last_sign_in_at: nowIso,
			last_synced_at: link?.last_synced_at ?? null,
		});
		const patch: Parameters<typeof updateAccount>[3] = {};
		if (person.displayName && person.displayName !== account.display_name)
			patch.display_name = person.displayName;
		if (person.mail && person.mail !== account.email) patch.email = person.mail;
		// The directory owns the password: the one-time local password is no longer to be changed.
		if (account.must_change_password) patch.must_change_password = false;
		if (Object.keys(patch).length > 0)
			await updateAccount(tx, tenant.id, account.id, { ...patch, updated_at: nowIso });

		const roles: HeldRole[] = await rolesInForce(tx, tenant.id, account.id, nowIso);
		const stage = nextStage({ ...account, must_change_password: false }, roles, false);
		await clearFailures(tx, tenant.id, input.username);
		if (input.replacesSessionId) await deleteSession(tx, input.replacesSessionId);
		const session = await insertSession(tx, {
			tenantId: tenant.id,
			accountId: account.id,
			stage,
			ip: input.ip,
			userAgent: input.userAgent,
		});
		if (stage !== "mfa_verify") {
			await recordAudit(
				tx,
				actorContext,
				"auth.login_succeeded",
				{ method: "directory" },
				{
					recordType: "account",
					recordId: account.id,
				},
			);
		}
		return session;
	});
}

/** What the login page offers for a tenant: directory first, local password second. */
export async function signInOptions(deps: AppDeps, slug: string) {
	const tenant = await findTenantBySlug(deps.db, slug);
	if (!tenant) return { directory: null, localPassword: true };
	const ldap = await findConnection(deps.db, tenant.id, "ldap");
	return {
		directory: ldap?.enabled ? ("ldap" as const) : null,
		localPassword: (await localPasswordSetting(deps.db, tenant.id)) === "everyone",
	};
}
