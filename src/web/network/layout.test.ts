import assert from "node:assert/strict";
import { test } from "node:test";
import { type Box, centre, layoutDiagram } from "./layout.ts";

const inside = (inner: Box, outer: Box) =>
	inner.x >= outer.x &&
	inner.y >= outer.y &&
	inner.x + inner.width <= outer.x + outer.width &&
	inner.y + inner.height <= outer.y + outer.height;

const overlaps = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const segments = [
	{ id: "mn", kind: "mynumber" },
	{ id: "lg", kind: "lgwan" },
	{ id: "in", kind: "internet" },
	{ id: "lgwan", kind: "lgwan_backbone" },
	{ id: "cloud", kind: "security_cloud" },
	{ id: "net", kind: "internet_external" },
	{ id: "sa", kind: "standalone" },
];

test("tiers are columns left to right; outside networks above their tier; standalone below", () => {
	const layout = layoutDiagram(segments, [], []);
	const box = (id: string) => layout.segments.get(id) as Box;
	assert.deepEqual(
		layout.bands.map((b) => b.tier),
		["mynumber", "lgwan", "internet"],
	);
	assert.ok(box("mn").x < box("lg").x && box("lg").x < box("in").x);
	for (const band of layout.bands) {
		const id = { mynumber: "mn", lgwan: "lg", internet: "in" }[band.tier];
		assert.ok(inside(box(id), band.box), `${id} lies in its band`);
	}
	assert.ok(box("lgwan").y + box("lgwan").height < box("lg").y, "LGWAN above LGWAN接続系");
	assert.ok(box("cloud").x >= box("in").x - 20 && !overlaps(box("cloud"), box("net")));
	assert.ok(box("sa").y > box("mn").y + box("mn").height, "standalone below the tiers");
	assert.ok(layout.height >= box("sa").y + box("sa").height);
});

test("every node lies inside its segment and no two nodes overlap, even when many", () => {
	const nodes = Array.from({ length: 40 }, (_, i) => ({
		id: `n${i}`,
		segment: i % 3 === 0 ? "mn" : i % 3 === 1 ? "lg" : "net",
	}));
	const layout = layoutDiagram(segments, nodes, []);
	const boxes = nodes.map((n) => layout.nodes.get(n.id) as Box);
	nodes.forEach((node, i) => {
		assert.ok(inside(boxes[i] as Box, layout.segments.get(node.segment) as Box), node.id);
	});
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			assert.ok(!overlaps(boxes[i] as Box, boxes[j] as Box), `n${i} and n${j} overlap`);
		}
	}
});

test("a gateway sits between the segments it joins; two on one border are spread apart", () => {
	const layout = layoutDiagram(
		segments,
		[],
		[
			{ id: "g1", between: ["lg", "in"] },
			{ id: "g2", between: ["in", "lg"] },
			{ id: "g3", between: ["lg", "lgwan"] },
			{ id: "g4", between: ["lg", "missing"] },
		],
	);
	const lg = layout.segments.get("lg") as Box;
	const inet = layout.segments.get("in") as Box;
	const g1 = layout.gateways.get("g1");
	const g2 = layout.gateways.get("g2");
	assert.ok(g1 && g2);
	assert.ok(g1.x > lg.x + lg.width && g1.x < inet.x, "in the gap between the columns");
	assert.notDeepEqual(g1, g2);
	const g3 = layout.gateways.get("g3");
	assert.ok(g3 && g3.y < lg.y && Math.abs(g3.x - centre(lg).x) < lg.width / 2);
	assert.equal(layout.gateways.has("g4"), false, "a gateway to an unknown segment is not drawn");
});
