import { definePolicy } from "../authz/policy.ts";

/**
 * Who may use 例外措置 at all; `exception-desk.ts` then narrows each person to their exceptions
 * (the 管理者 of the requesting unit and those above it; the CISO, 統括 and auditors see all) and
 * `exception-rules.ts` narrows the decision to the approver and delegate the pack names
 * (`organisation.approvals.exception`).
 */
export const exceptionsPolicy = definePolicy({
	"exception.read": ["ciso", "chief_officer", "department_officer", "section_manager", "auditor"],
	/** Request (or renew, or withdraw) an exception for a unit one manages. */
	"exception.request": ["ciso", "chief_officer", "department_officer", "section_manager"],
	/** The ceiling of deciding; the pack narrows it to its approver and delegate. */
	"exception.decide": ["ciso", "chief_officer"],
	/** The periodic report of exceptions (CSV / XLSX). */
	"exception.export": ["ciso", "chief_officer", "auditor"],
});

export type ExceptionAction = keyof typeof exceptionsPolicy;
