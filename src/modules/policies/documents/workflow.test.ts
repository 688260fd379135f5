import assert from "node:assert/strict";
import { test } from "node:test";
import { Problem } from "../../../shared/problem.ts";
import { nextStatus, TRANSITIONS, transitionsFrom, VERSION_STATUSES } from "./workflow.ts";

test("a version moves draft → in review → approved → published → superseded", () => {
	assert.equal(nextStatus("draft", "submit"), "in_review");
	assert.equal(nextStatus("in_review", "return"), "draft");
	assert.equal(nextStatus("in_review", "approve"), "approved");
	assert.equal(nextStatus("approved", "publish"), "published");
	assert.equal(nextStatus("published", "supersede"), "superseded");
});

test("no other move is allowed: steps cannot be skipped or repeated", () => {
	const allowed = new Set([
		"draft:submit",
		"in_review:return",
		"in_review:approve",
		"approved:publish",
		"published:supersede",
	]);
	for (const status of VERSION_STATUSES) {
		for (const transition of TRANSITIONS) {
			if (allowed.has(`${status}:${transition}`)) continue;
			assert.throws(
				() => nextStatus(status, transition),
				(e: unknown) => e instanceof Problem && e.code === "conflict",
				`${status} ${transition}`,
			);
		}
	}
});

test("the transitions offered per status", () => {
	assert.deepEqual(transitionsFrom("in_review"), ["return", "approve"]);
	assert.deepEqual(transitionsFrom("superseded"), []);
});
