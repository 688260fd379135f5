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
	codes: ["breakout_not_listed", "breakout_inbound"],
	check(path, ctx) {
		if (ctx.modelName !== "alpha_prime") return null;
		for (const hop of path.hops) {
			if (hop.gateway !== null) continue;
			if (ctx.tierOf(hop.from) === "lgwan" && isExternal(hop.to.kind)) {
				if (hop.to.kind === "cloud_service" && hop.to.localBreakout === true) continue;
				return { code: "breakout_not_listed", params: { segment: segmentName(hop.to) } };
			}
			if (isExternal(hop.from.kind) && ctx.tierOf(hop.to) === "lgwan") {
				return { code: "breakout_inbound", params: { segment: segmentName(hop.from) } };
			}
		}
		return null;
	},
};
