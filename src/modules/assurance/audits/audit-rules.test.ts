import assert from "node:assert/strict";
import { test } from "node:test";
import { auditActions, notIndependent, quarterOfMonth, timingOf } from "./audit-rules.ts";

test("fiscal quarters start in April", () => {
	assert.deepEqual([4, 6, 7, 9, 10, 12, 1, 3].map(quarterOfMonth), [1, 1, 2, 2, 3, 3, 4, 4]);
});

test("a month gives its quarter; a quarter alone stays; a month outside its quarter is refused", () => {
	assert.deepEqual(timingOf(null, 11), { quarter: 3, month: 11 });
	assert.deepEqual(timingOf(3, 11), { quarter: 3, month: 11 });
	assert.deepEqual(timingOf(2, null), { quarter: 2, month: null });
	assert.deepEqual(timingOf(null, null), { quarter: null, month: null });
	assert.equal(timingOf(1, 11), null);
});

test("an audit is edited while planned or in fieldwork and moves one step at a time", () => {
	assert.deepEqual(auditActions("planned"), [
		"assurance_audit.edit",
		"assurance_audit.start_fieldwork",
	]);
	assert.deepEqual(auditActions("fieldwork"), [
		"assurance_audit.edit",
		"assurance_audit.start_reporting",
	]);
	assert.deepEqual(auditActions("reporting"), ["assurance_audit.close"]);
	assert.deepEqual(auditActions("closed"), []);
});

test("the independence refusal names auditor, unit, where and the role, one issue each", () => {
	const problem = notIndependent([
		{
			accountId: "a",
			auditor: "山田",
			unitId: "u",
			unit: "総務課",
			viaUnitId: "u",
			via: "総務課",
			reason: "member",
		},
		{
			accountId: "b",
			auditor: "佐藤",
			unitId: "u",
			unit: "総務課",
			viaUnitId: "d",
			via: "総務部",
			reason: "role",
			role: "department_officer",
		},
	]);
	assert.equal(problem.code, "conflict");
	assert.deepEqual(
		problem.issues.map((i) => [i.code, i.params]),
		[
			["audit_auditor_member_of_unit", { auditor: "山田", unit: "総務課", via: "総務課" }],
			[
				"audit_auditor_holds_role_in_unit",
				{ auditor: "佐藤", unit: "総務課", via: "総務部", role: "department_officer" },
			],
		],
	);
});
