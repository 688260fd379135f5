import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { betaPrimeSystemControlsRule } from "./beta-prime-system-controls.ts";
import { runRule } from "./test-kit.ts";

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
			found.map((v) => [v.node, v.message.replace(/.*lacks (.*) required.*/, "$1")]),
			[
				["s", "multi-factor authentication, log collection"],
				["v", "log collection"],
			],
		);
	});

	it("applies to β′ only", () => {
		const nodes = [{ id: "s", kind: "system" as const, segment: "inet" }];
		assert.deepEqual(runRule(betaPrimeSystemControlsRule, { packModel: "beta", nodes }), []);
		assert.equal(runRule(betaPrimeSystemControlsRule, { model: "beta_prime", nodes }).length, 1);
	});
});
