import assert from "node:assert/strict";
import { test } from "node:test";
import { textDiff } from "../../../shared/text-diff.ts";
import { withAnchors } from "./content.ts";
import { diffSections } from "./section-diff.ts";

const section = (label: string, body: string) => ({ label, title: "", body, children: [] });

test("text diff works by character, for Japanese", () => {
	assert.deepEqual(textDiff("年1回見直す", "年2回見直す"), [
		{ kind: "same", text: "年" },
		{ kind: "removed", text: "1" },
		{ kind: "added", text: "2" },
		{ kind: "same", text: "回見直す" },
	]);
});

test("sections are matched by anchor; removed ones stay where they were", () => {
	const before = withAnchors([section("１", "a"), section("２", "b"), section("３", "c")]);
	const after = withAnchors([section("１", "a"), section("３", "c!"), section("４", "d")]);
	const rows = diffSections(before, after);
	assert.deepEqual(
		rows.map((r) => [r.anchor, r.change]),
		[
			["1", "unchanged"],
			["2", "removed"],
			["3", "changed"],
			["4", "added"],
		],
	);
	assert.deepEqual(rows[2]?.bodyDiff, [
		{ kind: "same", text: "c" },
		{ kind: "added", text: "!" },
	]);
	assert.equal(rows[1]?.after, null);
	assert.equal(rows[3]?.before, null);
});
