import { type NodeRule, nameOf, segmentName } from "./rule.ts";

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
	codes: ["beta_terminal_controls_missing"],
	check(node, segment, ctx) {
		if (ctx.modelName !== "beta" && ctx.modelName !== "beta_prime") return null;
		if (node.kind !== "terminal" || segment.kind !== "internet") return null;
		const controls = [node.edr === true ? null : "edr", node.mfa === true ? null : "mfa"].filter(
			(control) => control !== null,
		);
		if (controls.length === 0) return null;
		return {
			code: "beta_terminal_controls_missing",
			params: {
				model: ctx.modelName,
				node: nameOf(node),
				segment: segmentName(segment),
				controls,
			},
		};
	},
};
