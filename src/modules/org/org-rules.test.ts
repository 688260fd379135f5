import assert from "node:assert/strict";
import { test } from "node:test";
import { descendantsOf, mayNest, treeOrder, wouldCycle } from "./org-rules.ts";

test("部局 under an agency, 課 under a 部局, 係 under a 課, systems anywhere but under systems", () => {
	assert.ok(mayNest("agency", "department"));
	assert.ok(mayNest("department", "section"));
	assert.ok(mayNest("section", "subsection"));
	assert.ok(mayNest("subsection", "system"));
	assert.ok(!mayNest("agency", "section"));
	assert.ok(!mayNest("section", "department"));
	assert.ok(!mayNest("system", "system"));
});

const units = [
	{ id: "a", parent_id: null, code: "1", display_order: 0 },
	{ id: "b", parent_id: "a", code: "2", display_order: 0 },
	{ id: "c", parent_id: "b", code: "3", display_order: 0 },
	{ id: "d", parent_id: null, code: "0", display_order: 0 },
];

test("moving a unit under itself or its descendants is a cycle", () => {
	const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
	assert.ok(wouldCycle(parentOf, "a", "c"));
	assert.ok(wouldCycle(parentOf, "a", "a"));
	assert.ok(!wouldCycle(parentOf, "c", "d"));
	assert.ok(!wouldCycle(parentOf, "b", null));
});

test("descendants and tree order", () => {
	assert.deepEqual([...descendantsOf(units, "a")].sort(), ["a", "b", "c"]);
	assert.deepEqual(
		treeOrder(units).map(({ unit, depth }) => `${unit.id}${depth}`),
		["d0", "a0", "b1", "c2"],
	);
});

test("siblings follow the city's display order before their codes", () => {
	const ordered = [
		{ id: "mayor", parent_id: null, code: "900", display_order: 10 },
		{ id: "assembly", parent_id: null, code: "100", display_order: 20 },
		{ id: "board", parent_id: null, code: "050", display_order: 20 },
		{ id: "soumu", parent_id: "mayor", code: "2", display_order: 10 },
	];
	assert.deepEqual(
		treeOrder(ordered).map(({ unit }) => unit.id),
		["mayor", "soumu", "board", "assembly"],
	);
});
