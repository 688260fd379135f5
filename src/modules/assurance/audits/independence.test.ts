import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
	type AuditorAffiliation,
	independenceConflicts,
	rolesDuring,
	type UnitNode,
} from "./independence.ts";

/** 総務部 holds 総務課 (with its 文書係) and 人事課; 情報政策課 stands alone. */
const UNITS: UnitNode[] = [
	{ id: "dept", parentId: null, name: "総務部" },
	{ id: "soumu", parentId: "dept", name: "総務課" },
	{ id: "bunsho", parentId: "soumu", name: "文書係" },
	{ id: "jinji", parentId: "dept", name: "人事課" },
	{ id: "joho", parentId: null, name: "情報政策課" },
];

function auditor(overrides: Partial<AuditorAffiliation> = {}): AuditorAffiliation {
	return { accountId: "a1", name: "山田 太郎", memberOf: [], roles: [], ...overrides };
}

describe("independence of auditors", () => {
	test("an auditor of another unit, without roles in the audited one, may audit it", () => {
		const team = [auditor({ memberOf: ["joho"], roles: [{ role: "csirt", orgUnitId: null }] })];
		assert.deepEqual(independenceConflicts(UNITS, team, ["soumu", "jinji"]), []);
	});

	test("a member of the audited unit is refused, naming the auditor, the unit and why", () => {
		const conflicts = independenceConflicts(UNITS, [auditor({ memberOf: ["soumu"] })], ["soumu"]);
		assert.deepEqual(conflicts, [
			{
				accountId: "a1",
				auditor: "山田 太郎",
				unitId: "soumu",
				unit: "総務課",
				viaUnitId: "soumu",
				via: "総務課",
				reason: "member",
			},
		]);
	});

	test("a member of a unit inside the audited one belongs to it too", () => {
		const [conflict] = independenceConflicts(UNITS, [auditor({ memberOf: ["bunsho"] })], ["dept"]);
		assert.equal(conflict?.reason, "member");
		assert.equal(conflict?.unit, "総務部");
		assert.equal(conflict?.via, "文書係");
	});

	test("a member of the unit above does not belong to the audited unit", () => {
		assert.deepEqual(
			independenceConflicts(UNITS, [auditor({ memberOf: ["dept"] })], ["soumu"]),
			[],
		);
	});

	test("the unit's 管理者 (a role scoped to it) is refused with the role", () => {
		const team = [auditor({ roles: [{ role: "section_manager", orgUnitId: "soumu" }] })];
		const [conflict, ...rest] = independenceConflicts(UNITS, team, ["soumu"]);
		assert.deepEqual(rest, []);
		assert.equal(conflict?.reason, "role");
		assert.equal(conflict?.reason === "role" ? conflict.role : null, "section_manager");
		assert.equal(conflict?.via, "総務課");
	});

	test("a role for the unit above (責任者 of the department) or inside it conflicts too", () => {
		const above = [auditor({ roles: [{ role: "department_officer", orgUnitId: "dept" }] })];
		assert.equal(independenceConflicts(UNITS, above, ["soumu"])[0]?.via, "総務部");
		const inside = [auditor({ roles: [{ role: "system_admin", orgUnitId: "bunsho" }] })];
		assert.equal(independenceConflicts(UNITS, inside, ["dept"])[0]?.via, "文書係");
		const sibling = [auditor({ roles: [{ role: "section_manager", orgUnitId: "jinji" }] })];
		assert.deepEqual(independenceConflicts(UNITS, sibling, ["soumu"]), []);
	});

	test("tenant-wide roles are no role in a unit", () => {
		const team = [
			auditor({
				roles: [
					{ role: "ciso", orgUnitId: null },
					{ role: "auditor", orgUnitId: null },
				],
			}),
		];
		assert.deepEqual(independenceConflicts(UNITS, team, ["soumu", "dept", "joho"]), []);
	});

	test("every conflict of every auditor is listed: member and role-holder, each unit", () => {
		const team = [
			auditor({ accountId: "a1", name: "山田", memberOf: ["soumu"] }),
			auditor({
				accountId: "a2",
				name: "佐藤",
				memberOf: ["joho"],
				roles: [{ role: "section_manager", orgUnitId: "jinji" }],
			}),
			auditor({ accountId: "a3", name: "鈴木", memberOf: ["joho"] }),
		];
		const conflicts = independenceConflicts(UNITS, team, ["soumu", "jinji"]);
		assert.deepEqual(
			conflicts.map((c) => [c.auditor, c.unit, c.reason]),
			[
				["山田", "総務課", "member"],
				["佐藤", "人事課", "role"],
			],
		);
	});

	test("the same role held twice for a unit is one conflict; a unit named twice is checked once", () => {
		const team = [
			auditor({
				memberOf: ["soumu", "soumu"],
				roles: [
					{ role: "section_manager", orgUnitId: "soumu" },
					{ role: "section_manager", orgUnitId: "soumu" },
				],
			}),
		];
		const conflicts = independenceConflicts(UNITS, team, ["soumu", "soumu"]);
		assert.deepEqual(
			conflicts.map((c) => c.reason),
			["member", "role"],
		);
	});
});

describe("roles held while the audit runs", () => {
	const NOW = "2026-03-01T00:00:00.000Z";
	const END = "2026-06-30T15:00:00.000Z";
	const assignment = (valid_from: string, valid_to: string | null) => ({
		role: "section_manager",
		org_unit_id: "soumu",
		valid_from,
		valid_to,
	});

	test("held now, or dated to begin before the audit ends (an April transfer), counts", () => {
		assert.equal(rolesDuring([assignment("2020-04-01T00:00:00Z", null)], NOW, END).length, 1);
		assert.equal(rolesDuring([assignment("2026-04-01T00:00:00Z", null)], NOW, END).length, 1);
	});

	test("ended already, or beginning after the audit, does not", () => {
		assert.deepEqual(
			rolesDuring([assignment("2020-04-01T00:00:00Z", "2026-02-28T00:00:00Z")], NOW, END),
			[],
		);
		assert.deepEqual(rolesDuring([assignment("2026-07-01T00:00:00Z", null)], NOW, END), []);
	});

	test("an audit whose period is over checks the roles held now", () => {
		const past = "2025-01-01T00:00:00.000Z";
		assert.equal(rolesDuring([assignment("2020-04-01T00:00:00Z", null)], NOW, past).length, 1);
		assert.deepEqual(
			rolesDuring([assignment("2026-04-01T00:00:00Z", null)], NOW, past),
			[],
			"a role beginning later does not count for a finished period",
		);
	});
});
