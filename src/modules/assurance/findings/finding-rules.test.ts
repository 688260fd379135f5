import assert from "node:assert/strict";
import { test } from "node:test";
import { Problem } from "../../../shared/problem.ts";
import {
	allowedSteps,
	type FindingFacts,
	type FindingRelation,
	type FindingStep,
	isOverdue,
	stepRefusal,
} from "./finding-rules.ts";

const nobody: FindingRelation = {
	accountId: "me",
	manages: false,
	oversees: false,
	verifies: false,
	accepts: false,
};
const manager = { ...nobody, manages: true };
const auditor = { ...nobody, verifies: true };
const ciso = { ...nobody, oversees: true, verifies: true, accepts: true };
const chief = { ...nobody, oversees: true, accepts: true };

const facts = (overrides: Partial<FindingFacts> = {}): FindingFacts => ({
	state: "open",
	doneBy: null,
	evidenceCount: 0,
	riskLinked: false,
	...overrides,
});

function refusedWith(step: FindingStep, relation: FindingRelation, at: FindingFacts) {
	const refused = stepRefusal(step, relation, at);
	assert.ok(refused instanceof Problem, `${step} should be refused`);
	return { code: refused.code, reason: refused.issues[0]?.code, params: refused.issues[0]?.params };
}

test("the owner unit's manager plans, adds evidence and marks done; the auditor verifies", () => {
	assert.deepEqual(allowedSteps(manager, facts()), [
		"finding.plan",
		"finding.add_evidence",
		"finding.link_risk",
	]);
	assert.deepEqual(allowedSteps(manager, facts({ state: "action_planned" })), [
		"finding.plan",
		"finding.add_evidence",
		"finding.complete",
		"finding.link_risk",
	]);
	assert.deepEqual(allowedSteps(auditor, facts({ state: "action_planned" })), []);
	assert.deepEqual(allowedSteps(auditor, facts({ state: "done", doneBy: "someone" })), [
		"finding.verify",
		"finding.reopen",
	]);
	assert.deepEqual(allowedSteps(manager, facts({ state: "done", doneBy: "me" })), [
		"finding.add_evidence",
		"finding.link_risk",
	]);
});

test("closed findings (verified, accepted as a risk) offer nothing to anyone", () => {
	for (const state of ["verified", "accepted_as_risk"] as const) {
		for (const relation of [manager, auditor, ciso, chief]) {
			assert.deepEqual(allowedSteps(relation, facts({ state, doneBy: "x" })), [], state);
		}
	}
});

test("a step from the wrong state is a conflict naming the step and the state", () => {
	for (const [step, state] of [
		["complete", "open"],
		["verify", "action_planned"],
		["reopen", "open"],
		["plan", "done"],
		["accept_risk", "verified"],
		["add_evidence", "accepted_as_risk"],
	] as const) {
		assert.deepEqual(
			refusedWith(step, ciso, facts({ state, evidenceCount: 1, riskLinked: true })),
			{
				code: "conflict",
				reason: "finding_step_not_allowed",
				params: { step, state },
			},
		);
	}
});

test("who may do what: managers and overseers act, auditors and the CISO verify, acceptors accept", () => {
	const planned = facts({ state: "action_planned", evidenceCount: 1 });
	const done = facts({ state: "done", doneBy: "owner" });
	assert.equal(stepRefusal("complete", manager, planned), null);
	assert.equal(stepRefusal("complete", chief, planned), null);
	assert.equal(refusedWith("complete", auditor, planned).reason, "finding_not_yours");
	assert.equal(refusedWith("plan", nobody, facts()).code, "forbidden");
	assert.equal(stepRefusal("verify", auditor, done), null);
	assert.equal(stepRefusal("verify", ciso, done), null);
	// 統括 sees and acts on everything, but verification is the auditors' and the CISO's.
	assert.equal(refusedWith("verify", chief, done).reason, "finding_not_yours");
	assert.equal(refusedWith("verify", manager, done).reason, "finding_not_yours");
	assert.equal(refusedWith("reopen", manager, done).reason, "finding_not_yours");
	const linked = facts({ riskLinked: true });
	assert.equal(stepRefusal("accept_risk", ciso, linked), null);
	assert.equal(refusedWith("accept_risk", manager, linked).reason, "finding_not_yours");
	assert.equal(refusedWith("accept_risk", auditor, linked).reason, "finding_not_yours");
});

test("the verifier is never the person who marked the action done", () => {
	const doneByMe = facts({ state: "done", doneBy: "me" });
	assert.deepEqual(refusedWith("verify", ciso, doneByMe), {
		code: "forbidden",
		reason: "finding_verifier_marked_done",
		params: {},
	});
	assert.ok(!allowedSteps(ciso, doneByMe).includes("finding.verify"));
	// Returning it is no verification: the one who marked it done may still be returned the work.
	assert.equal(stepRefusal("reopen", ciso, doneByMe), null);
});

test("done needs evidence; acceptance needs a linked risk; both are offered meanwhile", () => {
	const planned = facts({ state: "action_planned" });
	assert.equal(refusedWith("complete", manager, planned).reason, "finding_evidence_required");
	assert.ok(allowedSteps(manager, planned).includes("finding.complete"));
	assert.equal(refusedWith("accept_risk", ciso, facts()).reason, "finding_risk_required");
	assert.ok(allowedSteps(ciso, facts()).includes("finding.accept_risk"));
});

test("overdue: the action still owed and its due date passed", () => {
	const today = "2026-06-10";
	assert.equal(isOverdue({ state: "open", due_on: "2026-06-09" }, today), true);
	assert.equal(isOverdue({ state: "action_planned", due_on: "2026-06-09" }, today), true);
	assert.equal(isOverdue({ state: "action_planned", due_on: "2026-06-10" }, today), false);
	assert.equal(isOverdue({ state: "done", due_on: "2026-06-01" }, today), false);
	assert.equal(isOverdue({ state: "verified", due_on: "2026-06-01" }, today), false);
	assert.equal(isOverdue({ state: "open", due_on: null }, today), false);
});
