import type { AnyIssueCode } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import type { DrillState } from "./drills.schemas.ts";

/** The steps of a drill: planned → held → recorded, or a planned drill cancelled. */
export const DRILL_STEPS = {
	hold: { from: ["planned"], to: "held" },
	record: { from: ["held"], to: "recorded" },
	cancel: { from: ["planned"], to: "cancelled" },
} as const satisfies Record<string, { from: readonly DrillState[]; to: DrillState }>;
export type DrillStep = keyof typeof DRILL_STEPS;

/**
 * The steps a drill in `state` offers, as the actions the API lists (`drill.hold`, …).
 *
 * @example
 * stepsFrom("planned"); // ["drill.hold", "drill.cancel"]
 */
export function stepsFrom(state: DrillState): `drill.${DrillStep}`[] {
	return (Object.keys(DRILL_STEPS) as DrillStep[])
		.filter((step) => (DRILL_STEPS[step].from as readonly DrillState[]).includes(state))
		.map((step) => `drill.${step}` as const);
}

export interface DrillIssue {
	path: string;
	code: AnyIssueCode;
	params?: Record<string, string | number>;
	message: string;
}

/**
 * Refuse bad input with one coded issue per field; the web shows the catalogue text of `code`.
 *
 * @example
 * throw invalid([{ path: "heldOn", code: "held_on_in_future", params: { today }, message: "…" }]);
 */
export function invalid(issues: readonly DrillIssue[]): Problem {
	return new Problem(
		"validation_failed",
		issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "),
		{ issues: issues.map((issue) => ({ ...issue, params: issue.params ?? {} })) },
	);
}

/** The step does not apply to the drill's state (a held drill cannot be cancelled). */
export function stepRefused(step: DrillStep, state: string): Problem {
	return new Problem("conflict", `a ${state} drill cannot be given "${step}"`, {
		issues: [
			{
				path: "(drill)",
				code: "drill_step_not_allowed",
				params: { step, state },
				message: `not from ${state}`,
			},
		],
	});
}

/** The drill was changed by someone else since the caller read it. */
export function staleDrill(): Problem {
	return new Problem("conflict", "the drill was changed by someone else; reload and try again", {
		issues: [{ path: "version", code: "stale_version", params: {}, message: "reload" }],
	});
}

/** Refuse the step unless the drill is in a state it applies to. */
export function assertStep(step: DrillStep, state: string): void {
	if (!(DRILL_STEPS[step].from as readonly string[]).includes(state)) {
		throw stepRefused(step, state);
	}
}
