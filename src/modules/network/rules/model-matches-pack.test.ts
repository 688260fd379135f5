import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { modelMatchesPackRule } from "./model-matches-pack.ts";
import { runRule, said } from "./test-kit.ts";

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
		assert.equal(v?.code, "model_mismatch");
		assert.deepEqual(v?.params, { declared: "beta_prime", chosen: "alpha" });
		assert.match(said(v).message, /built as the β′ model but the policy has chosen the α model/);
		assert.match(said(v, "ja").message, /β′モデルとして作られているが、ポリシーはαモデルを採用/);
	});
});
