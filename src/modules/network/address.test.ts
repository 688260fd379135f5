import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CidrTable, cidrContains, parseCidr } from "./address.ts";

describe("IPv4 blocks", () => {
	it("parses addresses and blocks, clearing host bits, and refuses the rest", () => {
		assert.deepEqual(parseCidr("10.1.2.3"), { base: 0x0a010203, prefix: 32 });
		assert.deepEqual(parseCidr("10.1.2.3/16"), { base: 0x0a010000, prefix: 16 });
		assert.deepEqual(parseCidr("0.0.0.0/0"), { base: 0, prefix: 0 });
		for (const bad of ["10.1.2", "256.1.1.1", "10.1.1.1/33", "host-1", "::1"]) {
			assert.equal(parseCidr(bad), null, bad);
		}
	});

	it("knows when one block lies inside another", () => {
		const net = parseCidr("10.1.0.0/16");
		const host = parseCidr("10.1.200.7");
		const wider = parseCidr("10.0.0.0/8");
		assert.ok(net && host && wider);
		assert.ok(cidrContains(net, host));
		assert.ok(cidrContains(wider, net));
		assert.ok(!cidrContains(net, wider));
	});

	it("looks up the most specific block that holds an address or a block whole", () => {
		const table = new CidrTable<string>();
		table.add({ base: 0x0a000000, prefix: 8 }, "wide");
		table.add({ base: 0x0a010000, prefix: 16 }, "narrow");
		assert.equal(table.lookup("10.1.9.9"), "narrow");
		assert.equal(table.lookup("10.2.9.9"), "wide");
		assert.equal(table.lookup("10.0.0.0/7"), null);
		assert.equal(table.lookup("192.168.0.1"), null);
		assert.equal(table.lookup("not-an-address"), null);
		assert.equal(table.spans("10.0.0.0/7"), true);
		assert.equal(table.spans("10.1.0.0/24"), false);
	});
});
