import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import {
	type ChainHolder,
	chainOf,
	chainRecipients,
	escalates,
	rolesToTell,
} from "./chain-rules.ts";

const standard = loadBundledPack("standard");

// 総務部 (dept) ─ 総務課 (section) ─ 庶務係 (subsection); 市民部 (dept) ─ 市民課 (section)
const UNITS = [
	{ id: "soumu-bu", parent_id: null },
	{ id: "soumu-ka", parent_id: "soumu-bu" },
	{ id: "shomu-kakari", parent_id: "soumu-ka" },
	{ id: "shimin-bu", parent_id: null },
	{ id: "shimin-ka", parent_id: "shimin-bu" },
];

const HOLDERS: ChainHolder[] = [
	{ accountId: "kacho-soumu", role: "section_manager", orgUnitId: "soumu-ka" },
	{ accountId: "kacho-shimin", role: "section_manager", orgUnitId: "shimin-ka" },
	{ accountId: "bucho-soumu", role: "department_officer", orgUnitId: "soumu-bu" },
	{ accountId: "tokatsu", role: "chief_officer", orgUnitId: null },
	{ accountId: "ciso", role: "ciso", orgUnitId: null },
	// The CISO is also a CSIRT member: told once, as the first role of the chain they hold.
	{ accountId: "ciso", role: "csirt", orgUnitId: null },
];

describe("the reporting chain", () => {
	test("the standard pack's chain, by severity", () => {
		const chain = chainOf(standard, standard);
		assert.equal(chain.contactPoint, "csirt");
		assert.deepEqual(rolesToTell(chain, 1), ["section_manager"]);
		assert.deepEqual(rolesToTell(chain, 2), [
			"section_manager",
			"department_officer",
			"chief_officer",
		]);
		assert.deepEqual(rolesToTell(chain, 3), [
			"section_manager",
			"department_officer",
			"chief_officer",
			"ciso",
		]);
		assert.deepEqual(chain.escalation, { fromSeverity: 3, afterHours: 2 });
		assert.equal(escalates(chain, 3), true);
		assert.equal(escalates(chain, 2), false);
		assert.equal(escalates(chain, null), false);
		assert.equal(chain.deadlineReminders.daysBefore, 2);
	});

	test("a pack without a chain uses the standard's; an escalation without a threshold starts at the top step", () => {
		const bare = structuredClone(loadBundledPack("saga")) as PolicyPack;
		delete bare.incident.chain;
		bare.riskMatrix = { ...bare.riskMatrix, size: 5 };
		assert.deepEqual(chainOf(bare, standard).notify, standard.incident.chain?.notify);
		const own = structuredClone(loadBundledPack("saga")) as PolicyPack;
		own.riskMatrix = { ...own.riskMatrix, size: 5 };
		const ownChain = own.incident.chain;
		assert.ok(ownChain);
		delete ownChain.escalation.fromSeverity;
		assert.equal(chainOf(own, standard).escalation.fromSeverity, 5);
	});

	test("per-unit roles resolve to the holders nearest above each of the case's units", () => {
		const { recipients, gaps } = chainRecipients(
			["section_manager", "department_officer"],
			["shomu-kakari", "shimin-ka"],
			UNITS,
			HOLDERS,
		);
		assert.deepEqual(recipients, [
			// 庶務係 has no manager of its own: its 課長 is told, through 総務課.
			{ accountId: "kacho-soumu", role: "section_manager", orgUnitId: "soumu-ka" },
			{ accountId: "kacho-shimin", role: "section_manager", orgUnitId: "shimin-ka" },
			{ accountId: "bucho-soumu", role: "department_officer", orgUnitId: "soumu-bu" },
		]);
		// Nobody holds department_officer above 市民課: a gap, not a silent skip.
		assert.deepEqual(gaps, [{ role: "department_officer", unitId: "shimin-ka" }]);
	});

	test("tenant-wide roles reach every holder, each person once; missing roles are gaps", () => {
		const { recipients, gaps } = chainRecipients(
			["ciso", "csirt", "chief_officer", "section_manager"],
			[],
			UNITS,
			HOLDERS.filter((holder) => holder.role !== "chief_officer"),
		);
		assert.deepEqual(recipients, [{ accountId: "ciso", role: "ciso", orgUnitId: null }]);
		assert.deepEqual(gaps, [
			{ role: "chief_officer", unitId: null },
			// A case without units has nobody to tell of a per-unit role.
			{ role: "section_manager", unitId: null },
		]);
	});

	test("a cycle in the unit tree does not hang the walk", () => {
		const looped = [
			{ id: "a", parent_id: "b" },
			{ id: "b", parent_id: "a" },
		];
		const { recipients, gaps } = chainRecipients(["section_manager"], ["a"], looped, HOLDERS);
		assert.deepEqual(recipients, []);
		assert.deepEqual(gaps, [{ role: "section_manager", unitId: "a" }]);
	});
});
