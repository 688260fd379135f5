import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { standaloneIsolationRule } from "./standalone-isolation.ts";
import { flow, runRule, said } from "./test-kit.ts";

describe("standalone-isolation", () => {
	it("accepts traffic inside a standalone segment", () => {
		assert.deepEqual(
			runRule(standaloneIsolationRule, { flows: [flow("local", "solo", "solo")] }),
			[],
		);
	});

	it("flags a standalone segment talking to another segment, either way", () => {
		const found = runRule(standaloneIsolationRule, {
			flows: [flow("out", "solo", "lg"), flow("in", "my", "solo")],
		});
		assert.deepEqual(
			found.map((v) => v.flow),
			["out", "in"],
		);
		assert.equal(found[0]?.code, "standalone_connected");
		assert.match(said(found[0]).message, /standalone segment is connected \(solo → lg\)/);
	});
});
