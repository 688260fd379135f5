import { isExternal } from "../model-index.ts";
import { type FlowRule, nameOf, SAFEGUARD_GATEWAYS, segmentName } from "./rule.ts";

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
	codes: [
		"lgwan_internet_direct",
		"lgwan_internet_unsanitised_gateway",
		"lgwan_internet_route_not_allowed",
	],
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
			const crossing = {
				from: a,
				to: b,
				fromSegment: segmentName(hop.from),
				toSegment: segmentName(hop.to),
				gatewayKinds: [...SANITISING],
			};
			if (hop.gateway === null) return { code: "lgwan_internet_direct", params: crossing };
			if (!SANITISING.includes(hop.gateway.kind)) {
				return {
					code: "lgwan_internet_unsanitised_gateway",
					params: { ...crossing, gateway: nameOf(hop.gateway), gatewayKind: hop.gateway.kind },
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
					code: "lgwan_internet_route_not_allowed",
					params: { from: a, to: b, gatewayKind: kind },
				};
			}
		}
		return null;
	},
};
