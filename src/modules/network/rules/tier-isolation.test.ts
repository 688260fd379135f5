import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flow, runRule, said } from "./test-kit.ts";
import { tierIsolationRule } from "./tier-isolation.ts";

describe("tier-isolation", () => {
	it("lets the My Number tier talk inside itself and to the information provision network", () => {
		const found = runRule(tierIsolationRule, {
			flows: [flow("inside", "my", "10.10.3.4"), flow("jpn", "my", "jpn")],
		});
		assert.deepEqual(found, []);
	});

	it("flags a direct flow from the My Number tier to the LGWAN tier, naming the flow", () => {
		const [v, ...rest] = runRule(tierIsolationRule, { flows: [flow("out", "my", "lg")] });
		assert.equal(rest.length, 0);
		assert.equal(v?.rule, "tier-isolation");
		assert.equal(v?.flow, "out");
		assert.match(v?.clause ?? "", /基本方針 6\(3\)①/);
		assert.equal(v?.code, "isolated_no_route");
		assert.match(said(v).message, /allows no route from the My Number tier to the LGWAN tier/);
		assert.match(
			said(v, "ja").message,
			/マイナンバー利用事務系からLGWAN接続系への通信経路を許可していない/,
		);
	});

	it("accepts Saga's route from the Internet tier into the My Number tier through the LGWAN", () => {
		const found = runRule(tierIsolationRule, {
			pack: "saga",
			flows: [
				flow("in", "inet", "my", ["g-file", "g-lt"]),
				flow("back", "my", "inet", ["g-lt", "g-file"]),
			],
		});
		assert.deepEqual(found, []);
	});

	it("refuses that route before it was allowed (since 2023-01), and under the standard pack", () => {
		const route = [flow("in", "inet", "my", ["g-file", "g-lt"])];
		assert.equal(
			runRule(tierIsolationRule, { pack: "saga", asOf: "2022-12", flows: route }).length,
			1,
		);
		assert.equal(runRule(tierIsolationRule, { pack: "standard", flows: route }).length, 1);
	});

	it("cites the pack route that was nearly met when the boundary gateway is wrong", () => {
		const [v] = runRule(tierIsolationRule, {
			pack: "saga",
			flows: [flow("skip-lgwan", "inet", "my", ["g-screen-my"])],
		});
		assert.equal(v?.clause, "基本方針 6(3)①");
		assert.equal(v?.technical, "network.allowedRoutes[1]");
		assert.equal(v?.code, "isolated_route_not_via");
		assert.equal(v?.params.route, "2:internet<>mynumber@lgwan:controlled_transfer");
		assert.match(said(v).message, /does not go through the LGWAN tier/);
		// The route in words, numbered as the pack page lists them; never allowedRoutes[1].
		assert.match(
			said(v, "ja").message,
			/^許可経路2（インターネット接続系 ⇄ マイナンバー利用事務系、LGWAN接続系経由、管理された移送）/u,
		);
		assert.doesNotMatch(said(v, "ja").message, /allowedRoutes|via/u);
		assert.match(said(v, "ja").remedy, /LGWAN経由の転送・ファイル無害化転送 のゲートウェイ/u);
	});

	it("flags traffic that transits the My Number tier", () => {
		const [v] = runRule(tierIsolationRule, {
			flows: [flow("transit", "inet", "lg", ["g-screen-my", "g-lt"])],
		});
		assert.equal(v?.code, "isolated_transit");
		assert.match(said(v).message, /passes through the My Number tier/);
	});

	it("keeps the information provision network to the My Number tier", () => {
		const [v, ...rest] = runRule(tierIsolationRule, { flows: [flow("lg-jpn", "lg", "jpn")] });
		assert.equal(rest.length, 0);
		assert.equal(v?.code, "isolated_provision_reached");
		assert.match(said(v).message, /information provision network is reached from the LGWAN tier/);
	});
});
