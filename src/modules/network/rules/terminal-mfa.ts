import { type NodeRule, nameOf, segmentName, TIER_LABEL } from "./rule.ts";
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
	check(node, segment, ctx) {
		const zone = zoneOf(segment);
		if (node.kind !== "terminal" || zone === null) return null;
		if (!ctx.pack.network.zones[zone].mfaRequired || node.mfa === true) return null;
		return {
			clause: `基本方針 6(3)①; network.zones.${zone}.mfaRequired`,
			message: {
				ja: `${TIER_LABEL[zone].ja}の端末 ${nameOf(node)}（${segmentName(segment)}）に多要素認証がない`,
				en: `Terminal ${nameOf(node)} in the ${TIER_LABEL[zone].en} (${segmentName(segment)}) has no multi-factor authentication`,
			},
			remedy: {
				ja: "ログインに多要素認証（ICカード・生体認証など）を導入し、構成のこの端末に「多要素認証」ありと記録する。",
				en: "Introduce multi-factor login (smart card, biometrics…) and record it on this terminal in the layout (multi-factor authentication).",
			},
		};
	},
};
