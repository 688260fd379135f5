import assert from "node:assert/strict";
import { test } from "node:test";
import { Problem } from "../../../shared/problem.ts";
import { assertStep, stepsFrom } from "./drill-rules.ts";

test("a planned drill is held or cancelled; a held one recorded; the rest are done", () => {
	assert.deepEqual(stepsFrom("planned"), ["drill.hold", "drill.cancel"]);
	assert.deepEqual(stepsFrom("held"), ["drill.record"]);
	assert.deepEqual(stepsFrom("recorded"), []);
	assert.deepEqual(stepsFrom("cancelled"), []);
});

test("a step from the wrong state is a conflict naming the step and the state", () => {
	assert.doesNotThrow(() => assertStep("record", "held"));
	for (const [step, state] of [
		["record", "planned"],
		["hold", "held"],
		["cancel", "held"],
		["hold", "cancelled"],
		["record", "recorded"],
	] as const) {
		assert.throws(
			() => assertStep(step, state),
			(error: unknown) =>
				error instanceof Problem &&
				error.code === "conflict" &&
				error.issues[0]?.code === "drill_step_not_allowed" &&
				error.issues[0]?.params?.step === step &&
				error.issues[0]?.params?.state === state,
		);
	}
});
