import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadBundledPack } from "../../policies/pack/load-pack.ts";
import { lgwanInternetSanitisedRule } from "./lgwan-internet-sanitised.ts";
import { flow, runRule } from "./test-kit.ts";

describe("lgwan-internet-sanitised", () => {
	it("accepts mail, file and screen crossings through sanitising gateways", () => {
		const found = runRule(lgwanInternetSanitisedRule, {
			flows: [
				flow("mail", "inet", "lg", ["g-mail"]),
				flow("file", "10.30.0.5", "10.20.0.9", ["g-file"]),
				flow("screen", "lg", "inet", ["g-screen"]),
				flow("same-tier", "lg", "lgb"),
			],
		});
		assert.deepEqual(found, []);
	});

	it("flags a direct LGWAN → Internet tier connection", () => {
		const [v, ...rest] = runRule(lgwanInternetSanitisedRule, {
			flows: [flow("direct", "lg", "inet")],
		});
		assert.equal(rest.length, 0);
		assert.equal(v?.flow, "direct");
		assert.match(v?.message ?? "", /directly, without sanitising/);
		assert.match(v?.remedy ?? "", /mail-sanitising/);
		assert.doesNotMatch(v?.remedy ?? "", /sanitizing_mail|via/u, "policy words, not model keys");
	});

	it("flags a crossing through a gateway that does not sanitise", () => {
		const [v] = runRule(lgwanInternetSanitisedRule, {
			gateways: [{ id: "g-plain", kind: "lgwan_transfer", between: ["inet", "lg"] }],
			flows: [flow("plain", "inet", "lg", ["g-plain"])],
		});
		assert.match(
			v?.message ?? "",
			/g-plain, a LGWAN-mediated transfer gateway that does not sanitise/,
		);
	});

	it("flags a sanitised crossing the pack does not allow", () => {
		const found = runRule(lgwanInternetSanitisedRule, {
			pack: noRoutes(),
			flows: [flow("mail", "inet", "lg", ["g-mail"])],
		});
		assert.equal(found.length, 1);
		assert.match(found[0]?.message ?? "", /allows no mail sanitising route/);
	});

	it("also covers the LGWAN itself reaching the Internet", () => {
		assert.equal(
			runRule(lgwanInternetSanitisedRule, { flows: [flow("b", "lgb", "ext")] }).length,
			1,
		);
	});
});

function noRoutes() {
	const pack = loadBundledPack("standard");
	pack.network.allowedRoutes = [];
	return pack;
}
