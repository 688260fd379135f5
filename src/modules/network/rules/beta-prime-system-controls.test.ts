import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { betaPrimeSystemControlsRule } from "./beta-prime-system-controls.ts";
import { runRule, said } from "./test-kit.ts";

describe("beta-prime-system-controls", () => {
	it("accepts an equipped business system in the Internet tier under β′", () => {
		const nodes = [
			{
				id: "s",
				kind: "system" as const,
				segment: "inet",
				edr: true,
				mfa: true,
				logCollection: true,
			},
		];
		assert.deepEqual(runRule(betaPrimeSystemControlsRule, { packModel: "beta_prime", nodes }), []);
	});

	it("flags a business system or server missing controls under β′", () => {
		const found = runRule(betaPrimeSystemControlsRule, {
			packModel: "beta_prime",
			nodes: [
				{ id: "s", kind: "system", segment: "inet", edr: true },
				{ id: "v", kind: "server", segment: "inet", edr: true, mfa: true },
			],
		});
		assert.deepEqual(
			found.map((v) => [v.node, v.code, v.params.controls]),
			[
				["s", "beta_prime_system_controls_missing", ["mfa", "logCollection"]],
				["v", "beta_prime_system_controls_missing", ["logCollection"]],
			],
		);
		assert.match(
			said(found[0]).message,
			/lacks multi-factor authentication and log collection, required under the β′ model/,
		);
		assert.match(said(found[0], "ja").message, /多要素認証・ログ収集 がない/);
	});

	it("applies to β′ only", () => {
		const nodes = [{ id: "s", kind: "system" as const, segment: "inet" }];
		assert.deepEqual(runRule(betaPrimeSystemControlsRule, { packModel: "beta", nodes }), []);
		assert.equal(runRule(betaPrimeSystemControlsRule, { model: "beta_prime", nodes }).length, 1);
	});
});
