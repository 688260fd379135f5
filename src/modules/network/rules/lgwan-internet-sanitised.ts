import { isExternal } from "../model-index.ts";
import {
	type FlowRule,
	GATEWAY_LABEL,
	nameOf,
	SAFEGUARD_GATEWAYS,
	segmentName,
	TIER_LABEL,
} from "./rule.ts";

const SANITISING = SAFEGUARD_GATEWAYS.sanitized;

/**
 * Every crossing between the LGWAN tier (with the LGWAN itself) and the Internet tier (with the
 * security cloud and the Internet) goes through a sanitising gateway, along a route the pack
 * allows. Under α′ a direct connection from the LGWAN tier to the outside is a local breakout,
 * judged by `alpha-prime-breakout` instead.
 */
export const lgwanInternetSanitisedRule: FlowRule = {
	id: "lgwan-internet-sanitised",
	scope: "flow",
	clause: "基本方針 6(3)②; network.allowedRoutes",
	title: {
		ja: "LGWAN接続系とインターネット接続系の無害化通信",
		en: "Sanitised traffic between the LGWAN and Internet tiers",
	},
	description: {
		ja: "LGWAN接続系とインターネット接続系の間の通信は経路を分割し、無害化（メール無害化・ファイル無害化・画面転送）を通したものに限る。",
		en: "Traffic between the LGWAN and Internet tiers is split and passes only through sanitising (mail, file, screen transfer).",
	},
	check(path, ctx) {
		for (const hop of path.hops) {
			const a = ctx.tierOf(hop.from);
			const b = ctx.tierOf(hop.to);
			if (!((a === "lgwan" && b === "internet") || (a === "internet" && b === "lgwan"))) continue;
			const breakout =
				ctx.modelName === "alpha_prime" &&
				hop.gateway === null &&
				(isExternal(hop.to.kind) || isExternal(hop.from.kind));
			if (breakout) continue;
			const crossing = `${segmentName(hop.from)} → ${segmentName(hop.to)}`;
			if (hop.gateway === null || !SANITISING.includes(hop.gateway.kind)) {
				return {
					message: {
						ja: `${TIER_LABEL[a].ja}と${TIER_LABEL[b].ja}の境界（${crossing}）を${hop.gateway === null ? "無害化なしで直接" : `無害化でないゲートウェイ ${nameOf(hop.gateway)}（${GATEWAY_LABEL[hop.gateway.kind].ja}）で`}越えている`,
						en: `The flow crosses between the ${TIER_LABEL[a].en} and the ${TIER_LABEL[b].en} (${crossing}) ${hop.gateway === null ? "directly, without sanitising" : `through ${nameOf(hop.gateway)}, a ${GATEWAY_LABEL[hop.gateway.kind].en} gateway that does not sanitise`}`,
					},
					remedy: {
						ja: "通信の「経由」にメール無害化・ファイル無害化転送・画面転送のいずれかのゲートウェイを入れ、直接の経路を塞ぐ。",
						en: "Send it through a mail-sanitising, file-sanitising transfer or screen-transfer gateway and close the direct path.",
					},
				};
			}
			const kind = hop.gateway.kind;
			const route = ctx
				.routesBetween(a, b)
				.find(
					({ route }) =>
						route.via === undefined && SAFEGUARD_GATEWAYS[route.safeguard].includes(kind),
				);
			if (route === undefined) {
				return {
					message: {
						ja: `ポリシーは${TIER_LABEL[a].ja}から${TIER_LABEL[b].ja}への${GATEWAY_LABEL[kind].ja}による通信を許可していない`,
						en: `The policy allows no ${GATEWAY_LABEL[kind].en} route from the ${TIER_LABEL[a].en} to the ${TIER_LABEL[b].en}`,
					},
					remedy: {
						ja: "この通信をやめるか、ポリシーの許可経路にこの経路を定めてから使う。",
						en: "Remove the flow, or have the policy allow the route first (its allowed routes).",
					},
				};
			}
		}
		return null;
	},
};
