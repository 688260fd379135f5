import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadBundledPack } from "../../policies/pack/load-pack.ts";
import { terminalTakeOutRule } from "./terminal-take-out.ts";
import { runRule, said } from "./test-kit.ts";

describe("terminal-take-out-blocked", () => {
	it("accepts My Number terminals with take-out blocked", () => {
		const found = runRule(terminalTakeOutRule, {
			nodes: [
				{ id: "t1", kind: "terminal", segment: "my", takeOutBlocked: true },
				{ id: "t2", kind: "terminal", segment: "inet" },
			],
		});
		assert.deepEqual(found, []);
	});

	it("flags a My Number terminal that can take data out", () => {
		const [v, ...rest] = runRule(terminalTakeOutRule, {
			nodes: [{ id: "t1", kind: "terminal", segment: "my", takeOutBlocked: false }],
		});
		assert.equal(rest.length, 0);
		assert.equal(v?.node, "t1");
		assert.equal(v?.clause, "基本方針 6(3)①");
		assert.equal(v?.technical, "network.zones.mynumber.takeOutBlocked");
		assert.equal(v?.code, "terminal_take_out_open");
		assert.match(
			said(v).message,
			/Terminal t1 in the My Number tier \(my\) is not set to block take-out/,
		);
	});

	it("does not require it where the pack zone does not", () => {
		const pack = loadBundledPack("standard");
		pack.network.zones.mynumber.takeOutBlocked = false;
		assert.deepEqual(
			runRule(terminalTakeOutRule, { pack, nodes: [{ id: "t", kind: "terminal", segment: "my" }] }),
			[],
		);
	});
});
