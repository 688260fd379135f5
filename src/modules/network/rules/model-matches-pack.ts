import type { ModelRule } from "./rule.ts";

/** The model the network is built to is the one the policy chose; a mismatch is a finding. */
export const modelMatchesPackRule: ModelRule = {
	id: "model-matches-pack",
	scope: "model",
	clause: "情報セキュリティポリシーの採用モデル; network.model",
	title: { ja: "採用モデルの一致", en: "The model matches the policy" },
	description: {
		ja: "モデルファイルが宣言するモデル（α・α′・β・β′）は、ポリシーが採用したモデルと同じにする。",
		en: "The model the file declares (α, α′, β, β′) is the one the policy has chosen.",
	},
	codes: ["model_mismatch"],
	check(ctx) {
		const declared = ctx.model.model;
		const chosen = ctx.pack.network.model;
		if (declared === undefined || declared === chosen) return null;
		return { code: "model_mismatch", params: { declared, chosen } };
	},
};
