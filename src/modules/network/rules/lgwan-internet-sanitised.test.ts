import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadBundledPack } from "../../policies/pack/load-pack.ts";
import { lgwanInternetSanitisedRule } from "./lgwan-internet-sanitised.ts";
import { flow, runRule, said } from "./test-kit.ts";

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
		assert.equal(v?.code, "lgwan_internet_direct");
		assert.match(said(v).message, /directly, without sanitising/);
		assert.match(
			said(v).remedy,
			/a mail sanitising, file-sanitising transfer or screen transfer gateway/,
		);
		assert.match(said(v, "ja").remedy, /メール無害化・ファイル無害化転送・画面転送 のいずれか/);
		assert.doesNotMatch(said(v).remedy, /sanitizing_mail|via/u, "policy words, not model keys");
	});

	it("flags a crossing through a gateway that does not sanitise", () => {
		const [v] = runRule(lgwanInternetSanitisedRule, {
			gateways: [{ id: "g-plain", kind: "lgwan_transfer", between: ["inet", "lg"] }],
			flows: [flow("plain", "inet", "lg", ["g-plain"])],
		});
		assert.equal(v?.code, "lgwan_internet_unsanitised_gateway");
		assert.match(
			said(v).message,
			/g-plain, a LGWAN-mediated transfer gateway that does not sanitise/,
		);
	});

	it("flags a sanitised crossing the pack does not allow", () => {
		const found = runRule(lgwanInternetSanitisedRule, {
			pack: noRoutes(),
			flows: [flow("mail", "inet", "lg", ["g-mail"])],
		});
		assert.equal(found.length, 1);
		assert.equal(found[0]?.code, "lgwan_internet_route_not_allowed");
		assert.match(said(found[0]).message, /allows no mail sanitising route/);
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
