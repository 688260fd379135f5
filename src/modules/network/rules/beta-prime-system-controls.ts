import { type NodeRule, segmentName } from "./rule.ts";

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
		const missing = [
			node.edr === true ? null : "edr",
			node.mfa === true ? null : "mfa",
			node.logCollection === true ? null : "logCollection",
		].filter((m): m is string => m !== null);
		if (missing.length === 0) return null;
		return {
			message: {
				ja: `β′モデルのインターネット接続系にある ${node.id}（${segmentName(segment)}）に ${missing.join("・")} がない`,
				en: `${node.id} in the Internet tier (${segmentName(segment)}) lacks ${missing.join(", ")} required under β′`,
			},
			remedy: {
				ja: `${missing.join("・")} を整え、モデルファイルに記録する。整えられない業務システムはLGWAN接続系に戻す。`,
				en: `Put ${missing.join(", ")} in place and record it; a system that cannot have them goes back to the LGWAN tier.`,
			},
		};
	},
};
