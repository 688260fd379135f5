import { type NodeRule, nameOf, segmentName } from "./rule.ts";
import { zoneOf } from "./zone-of.ts";

/** Terminals in a tier whose pack zone requires it log in with multi-factor authentication. */
export const terminalMfaRule: NodeRule = {
	id: "terminal-mfa",
	scope: "node",
	clause: "基本方針 6(3)①; network.zones.<tier>.mfaRequired",
	title: { ja: "端末の多要素認証", en: "Multi-factor authentication on terminals" },
	description: {
		ja: "多要素認証を求める系（マイナンバー利用事務系など）の端末は、ログインに多要素認証を使う。",
		en: "Terminals in a tier that requires it (the My Number tier, for instance) log in with multi-factor authentication.",
	},
	codes: ["terminal_without_mfa"],
	check(node, segment, ctx) {
		const zone = zoneOf(segment);
		if (node.kind !== "terminal" || zone === null) return null;
		if (!ctx.pack.network.zones[zone].mfaRequired || node.mfa === true) return null;
		return {
			clause: `基本方針 6(3)①; network.zones.${zone}.mfaRequired`,
			code: "terminal_without_mfa",
			params: { zone, node: nameOf(node), segment: segmentName(segment) },
		};
	},
};
