import assert from "node:assert/strict";
import { test } from "node:test";
import { edgePoint, flowLines, pathData } from "./flow-lines.ts";
import { layoutDiagram } from "./layout.ts";
import type { DiagramFlow } from "./types.ts";

const layout = layoutDiagram(
	[
		{ id: "mn", kind: "mynumber" },
		{ id: "lg", kind: "lgwan" },
		{ id: "in", kind: "internet" },
	],
	[
		{ id: "a", segment: "lg" },
		{ id: "b", segment: "in" },
	],
	[{ id: "gw", between: ["lg", "in"] }],
);

function flow(id: string, extra: Partial<DiagramFlow> = {}): DiagramFlow {
	return {
		id,
		sourceSegment: "lg",
		sourceNode: "a",
		destinationSegment: "in",
		destinationNode: "b",
		waypoints: [],
		...extra,
	};
}

test("flows on the same path share one line, which is red when any of them breaks a rule", () => {
	const { lines, hidden } = flowLines(
		layout,
		[flow("f1"), flow("f2"), flow("f3", { waypoints: [{ kind: "gateway", id: "gw" }] })],
		new Set(["f2"]),
	);
	assert.equal(hidden, 0);
	assert.deepEqual(
		lines.map((l) => [l.flowIds, l.violation, l.points.length]),
		[
			[["f1", "f2"], true, 2],
			[["f3"], false, 3],
		],
	);
	assert.deepEqual(lines[1]?.points[1], layout.gateways.get("gw"));
});

test("beyond the cap, violating lines are kept first and the rest counted as hidden", () => {
	const many = Array.from({ length: 20 }, (_, i) =>
		flow(`f${i}`, {
			sourceNode: null,
			sourceSegment: i % 2 ? "mn" : "lg",
			destinationNode: null,
			destinationSegment: "in",
			waypoints:
				i < 10
					? []
					: [
							{ kind: "segment", id: `x${i}` },
							{ kind: "gateway", id: "gw" },
						],
		}),
	);
	const spread = many.map((f, i) => ({
		...f,
		sourceSegment: ["mn", "lg", "in"][i % 3] ?? "mn",
		destinationNode: i % 4 === 0 ? "a" : "b",
	}));
	const all = flowLines(layout, spread, new Set(["f19"]));
	const capped = flowLines(layout, spread, new Set(["f19"]), 2);
	assert.ok(all.lines.length > 2);
	assert.equal(capped.lines.length, 2);
	assert.equal(capped.hidden, all.lines.length - 2);
	assert.equal(capped.lines[0]?.flowIds.includes("f19"), true, "the violating line survives");
	assert.equal(
		capped.hiddenFlows + capped.lines.reduce((n, l) => n + l.flowIds.length, 0),
		spread.length,
	);
});

test("lines start and end on the boxes' edges; unknown ends are skipped", () => {
	const box = { x: 0, y: 0, width: 100, height: 40 };
	assert.deepEqual(edgePoint(box, { x: 300, y: 20 }), { x: 100, y: 20 });
	assert.deepEqual(edgePoint(box, { x: 50, y: -100 }), { x: 50, y: 0 });
	const { lines } = flowLines(
		layout,
		[flow("f1", { sourceNode: "ghost", sourceSegment: "nowhere" })],
		new Set(),
	);
	assert.deepEqual(lines, []);
	assert.match(
		pathData([
			{ x: 0, y: 0 },
			{ x: 100, y: 0 },
		]),
		/^M 0 0 Q 50 12 100 0$/,
	);
});
