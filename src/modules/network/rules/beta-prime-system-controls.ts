import { CONTROL_LABEL, type NodeRule, nameOf, segmentName } from "./rule.ts";

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
	check(node, segment, ctx) {
		if (ctx.modelName !== "beta_prime") return null;
		if (node.kind === "terminal" || segment.kind !== "internet") return null;
		const absent = (
			[
				node.edr === true ? null : "edr",
				node.mfa === true ? null : "mfa",
				node.logCollection === true ? null : "logCollection",
			] as const
		)
			.filter((m) => m !== null)
			.map((m) => CONTROL_LABEL[m]);
		const missing = { ja: absent.map((c) => c.ja), en: absent.map((c) => c.en) };
		if (absent.length === 0) return null;
		return {
			message: {
				ja: `β′モデルのインターネット接続系にある ${nameOf(node)}（${segmentName(segment)}）に ${missing.ja.join("・")} がない`,
				en: `${nameOf(node)} in the Internet tier (${segmentName(segment)}) lacks ${missing.en.join(", ")} required under β′`,
			},
			remedy: {
				ja: `${missing.ja.join("・")} を整え、構成に記録する。整えられない業務システムはLGWAN接続系に戻す。`,
				en: `Put ${missing.en.join(", ")} in place and record it; a system that cannot have them goes back to the LGWAN tier.`,
			},
		};
	},
};
