import { refusal } from "../../../shared/issues.ts";
import type { Problem } from "../../../shared/problem.ts";
import type { FindingState } from "./findings.schemas.ts";

/** How the caller stands to one finding (worked out by `finding-desk.ts`). */
export interface FindingRelation {
	accountId: string;
	/** A 管理者 of the owner unit, or of a unit above it. */
	manages: boolean;
	/** The CISO or 統括 (the IT-policy section): acts on every finding. */
	oversees: boolean;
	/** An auditor who sees the finding, or the CISO. */
	verifies: boolean;
	/** Accepts risks under the tenant's pack (the CISO, or the 例外措置 delegate). */
	accepts: boolean;
}

/** What the rules read of a finding. */
export interface FindingFacts {
	state: FindingState;
	/** Who marked the corrective action done. */
	doneBy: string | null;
	evidenceCount: number;
	riskLinked: boolean;
}

type Who = "acts" | "verifies" | "accepts";

/**
 * The steps of a finding. Planning may be repeated until the action is done (a new plan, a new
 * due date); evidence and a risk link may be added until the finding is closed; a verifier either
 * confirms the action (verified) or returns it (action_planned again).
 */
export const FINDING_STEPS = {
	plan: { from: ["open", "action_planned"], to: "action_planned", who: "acts" },
	add_evidence: { from: ["open", "action_planned", "done"], to: null, who: "acts" },
	complete: { from: ["action_planned"], to: "done", who: "acts" },
	verify: { from: ["done"], to: "verified", who: "verifies" },
	reopen: { from: ["done"], to: "action_planned", who: "verifies" },
	link_risk: { from: ["open", "action_planned", "done"], to: null, who: "acts" },
	accept_risk: { from: ["open", "action_planned", "done"], to: "accepted_as_risk", who: "accepts" },
} as const satisfies Record<
	string,
	{ from: readonly FindingState[]; to: FindingState | null; who: Who }
>;
export type FindingStep = keyof typeof FINDING_STEPS;
export const STEP_NAMES = Object.keys(FINDING_STEPS) as FindingStep[];

/** States in which a finding is finished: nothing more is done to it. */
export const CLOSED_STATES: readonly FindingState[] = ["verified", "accepted_as_risk"];
/** States in which the corrective action is still owed: past its due date they are overdue. */
export const ACTION_OWED: readonly FindingState[] = ["open", "action_planned"];

function mayAct(who: Who, relation: FindingRelation): boolean {
	if (who === "acts") return relation.manages || relation.oversees;
	if (who === "verifies") return relation.verifies;
	return relation.accepts;
}

/**
 * Why the caller may not take `step` on the finding now, as the problem to throw, or null when
 * they may. Checked in this order: the state, the caller's part, then the step's own guard (the
 * verifier is not who marked it done; done needs evidence; acceptance needs a linked risk).
 *
 * @example
 * const refused = stepRefusal("verify", relation, facts); if (refused) throw refused;
 */
export function stepRefusal(
	step: FindingStep,
	relation: FindingRelation,
	facts: FindingFacts,
): Problem | null {
	const rule = FINDING_STEPS[step];
	if (!(rule.from as readonly FindingState[]).includes(facts.state)) {
		return refusal(
			"conflict",
			"finding_step_not_allowed",
			`a finding in state ${facts.state} cannot be given "${step}"`,
			{ step, state: facts.state },
		);
	}
	if (!mayAct(rule.who, relation)) {
		return refusal(
			"forbidden",
			"finding_not_yours",
			`your part in this finding does not allow "${step}"`,
			{
				step,
			},
		);
	}
	if (step === "verify" && facts.doneBy === relation.accountId) {
		return refusal(
			"forbidden",
			"finding_verifier_marked_done",
			"the person who marked the action done cannot verify it",
		);
	}
	if (step === "complete" && facts.evidenceCount === 0) {
		return refusal(
			"conflict",
			"finding_evidence_required",
			"add evidence of the corrective action before marking it done",
		);
	}
	if (step === "accept_risk" && !facts.riskLinked) {
		return refusal(
			"conflict",
			"finding_risk_required",
			"link a risk of the register before accepting the finding as a risk",
		);
	}
	return null;
}

/** Throw the refusal of `step`, if any. */
export function assertStep(
	step: FindingStep,
	relation: FindingRelation,
	facts: FindingFacts,
): void {
	const refused = stepRefusal(step, relation, facts);
	if (refused) throw refused;
}

/**
 * The steps the caller may take now, as the actions the API lists (`finding.plan`, …). A step
 * whose only hindrance is its own guard (no evidence yet, no risk linked) is still listed, so the
 * page offers it and says what is missing; state and role decide what is offered.
 *
 * @example
 * allowedSteps(relation, facts); // ["finding.plan", "finding.add_evidence", "finding.link_risk"]
 */
export function allowedSteps(
	relation: FindingRelation,
	facts: FindingFacts,
): `finding.${FindingStep}`[] {
	return STEP_NAMES.filter((step) => {
		const rule = FINDING_STEPS[step];
		if (!(rule.from as readonly FindingState[]).includes(facts.state)) return false;
		if (!mayAct(rule.who, relation)) return false;
		return !(step === "verify" && facts.doneBy === relation.accountId);
	}).map((step) => `finding.${step}` as const);
}

/** Whether a finding is overdue on `today`: its action owed and its due date passed. */
export function isOverdue(
	finding: { state: string; due_on: string | null },
	today: string,
): boolean {
	return (
		finding.due_on !== null &&
		finding.due_on < today &&
		(ACTION_OWED as readonly string[]).includes(finding.state)
	);
}
