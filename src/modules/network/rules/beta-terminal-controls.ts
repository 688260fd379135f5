import { CONTROL_LABEL, MODEL_LABEL, type NodeRule, nameOf, segmentName } from "./rule.ts";

/**
 * β and β′ move business terminals into the Internet tier; the guideline then expects endpoint
 * detection (EDR) and multi-factor login on them, since they face the Internet directly.
 */
export const betaTerminalControlsRule: NodeRule = {
	id: "beta-terminal-controls",
	scope: "node",
	clause:
		"総務省ガイドライン β/β′モデル（インターネット接続系に置く端末の追加対策）; network.model",
	title: { ja: "β・β′の端末対策", en: "Terminal controls under β and β′" },
	description: {
		ja: "β・β′モデルでインターネット接続系に置く端末には、EDR等の振る舞い検知と多要素認証を備える。",
		en: "Under β and β′, terminals in the Internet tier have EDR-style detection and multi-factor login.",
	},
	check(node, segment, ctx) {
		if (ctx.modelName !== "beta" && ctx.modelName !== "beta_prime") return null;
		if (node.kind !== "terminal" || segment.kind !== "internet") return null;
		const absent = ([node.edr === true ? null : "edr", node.mfa === true ? null : "mfa"] as const)
			.filter((m) => m !== null)
			.map((m) => CONTROL_LABEL[m]);
		const missing = { ja: absent.map((c) => c.ja), en: absent.map((c) => c.en) };
		if (absent.length === 0) return null;
		const model = MODEL_LABEL[ctx.modelName];
		return {
			message: {
				ja: `${model}モデルのインターネット接続系端末 ${nameOf(node)}（${segmentName(segment)}）に ${missing.ja.join("・")} がない`,
				en: `Terminal ${nameOf(node)} in the Internet tier (${segmentName(segment)}) lacks ${missing.en.join(" and ")} required under ${model}`,
			},
			remedy: {
				ja: `端末に ${missing.ja.join("・")} を導入し、構成のこの端末に記録する。`,
				en: `Deploy ${missing.en.join(" and ")} on the terminal and record it on the terminal in the layout.`,
			},
		};
	},
};
