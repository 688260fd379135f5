import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { betaTerminalControlsRule } from "./beta-terminal-controls.ts";
import { runRule, said } from "./test-kit.ts";

const bare = [{ id: "t", kind: "terminal" as const, segment: "inet" }];

describe("beta-terminal-controls", () => {
	it("accepts Internet tier terminals with EDR and MFA under β, and anything under α", () => {
		const equipped = [
			{ id: "t", kind: "terminal" as const, segment: "inet", edr: true, mfa: true },
		];
		assert.deepEqual(runRule(betaTerminalControlsRule, { packModel: "beta", nodes: equipped }), []);
		assert.deepEqual(runRule(betaTerminalControlsRule, { nodes: bare }), []);
	});

	it("flags a bare Internet tier terminal under β and β′, listing what is missing", () => {
		for (const packModel of ["beta", "beta_prime"] as const) {
			const [v, ...rest] = runRule(betaTerminalControlsRule, { packModel, nodes: bare });
			assert.equal(rest.length, 0);
			assert.equal(v?.node, "t");
			assert.equal(v?.code, "beta_terminal_controls_missing");
			assert.deepEqual(v?.params.controls, ["edr", "mfa"]);
			assert.equal(v?.params.model, packModel);
			assert.match(
				said(v).message,
				/lacks EDR \(behaviour detection\) and multi-factor authentication/,
			);
		}
	});

	it("leaves terminals in other tiers alone", () => {
		assert.deepEqual(
			runRule(betaTerminalControlsRule, {
				packModel: "beta",
				nodes: [{ id: "t", kind: "terminal", segment: "lg" }],
			}),
			[],
		);
	});
});
