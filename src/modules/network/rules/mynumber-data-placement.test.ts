import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { myNumberDataPlacementRule } from "./mynumber-data-placement.ts";
import { runRule, said } from "./test-kit.ts";

describe("mynumber-data-placement", () => {
	it("accepts My Number data in the My Number tier", () => {
		const nodes = [
			{ id: "s", kind: "system" as const, segment: "my", handlesMyNumber: true },
			{ id: "w", kind: "server" as const, segment: "lg" },
		];
		assert.deepEqual(runRule(myNumberDataPlacementRule, { nodes }), []);
	});

	it("flags a node handling My Number data in the LGWAN tier", () => {
		const [v] = runRule(myNumberDataPlacementRule, {
			nodes: [{ id: "copy", kind: "server", segment: "lg", handlesMyNumber: true }],
		});
		assert.equal(v?.node, "copy");
		assert.equal(v?.code, "mynumber_outside_tier");
		assert.match(
			said(v).message,
			/copy handles My Number data but sits outside the My Number tier \(lg\)/,
		);
	});
});
