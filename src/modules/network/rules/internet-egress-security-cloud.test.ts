import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { internetEgressSecurityCloudRule } from "./internet-egress-security-cloud.ts";
import { flow, runRule, said } from "./test-kit.ts";

describe("internet-egress-security-cloud", () => {
	it("accepts Internet traffic that passes the security cloud, both ways", () => {
		const found = runRule(internetEgressSecurityCloudRule, {
			flows: [
				flow("out", "inet", "ext", ["sc"]),
				flow("in", "ext", "inet", ["sc"]),
				flow("saas", "inet", "saas2", ["sc"]),
			],
		});
		assert.deepEqual(found, []);
	});

	it("flags the Internet tier reaching the Internet directly", () => {
		const [v, ...rest] = runRule(internetEgressSecurityCloudRule, {
			flows: [flow("bypass", "inet", "ext")],
		});
		assert.equal(rest.length, 0);
		assert.equal(v?.flow, "bypass");
		assert.equal(v?.code, "egress_bypasses_security_cloud");
		assert.match(
			said(v).message,
			/inet → ext reaches the outside without passing the security cloud/,
		);
		assert.match(v?.clause ?? "", /6\(3\)③/);
	});

	it("flags an inbound connection that skips the security cloud", () => {
		assert.equal(
			runRule(internetEgressSecurityCloudRule, { flows: [flow("in", "ext", "inet")] }).length,
			1,
		);
	});

	it("leaves a direct LGWAN breakout to the α′ rule only under α′", () => {
		const breakout = [flow("bo", "lg", "saas")];
		assert.equal(runRule(internetEgressSecurityCloudRule, { flows: breakout }).length, 1);
		assert.equal(
			runRule(internetEgressSecurityCloudRule, { flows: breakout, packModel: "alpha_prime" })
				.length,
			0,
		);
	});
});
