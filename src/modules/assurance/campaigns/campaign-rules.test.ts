import assert from "node:assert/strict";
import { test } from "node:test";
import {
	answerFits,
	assignedCount,
	assignedTo,
	clauseOf,
	closesEarly,
	compliance,
	dueDateFits,
	percent,
} from "./campaign-rules.ts";

const staff = { asStaff: true, asManager: false, asSystemAdmin: false };
const manager = { asStaff: true, asManager: true, asSystemAdmin: false };

test("items go to the answerer kinds a respondent holds in the unit", () => {
	assert.equal(assignedTo("all_staff", staff), true);
	assert.equal(assignedTo("manager", staff), false);
	assert.equal(assignedTo("manager", manager), true);
	assert.equal(assignedTo("system_admin", manager), false);
	const byAnswerer = { all_staff: 100, manager: 15, system_admin: 5 };
	assert.equal(assignedCount(byAnswerer, staff), 100);
	assert.equal(assignedCount(byAnswerer, manager), 115);
	assert.equal(assignedCount(byAnswerer, { ...manager, asSystemAdmin: true }), 120);
});

test("compliance: yes complies, no does not, n/a is left out, only the top level complies", () => {
	assert.equal(compliance({ answer: "yes", levelIndex: null }, 0), 1);
	assert.equal(compliance({ answer: "no", levelIndex: null }, 0), 0);
	assert.equal(compliance({ answer: "na", levelIndex: null }, 0), null);
	assert.equal(compliance({ answer: "level", levelIndex: 2 }, 3), 1);
	assert.equal(compliance({ answer: "level", levelIndex: 1 }, 3), 0);
});

test("an answer must fit the item's scale", () => {
	assert.equal(answerFits({ answer: "yes", levelIndex: null }, "yes_no_na", 0), true);
	assert.equal(answerFits({ answer: "level", levelIndex: 0 }, "yes_no_na", 0), false);
	assert.equal(answerFits({ answer: "yes", levelIndex: 1 }, "yes_no_na", 0), false);
	assert.equal(answerFits({ answer: "level", levelIndex: 2 }, "level", 3), true);
	assert.equal(answerFits({ answer: "level", levelIndex: 3 }, "level", 3), false);
	assert.equal(answerFits({ answer: "yes", levelIndex: null }, "level", 3), false);
});

test("rates, clauses and due dates", () => {
	assert.equal(percent(1, 3), 33.3);
	assert.equal(percent(0, 0), null);
	assert.equal(clauseOf({ policy_clause: "6(2)", standards_chapter: "2.1" }), "6(2)");
	assert.equal(clauseOf({ policy_clause: null, standards_chapter: "2.1" }), "2.1");
	assert.equal(dueDateFits("2026-12-06", "2026-12-06"), true);
	assert.equal(dueDateFits("2026-12-05", "2026-12-06"), false);
});

test("closing before the due date has passed is early (a reason is asked)", () => {
	assert.equal(closesEarly("2026-06-29", "2026-06-30"), true);
	assert.equal(closesEarly("2026-06-30", "2026-06-30"), true, "answers are taken on the due date");
	assert.equal(closesEarly("2026-07-01", "2026-06-30"), false);
});
