import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadBundledPack } from "../../policies/pack/load-pack.ts";
import { terminalMfaRule } from "./terminal-mfa.ts";
import { runRule, said } from "./test-kit.ts";

describe("terminal-mfa", () => {
	it("accepts My Number terminals with MFA, and terminals of tiers that do not require it", () => {
		const found = runRule(terminalMfaRule, {
			nodes: [
				{ id: "t1", kind: "terminal", segment: "my", mfa: true },
				{ id: "t2", kind: "terminal", segment: "lg" },
				{ id: "s1", kind: "server", segment: "my" },
			],
		});
		assert.deepEqual(found, []);
	});

	it("flags a My Number terminal without MFA, citing the pack zone", () => {
		const [v, ...rest] = runRule(terminalMfaRule, {
			nodes: [{ id: "t1", kind: "terminal", segment: "my" }],
		});
		assert.equal(rest.length, 0);
		assert.equal(v?.node, "t1");
		assert.equal(v?.flow, null);
		assert.equal(v?.clause, "基本方針 6(3)①");
		assert.equal(v?.technical, "network.zones.mynumber.mfaRequired", "the pack field, on demand");
		assert.equal(v?.code, "terminal_without_mfa");
		assert.deepEqual(v?.params, { zone: "mynumber", node: "t1", segment: "my" });
		assert.doesNotMatch(said(v, "ja").remedy, /mfa: true/u, "what to change, in words");
		assert.equal(said(v, "ja").message, "マイナンバー利用事務系の端末 t1（my）に多要素認証がない");
	});

	it("follows the pack: any tier whose zone requires MFA", () => {
		const pack = loadBundledPack("standard");
		const internet = [{ id: "t", kind: "terminal" as const, segment: "inet" }];
		assert.equal(runRule(terminalMfaRule, { pack, nodes: internet }).length, 0);
		pack.network.zones.internet.mfaRequired = true;
		assert.equal(runRule(terminalMfaRule, { pack, nodes: internet }).length, 1);
	});
});
