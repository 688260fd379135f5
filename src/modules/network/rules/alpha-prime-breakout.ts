import { isExternal } from "../model-index.ts";
import { type FlowRule, segmentName } from "./rule.ts";

/**
 * α′: LGWAN terminals may reach chosen cloud services directly (local breakout), but only
 * services the model lists (`cloud_service` with `localBreakout: true`), and only outwards.
 */
export const alphaPrimeBreakoutRule: FlowRule = {
	id: "alpha-prime-breakout",
	scope: "flow",
	clause: "総務省ガイドライン α′モデル（ローカルブレイクアウト）; network.model",
	title: { ja: "α′のローカルブレイクアウト", en: "α′ local breakout" },
	description: {
		ja: "α′モデルでは、LGWAN接続系から直接接続してよいのは一覧に載せたクラウドサービスだけで、外から内への接続は認めない。",
		en: "Under α′ the LGWAN tier connects directly only to the listed cloud services, and only outwards.",
	},
	check(path, ctx) {
		if (ctx.modelName !== "alpha_prime") return null;
		for (const hop of path.hops) {
			if (hop.gateway !== null) continue;
			if (ctx.tierOf(hop.from) === "lgwan" && isExternal(hop.to.kind)) {
				if (hop.to.kind === "cloud_service" && hop.to.localBreakout === true) continue;
				return {
					message: {
						ja: `LGWAN接続系から一覧にない外部（${segmentName(hop.to)}）へ直接接続している`,
						en: `The LGWAN tier connects directly to ${segmentName(hop.to)}, which is not a listed breakout service`,
					},
					remedy: {
						ja: "ローカルブレイクアウトの対象として認めたクラウドサービスなら、構成でクラウドサービスとして登録し「α′ のローカルブレイクアウト先」とする。そうでなければ自治体情報セキュリティクラウドと無害化を経由させる。",
						en: "If the service is approved for breakout, enter it in the layout as a cloud service marked as an α′ local breakout destination; otherwise go through sanitising and the security cloud.",
					},
				};
			}
			if (isExternal(hop.from.kind) && ctx.tierOf(hop.to) === "lgwan") {
				return {
					message: {
						ja: `外部（${segmentName(hop.from)}）からLGWAN接続系へ直接接続している（ブレイクアウトは内から外への通信に限る）`,
						en: `${segmentName(hop.from)} connects directly into the LGWAN tier; a breakout carries outward connections only`,
					},
					remedy: {
						ja: "外部からの接続を塞ぎ、必要な受け渡しは無害化を経由させる。",
						en: "Block connections from outside; pass what must come in through sanitising.",
					},
				};
			}
		}
		return null;
	},
};
