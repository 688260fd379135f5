import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flowPathConsistentRule } from "./flow-path-consistent.ts";
import { flow, runRule, said, TEST_GATEWAYS } from "./test-kit.ts";

describe("flow-path-consistent", () => {
	it("accepts gateways that lie on the way, in order", () => {
		const found = runRule(flowPathConsistentRule, {
			flows: [
				flow("chain", "inet", "my", ["g-file", "g-lt"]),
				flow("mail", "inet", "lg", ["g-mail"]),
			],
		});
		assert.deepEqual(found, []);
	});

	it("flags a gateway that touches neither the segment nor the tier the flow is in", () => {
		const [v] = runRule(flowPathConsistentRule, { flows: [flow("off", "inet", "my", ["g-lt"])] });
		assert.equal(v?.flow, "off");
		assert.equal(v?.code, "gateway_off_path");
		assert.deepEqual(v?.params, { gateway: "g-lt", end1: "lg", end2: "my", segment: "inet" });
		assert.match(said(v).message, /Gateway g-lt \(lg ⇔ my\) does not touch segment inet/);
	});

	it("flags a hand-over the first gateway's next list does not allow", () => {
		const gateways = TEST_GATEWAYS.map((g) => (g.id === "g-file" ? { ...g, next: ["g-mail"] } : g));
		const [v] = runRule(flowPathConsistentRule, {
			gateways,
			flows: [flow("chain", "inet", "my", ["g-file", "g-lt"])],
		});
		assert.equal(v?.code, "gateway_hand_over");
		assert.match(said(v).message, /g-file does not hand over to g-lt \(it hands over to g-mail\)/);
	});

	it("flags a flow whose address maps to nothing", () => {
		const [v] = runRule(flowPathConsistentRule, { flows: [flow("lost", "192.168.9.9", "lg")] });
		assert.equal(v?.code, "flow_end_unknown");
		assert.match(said(v).message, /matches no node or segment/);
		assert.doesNotMatch(said(v, "ja").remedy, /cidrs|addressing/u, "policy words, not model keys");
	});
});
