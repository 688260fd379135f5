import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { modelMatchesPackRule } from "./model-matches-pack.ts";
import { runRule } from "./test-kit.ts";

describe("model-matches-pack", () => {
	it("accepts a file that declares the pack's model, or none", () => {
		assert.deepEqual(runRule(modelMatchesPackRule, { model: "alpha" }), []);
		assert.deepEqual(runRule(modelMatchesPackRule), []);
	});

	it("flags a file built to another model than the pack's", () => {
		const [v, ...rest] = runRule(modelMatchesPackRule, { model: "beta_prime" });
		assert.equal(rest.length, 0);
		assert.equal(v?.flow, null);
		assert.equal(v?.node, null);
		assert.equal(v?.clause, "情報セキュリティポリシーの採用モデル");
		assert.equal(v?.technical, "network.model");
		assert.match(v?.message ?? "", /built as model β′ but the policy has chosen α/);
	});
});
