import type { Tx } from "../../db/transaction.ts";
import { ruleIssue } from "../../shared/issues.ts";
import { Problem } from "../../shared/problem.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { invalid } from "./case-rules.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import type { IncidentRow } from "./incidents.repository.ts";

/** Checks shared by the task use cases. */

/** A task's owner must be an active account of the tenant; returns the owner's name. */
export async function assertTaskOwner(
	tx: Tx,
	desk: IncidentDesk,
	ownerId: string,
): Promise<string> {
	const account = await findAccount(tx, desk.actor.tenantId, ownerId);
	if (!account || account.disabled_at !== null) {
		throw new Problem("validation_failed", "ownerId: no such active account in this tenant", {
			issues: [ruleIssue("ownerId", "account_unknown", "no such active account in this tenant")],
		});
	}
	return account.display_name;
}

/** A due date is a Japan date from today on. */
export function assertDueDate(desk: IncidentDesk, dueOn: string): void {
	if (dueOn < desk.today) {
		throw invalid([
			{
				path: "dueOn",
				code: "due_in_past",
				params: { today: desk.today },
				message: "lies in the past",
			},
		]);
	}
}

/** Tasks are not given on a case rejected as not an incident. */
export function assertNotRejected(row: Pick<IncidentRow, "state">): void {
	if (row.state === "rejected") {
		throw new Problem("conflict", "the case was rejected as not an incident", {
			issues: [{ path: "state", code: "case_rejected", params: {}, message: "rejected" }],
		});
	}
}

/** The task was changed by someone else since the caller read it. */
export function staleTask(): Problem {
	return new Problem("conflict", "the task was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload the task" }],
	});
}

/** The task is done already. */
export function taskDone(): Problem {
	return new Problem("conflict", "the task is done already", {
		issues: [{ path: "done", code: "task_done", params: {}, message: "done already" }],
	});
}
