import assert from "node:assert/strict";
import { test } from "node:test";
import { entityOf, valuesOf, withEntity } from "./editor-specs.ts";
import type { NetworkModel } from "./types.ts";

const model: NetworkModel = {
	formatVersion: 1,
	name: "テスト",
	segments: [{ id: "lg", kind: "lgwan" }],
	nodes: [
		{ id: "pc", kind: "terminal", segment: "lg", mfa: true, addresses: ["10.2.0.5", "10.2.0.6"] },
	],
	gateways: [{ id: "gw", kind: "sanitizing_mail", between: ["lg", "in"], approval: true }],
	flows: [{ id: "f1", source: "pc", destination: "in", port: 443, via: ["gw"] }],
};

test("an entity survives the form unchanged: lists, flags, the gateway's ends, a numeric port", () => {
	for (const [kind, entity] of [
		["nodes", model.nodes[0]],
		["gateways", model.gateways[0]],
		["flows", model.flows[0]],
		["segments", model.segments[0]],
	] as const) {
		assert.ok(entity);
		assert.deepEqual(entityOf(kind, valuesOf(kind, entity)), entity, kind);
	}
});

test("blank fields and unticked boxes are left out; a port range stays text", () => {
	const flow = entityOf("flows", {
		id: " f2 ",
		source: "pc",
		destination: "10.3.0.0/16",
		port: "1024-65535",
		via: " gw,  cloud ",
		purpose: "",
	});
	assert.deepEqual(flow, {
		id: "f2",
		source: "pc",
		destination: "10.3.0.0/16",
		port: "1024-65535",
		via: ["gw", "cloud"],
	});
	assert.deepEqual(entityOf("nodes", { id: "n", kind: "server", segment: "lg", mfa: false }), {
		id: "n",
		kind: "server",
		segment: "lg",
	});
});

test("add, replace and remove leave the other entities and the rest of the model alone", () => {
	const added = withEntity(model, "segments", null, { id: "in", kind: "internet" });
	assert.deepEqual(
		added.segments.map((s) => s.id),
		["lg", "in"],
	);
	const replaced = withEntity(added, "segments", 0, { id: "lg", kind: "lgwan", name: "LGWAN系" });
	assert.equal(replaced.segments[0]?.name, "LGWAN系");
	const removed = withEntity(replaced, "flows", 0, null);
	assert.deepEqual(removed.flows, []);
	assert.equal(removed.nodes, model.nodes);
	assert.deepEqual(model.flows.length, 1, "the original is not changed");
});
