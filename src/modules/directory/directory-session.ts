import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import type { Problem } from "../../shared/problem.ts";
import { findAccount, rolesInForce, updateAccount } from "../accounts/accounts.repository.ts";
import { type AuditContext, recordAudit } from "../audit-log/record-audit.ts";
import { deleteSession, insertSession } from "../auth/sessions.repository.ts";
import { nextStage } from "../auth/stage.ts";
import { clearFailures } from "../auth/throttle.ts";
import type { HeldRole } from "../authz/roles.ts";
import { findStaffByNumber } from "../org/staff.repository.ts";
import { findLink, listMappings, upsertLink } from "./directory.repository.ts";
import {
	applyRoleDiff,
	diffRoles,
	directoryGrantsInForce,
	rolesForGroups,
} from "./role-mapping.ts";

/** A person as a directory (LDAP entry or OIDC claims) describes them. */
export interface DirectoryPerson {
	/** The entry's DN (LDAP) or the ID token's `sub` (OIDC). */
	subject: string;
	loginName: string | null;
	displayName: string | null;
	mail: string | null;
	employeeNumber: string | null;
	department: string | null;
	groups: string[];
}

export type DirectoryRefusal = "not_in_roster" | "disabled";

export interface DirectorySessionInput {
	tenantId: string;
	connectionId: string;
	person: DirectoryPerson;
	/** The name the throttle counted failures under; cleared on success. */
	throttleKey: string;
	context: AuditContext;
	/** Records the refusal (audit, throttle) and returns the problem to throw. */
	fail: (reason: DirectoryRefusal) => Promise<Problem>;
	/** The provider vouched for a second factor (OIDC amr/acr); never for an LDAP bind. */
	secondFactorAtProvider: boolean;
	method: "directory" | "oidc" | "oidc_provider_mfa";
	ip: string | null;
	userAgent: string | null;
	replacesSessionId?: string | null | undefined;
}

/**
 * After the directory has vouched for a person, the same for LDAP and OIDC: the roster's account
 * by employee number, the group mapping applied (every change an audit event), the link and the
 * directory's display name and mail kept, then a session at the next stage — Mamori's TOTP
 * unless the provider vouched for a second factor.
 */
export async function startDirectorySession(deps: AppDeps, input: DirectorySessionInput) {
	const { tenantId, person, context } = input;
	const nowIso = new Date().toISOString();
	const staff = person.employeeNumber
		? await findStaffByNumber(deps.db, tenantId, person.employeeNumber)
		: undefined;
	const account = staff ? await findAccount(deps.db, tenantId, staff.account_id) : undefined;
	if (!account) throw await input.fail("not_in_roster");
	if (account.disabled_at) throw await input.fail("disabled");

	const mappings = await listMappings(deps.db, tenantId, input.connectionId);
	const wanted = rolesForGroups(mappings, person.groups);
	return inTransaction(deps.db, async (tx) => {
		const actorContext = { ...context, actorId: account.id, actorLabel: account.display_name };
		const current = await directoryGrantsInForce(
			tx,
			tenantId,
			input.connectionId,
			nowIso,
			account.id,
		);
		await applyRoleDiff(
			tx,
			{ ...actorContext, actorLabel: "directory" },
			{ tenantId, accountId: account.id, connectionId: input.connectionId },
			diffRoles(current, wanted),
			"sign_in",
			nowIso,
		);
		const subject = person.subject.toLowerCase();
		const link = await findLink(tx, tenantId, account.id);
		if (!link || link.subject !== subject || link.connection_id !== input.connectionId)
			await recordAudit(tx, actorContext, "directory.account_linked", {
				accountId: account.id,
				subject,
			});
		await upsertLink(tx, {
			account_id: account.id,
			tenant_id: tenantId,
			connection_id: input.connectionId,
			subject,
			login_name: person.loginName ?? input.throttleKey,
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
			await updateAccount(tx, tenantId, account.id, { ...patch, updated_at: nowIso });

		const roles: HeldRole[] = await rolesInForce(tx, tenantId, account.id, nowIso);
		let stage = nextStage(
			{ ...account, must_change_password: false },
			roles,
			input.secondFactorAtProvider,
		);
		// The provider's MFA is the second factor: no Mamori TOTP to enrol for it.
		if (input.secondFactorAtProvider && stage === "mfa_enroll") stage = "active";
		await clearFailures(tx, tenantId, input.throttleKey);
		if (input.replacesSessionId) await deleteSession(tx, input.replacesSessionId);
		const session = await insertSession(tx, {
			tenantId,
			accountId: account.id,
			stage,
			ip: input.ip,
			userAgent: input.userAgent,
			secondFactorAtProvider: input.secondFactorAtProvider,
		});
		if (stage !== "mfa_verify") {
			await recordAudit(
				tx,
				actorContext,
				"auth.login_succeeded",
				{ method: input.method },
				{ recordType: "account", recordId: account.id },
			);
		}
		return session;
	});
}
