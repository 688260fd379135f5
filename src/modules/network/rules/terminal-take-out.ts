import { type NodeRule, nameOf, segmentName } from "./rule.ts";
import { zoneOf } from "./zone-of.ts";

/** Terminals in a tier whose pack zone blocks take-out carry the 情報持ち出し不可設定. */
export const terminalTakeOutRule: NodeRule = {
	id: "terminal-take-out-blocked",
	scope: "node",
	clause: "基本方針 6(3)①; network.zones.<tier>.takeOutBlocked",
	title: { ja: "端末の情報持ち出し不可設定", en: "Take-out blocked on terminals" },
	description: {
		ja: "持ち出し禁止の系（マイナンバー利用事務系など）の端末は、媒体への書き出しや外部送信ができない設定にする。",
		en: "Terminals in a tier that blocks take-out cannot write to media or send data out.",
	},
	codes: ["terminal_take_out_open"],
	check(node, segment, ctx) {
		const zone = zoneOf(segment);
		if (node.kind !== "terminal" || zone === null) return null;
		if (!ctx.pack.network.zones[zone].takeOutBlocked || node.takeOutBlocked === true) return null;
		return {
			clause: `基本方針 6(3)①; network.zones.${zone}.takeOutBlocked`,
			code: "terminal_take_out_open",
			params: { zone, node: nameOf(node), segment: segmentName(segment) },
		};
	},
};
