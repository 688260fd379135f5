import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
	NETWORK_FINDING_CODES,
	NETWORK_FINDING_TEXT,
	networkFindingText,
} from "../../../shared/network-findings.ts";
import { loadBundledPack } from "../../policies/pack/load-pack.ts";
import type { Violation } from "../check-model.ts";
import { NETWORK_RULES } from "./index.ts";
import type { NetworkRule } from "./rule.ts";
import { flow, type RuleCase, runRule, TEST_GATEWAYS, TEST_SEGMENTS } from "./test-kit.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The standard pack with a direct LGWAN ⇄ My Number route, to reach the route findings. */
function withLgwanRoute() {
	const pack = loadBundledPack("standard");
	pack.network.allowedRoutes.push({
		from: "lgwan",
		to: "mynumber",
		bidirectional: true,
		safeguard: "controlled_transfer",
	});
	return pack;
}

const rule = (id: string) => NETWORK_RULES.find((r) => r.id === id) as NetworkRule;

/** One model per finding code, each run through the rule that gives it. */
const CASES: [ruleId: string, RuleCase][] = [
	["model-matches-pack", { model: "beta_prime" }],
	["flow-path-consistent", { flows: [flow("lost", "192.168.9.9", "lg")] }],
	["flow-path-consistent", { flows: [flow("x", "inet", "lg", ["nowhere"])] }],
	["flow-path-consistent", { flows: [flow("off", "inet", "my", ["g-lt"])] }],
	[
		"flow-path-consistent",
		{
			gateways: TEST_GATEWAYS.map((g) => (g.id === "g-file" ? { ...g, next: ["g-mail"] } : g)),
			flows: [flow("chain", "inet", "my", ["g-file", "g-lt"])],
		},
	],
	["tier-isolation", { flows: [flow("lg-jpn", "lg", "jpn")] }],
	["tier-isolation", { flows: [flow("transit", "inet", "lg", ["g-screen-my", "g-lt"])] }],
	["tier-isolation", { flows: [flow("out", "my", "lg")] }],
	["tier-isolation", { pack: "saga", flows: [flow("skip", "inet", "my", ["g-screen-my"])] }],
	[
		"tier-isolation",
		{ pack: withLgwanRoute(), flows: [flow("stray", "lg", "my", ["g-screen", "g-screen-my"])] },
	],
	["tier-isolation", { pack: withLgwanRoute(), flows: [flow("bare", "lg", "my")] }],
	[
		"tier-isolation",
		{
			pack: withLgwanRoute(),
			gateways: [
				...TEST_GATEWAYS,
				{ id: "g-view", name: "画面転送（LG⇔MY）", kind: "screen_transfer", between: ["lg", "my"] },
			],
			flows: [flow("wrong", "lg", "my", ["g-view"])],
		},
	],
	["lgwan-internet-sanitised", { flows: [flow("direct", "lg", "inet")] }],
	[
		"lgwan-internet-sanitised",
		{
			gateways: [{ id: "g-plain", kind: "lgwan_transfer", between: ["inet", "lg"] }],
			flows: [flow("plain", "inet", "lg", ["g-plain"])],
		},
	],
	[
		"lgwan-internet-sanitised",
		{
			pack: (() => {
				const pack = loadBundledPack("standard");
				pack.network.allowedRoutes = [];
				return pack;
			})(),
			flows: [flow("mail", "inet", "lg", ["g-mail"])],
		},
	],
	["internet-egress-security-cloud", { flows: [flow("bypass", "inet", "ext")] }],
	["alpha-prime-breakout", { packModel: "alpha_prime", flows: [flow("bo", "lg", "saas2")] }],
	["alpha-prime-breakout", { packModel: "alpha_prime", flows: [flow("in", "saas", "lg")] }],
	["standalone-isolation", { flows: [flow("out", "solo", "lg")] }],
	["terminal-mfa", { nodes: [{ id: "t1", name: "窓口端末", kind: "terminal", segment: "my" }] }],
	["terminal-take-out-blocked", { nodes: [{ id: "t1", kind: "terminal", segment: "my" }] }],
	[
		"mynumber-data-placement",
		{ nodes: [{ id: "copy", kind: "server", segment: "lg", handlesMyNumber: true }] },
	],
	[
		"beta-terminal-controls",
		{ packModel: "beta", nodes: [{ id: "t", kind: "terminal", segment: "inet" }] },
	],
	[
		"beta-prime-system-controls",
		{ packModel: "beta_prime", nodes: [{ id: "s", kind: "system", segment: "inet" }] },
	],
	[
		"tier-monitoring",
		{
			segments: TEST_SEGMENTS.map((s) =>
				s.id === "inet" ? { id: "inet", kind: "internet" as const } : s,
			),
		},
	],
	[
		"file-transfer-approval",
		{
			gateways: TEST_GATEWAYS.map((g) => (g.id === "g-file" ? { ...g, approval: false } : g)),
		},
	],
];

function findings(): Violation[] {
	return CASES.flatMap(([id, c]) => {
		const found = runRule(rule(id), c);
		assert.ok(found.length > 0, `${id}: the case finds something`);
		return found;
	});
}

describe("network finding codes", () => {
	it("every code a rule declares has a message and a remedy in Japanese and English", () => {
		for (const r of NETWORK_RULES) {
			assert.ok(r.codes.length > 0, `${r.id} declares its codes`);
			for (const code of r.codes) {
				const text = NETWORK_FINDING_TEXT[code];
				for (const part of ["message", "remedy"] as const) {
					assert.ok(text[part].ja.trim() && text[part].en.trim(), `${code} ${part}`);
					assert.notEqual(text[part].ja, text[part].en, `${code} ${part}`);
					assert.deepEqual(
						placeholders(text[part].ja),
						placeholders(text[part].en),
						`${code} ${part}: the same parameters in both languages`,
					);
				}
			}
		}
		const declared = new Set(NETWORK_RULES.flatMap((r) => r.codes));
		assert.deepEqual(
			NETWORK_FINDING_CODES.filter((code) => !declared.has(code)),
			[],
			"every code in the catalogue belongs to a rule",
		);
	});

	it("each rule gives only its own codes, every code is reached, and every parameter is filled", () => {
		const seen = new Set<string>();
		for (const v of findings()) {
			seen.add(v.code);
			assert.ok(rule(v.rule).codes.includes(v.code), `${v.rule} declares ${v.code}`);
			for (const part of ["message", "remedy"] as const) {
				for (const name of placeholders(NETWORK_FINDING_TEXT[v.code][part].en)) {
					assert.ok(name !== undefined && name in v.params, `${v.code}: no parameter ${name}`);
				}
			}
			for (const lang of ["ja", "en"] as const) {
				const { message, remedy } = networkFindingText(v, lang);
				for (const text of [message, remedy]) {
					assert.doesNotMatch(text, /\{\w+\}/, `${v.code} (${lang}): ${text}`);
					// Codes of the vocabulary are worded, never shown as they are.
					assert.doesNotMatch(
						text,
						/\b(?:mynumber|lgwan|internet|info_provision|sanitizing_\w+|screen_transfer|lgwan_transfer|controlled_transfer|alpha_prime|beta_prime|logCollection)\b/u,
						`${v.code} (${lang}): ${text}`,
					);
				}
			}
		}
		assert.deepEqual(
			NETWORK_FINDING_CODES.filter((code) => !seen.has(code)),
			[],
			"a case reaches every code",
		);
	});

	it("names elements by the names people gave them, in both languages", () => {
		const caseOf = (id: string, nth = 0) => CASES.filter(([ruleId]) => ruleId === id)[nth]?.[1];
		const [v] = runRule(rule("terminal-mfa"), caseOf("terminal-mfa"));
		assert.equal(networkFindingText(v as Violation, "ja").message.includes("窓口端末"), true);
		assert.equal(networkFindingText(v as Violation, "en").message.includes("窓口端末"), true);
		const [wrong] = runRule(rule("tier-isolation"), caseOf("tier-isolation", 6));
		assert.equal(wrong?.code, "isolated_route_wrong_gateway");
		assert.match(
			networkFindingText(wrong as Violation, "en").message,
			/gateway 画面転送（LG⇔MY） at the boundary is a screen transfer gateway, which does not give controlled transfer/,
		);
	});
});
