import { type NodeRule, nameOf, segmentName } from "./rule.ts";

/**
 * β′ also moves business systems into the Internet tier; they then need endpoint detection,
 * multi-factor login and central log collection so that an intrusion is seen and traced.
 */
export const betaPrimeSystemControlsRule: NodeRule = {
	id: "beta-prime-system-controls",
	scope: "node",
	clause: "総務省ガイドライン β′モデル（業務システムの追加対策）; network.model",
	title: { ja: "β′の業務システム対策", en: "Business-system controls under β′" },
	description: {
		ja: "β′モデルでインターネット接続系に置く業務システム・サーバには、EDR等の監視、多要素認証、ログの収集を備える。",
		en: "Under β′, business systems and servers in the Internet tier have EDR-style monitoring, multi-factor login and log collection.",
	},
	codes: ["beta_prime_system_controls_missing"],
	check(node, segment, ctx) {
		if (ctx.modelName !== "beta_prime") return null;
		if (node.kind === "terminal" || segment.kind !== "internet") return null;
		const controls = [
			node.edr === true ? null : "edr",
			node.mfa === true ? null : "mfa",
			node.logCollection === true ? null : "logCollection",
		].filter((control) => control !== null);
		if (controls.length === 0) return null;
		return {
			code: "beta_prime_system_controls_missing",
			params: {
				model: ctx.modelName,
				node: nameOf(node),
				segment: segmentName(segment),
				controls,
			},
		};
	},
};
