import assert from "node:assert/strict";
import { test } from "node:test";
import { citation, labelKey, type SectionInput, withAnchors } from "./content.ts";

const s = (label: string, children: SectionInput[] = []): SectionInput => ({
	label,
	title: "",
	body: "",
	children,
});

test("labels become anchor parts: brackets dropped, digits half-width, circled digits kept", () => {
	assert.equal(labelKey("６"), "6");
	assert.equal(labelKey("（３）"), "3");
	assert.equal(labelKey("(12)"), "12");
	assert.equal(labelKey("②"), "②");
	assert.equal(labelKey("ア"), "ア");
	assert.equal(labelKey("第1条"), "第1条");
	assert.equal(labelKey("（）"), "x");
});

test("anchors follow the label path and stay unique", () => {
	const tree = withAnchors([s("６", [s("（３）", [s("②")])]), s("６")]);
	assert.equal(tree[0]?.children[0]?.children[0]?.anchor, "6-3-②");
	assert.equal(tree[1]?.anchor, "6~2");
});

test("citations put the second level in parentheses, as policies do", () => {
	assert.equal(citation("基本方針", "6-3-②"), "基本方針 6(3)②");
	assert.equal(citation("対策基準", "2"), "対策基準 2");
	assert.equal(citation("基本方針", "6~2"), "基本方針 6");
});
