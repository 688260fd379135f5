import type { AnyIssueCode, IssueParams } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import type { AuditState, AuditStep } from "./audits.schemas.ts";
import type { IndependenceConflict } from "./independence.ts";

/** The steps of an audit: planned → fieldwork → reporting → closed. */
export const STEPS = {
	start_fieldwork: { from: "planned", to: "fieldwork" },
	start_reporting: { from: "fieldwork", to: "reporting" },
	close: { from: "reporting", to: "closed" },
} as const satisfies Record<AuditStep, { from: AuditState; to: AuditState }>;

/** States in which the plan, the team and the units may still change. */
const EDITABLE: ReadonlySet<string> = new Set<AuditState>(["planned", "fieldwork"]);

export function isEditable(state: string): boolean {
	return EDITABLE.has(state);
}

/**
 * The actions the API lists for an audit in `state` to one who manages audits.
 *
 * @example
 * auditActions("planned"); // ["assurance_audit.edit", "assurance_audit.start_fieldwork"]
 */
export function auditActions(state: AuditState): string[] {
	const steps = (Object.keys(STEPS) as AuditStep[])
		.filter((step) => STEPS[step].from === state)
		.map((step) => `assurance_audit.${step}`);
	return [...(isEditable(state) ? ["assurance_audit.edit"] : []), ...steps];
}

/**
 * The fiscal quarter of a month: April–June is the first, January–March the fourth.
 *
 * @example
 * quarterOfMonth(4); // 1
 * quarterOfMonth(3); // 4
 */
export function quarterOfMonth(month: number): number {
	return Math.floor(((month + 8) % 12) / 3) + 1;
}

/**
 * A unit's timing in a yearly plan: a month gives its quarter; a quarter alone stays; a month
 * outside the quarter given with it is refused (null).
 */
export function timingOf(
	quarter: number | null,
	month: number | null,
): { quarter: number | null; month: number | null } | null {
	if (month === null) return { quarter, month: null };
	const derived = quarterOfMonth(month);
	if (quarter !== null && quarter !== derived) return null;
	return { quarter: derived, month };
}

export interface AuditIssue {
	path: string;
	code: AnyIssueCode;
	params?: IssueParams;
	message: string;
}

/** Refuse input with one coded issue per problem; the web shows the catalogue text of `code`. */
export function invalid(issues: readonly AuditIssue[]): Problem {
	return new Problem(
		"validation_failed",
		issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "),
		{ issues: issues.map((issue) => ({ ...issue, params: issue.params ?? {} })) },
	);
}

/**
 * The refusal of a team that is not independent of the audited units: one issue per auditor,
 * unit and reason, naming them (and the role) for the catalogue text.
 */
export function notIndependent(conflicts: readonly IndependenceConflict[]): Problem {
	const issues = conflicts.map((c) => {
		const params = { auditor: c.auditor, unit: c.unit, via: c.via };
		return c.reason === "member"
			? {
					path: "(team)",
					code: "audit_auditor_member_of_unit" as const,
					params,
					message: `${c.auditor} belongs to ${c.via}`,
				}
			: {
					path: "(team)",
					code: "audit_auditor_holds_role_in_unit" as const,
					params: { ...params, role: c.role },
					message: `${c.auditor} is ${c.role} of ${c.via}`,
				};
	});
	return new Problem(
		"conflict",
		`auditors must be independent of the units they audit: ${issues.map((i) => i.message).join("; ")}`,
		{ issues },
	);
}

/** The step does not apply to the audit's state. */
export function stepRefused(step: AuditStep, state: string): Problem {
	return new Problem("conflict", `a ${state} audit cannot be given "${step}"`, {
		issues: [
			{ path: "step", code: "audit_step_not_allowed", params: { step, state }, message: state },
		],
	});
}

/** The audit is reported or closed: its plan, team and units stay as they were. */
export function notEditable(state: string): Problem {
	return new Problem("conflict", `a ${state} audit can no longer be changed`, {
		issues: [{ path: "", code: "audit_not_editable", params: { state }, message: state }],
	});
}

/** The record was changed by someone else since the caller read it. */
export function stale(): Problem {
	return new Problem("conflict", "changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}
