import { type NodeRule, nameOf, segmentName } from "./rule.ts";

/** Systems, servers and terminals that handle My Number data sit in the My Number tier. */
export const myNumberDataPlacementRule: NodeRule = {
	id: "mynumber-data-placement",
	scope: "node",
	clause: "基本方針 6(3)①",
	title: { ja: "マイナンバーを扱う機器の配置", en: "Where My Number data is handled" },
	description: {
		ja: "特定個人情報（マイナンバー）を扱うシステム・サーバ・端末はマイナンバー利用事務系に置く。",
		en: "Systems, servers and terminals that handle My Number data are placed in the My Number tier.",
	},
	codes: ["mynumber_outside_tier"],
	check(node, segment) {
		if (node.handlesMyNumber !== true) return null;
		if (segment.kind === "mynumber" || segment.kind === "info_provision_network") return null;
		return {
			code: "mynumber_outside_tier",
			params: { node: nameOf(node), segment: segmentName(segment) },
		};
	},
};
