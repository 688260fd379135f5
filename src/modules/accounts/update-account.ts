import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { deleteAccountSessions } from "../auth/sessions.repository.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { accountsPolicy } from "./accounts.policy.ts";
import { accountSnapshot } from "./accounts.presenter.ts";
import { type AccountRow, updateAccount } from "./accounts.repository.ts";
import type { AccountUpdate } from "./accounts.schemas.ts";
import { accountOr404 } from "./create-account.ts";
import { assertMayManage } from "./instance-admin-guard.ts";

/** Change an account's details or disable it; disabling ends its sessions at once. */
export async function updateAccountDetails(
	tx: Tx,
	actor: Actor,
	accountId: string,
	input: AccountUpdate,
) {
	authorize(actor, accountsPolicy, "account.update");
	const before = await accountOr404(tx, actor, accountId);
	await assertMayManage(tx, actor, accountId);
	if (input.disabled === true && accountId === actor.accountId) {
		throw new Problem("conflict", "you cannot disable your own account", {
			issues: [ruleIssue("disabled", "own_account_disable", "own account")],
		});
	}
	const now = new Date().toISOString();
	const patch: Partial<AccountRow> = { updated_at: now };
	if (input.displayName !== undefined) patch.display_name = input.displayName;
	if (input.email !== undefined) patch.email = input.email;
	if (input.worksInMynumber !== undefined) patch.works_in_mynumber = input.worksInMynumber;
	if (input.disabled !== undefined)
		patch.disabled_at = input.disabled ? (before.disabled_at ?? now) : null;
	const after: AccountRow = { ...before, ...patch };
	await updateAccount(tx, actor.tenantId, accountId, patch);
	if (after.disabled_at && !before.disabled_at) await deleteAccountSessions(tx, accountId);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"account.updated",
		{ before: accountSnapshot(before), after: accountSnapshot(after) },
		{ recordType: "account", recordId: accountId },
	);
	return after;
}
