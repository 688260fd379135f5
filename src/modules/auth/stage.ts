import type { AccountRow } from "../accounts/accounts.repository.ts";
import { type HeldRole, isSecurityRole } from "../authz/roles.ts";
import type { SessionStage } from "./sessions.repository.ts";

/** MFA is mandatory for every security role and for anyone working in マイナンバー利用事務系. */
export function mfaRequired(account: AccountRow, roles: HeldRole[]): boolean {
	return Boolean(account.works_in_mynumber) || roles.some((held) => isSecurityRole(held.role));
}

/**
 * The next step a session must take: prove the second factor, replace a one-time password,
 * enrol TOTP where it is mandatory, then use the application.
 */
export function nextStage(
	account: AccountRow,
	roles: HeldRole[],
	secondFactorDone: boolean,
): SessionStage {
	if (account.totp_enabled_at && !secondFactorDone) return "mfa_verify";
	if (account.must_change_password) return "password_change";
	if (mfaRequired(account, roles) && !account.totp_enabled_at) return "mfa_enroll";
	return "active";
}
