import type { CodedFinding } from "../../../shared/network-findings.ts";
import { ZONES, type Zone } from "../../policies/pack/network.schema.ts";
import type { Tier } from "../model-index.ts";
import { stopsOf } from "./path-tiers.ts";
import {
	type CheckContext,
	type Finding,
	type FlowPath,
	type FlowRule,
	type IndexedRoute,
	nameOf,
	routeOf,
	SAFEGUARD_GATEWAYS,
} from "./rule.ts";

/**
 * A tier the pack marks `isolated` (the My Number tier in every bundled pack) exchanges data with
 * no other tier except along a route the pack allows, through a gateway giving its safeguard.
 * The 情報提供ネットワーク is part of the My Number tier's design and is not a crossing.
 */
export const tierIsolationRule: FlowRule = {
	id: "tier-isolation",
	scope: "flow",
	clause: "基本方針 6(3)①; network.zones.mynumber.isolated; network.allowedRoutes",
	title: { ja: "分離された系との通信", en: "Traffic with an isolated tier" },
	description: {
		ja: "分離する系（マイナンバー利用事務系）は、ポリシーが許す経路と対策（無害化・画面転送・LGWAN経由の転送）によらない限り、他の系と通信しない。",
		en: "An isolated tier (the My Number tier) talks to other tiers only along a route the policy allows, through the safeguard it names.",
	},
	codes: [
		"isolated_provision_reached",
		"isolated_transit",
		"isolated_no_route",
		"isolated_route_not_via",
		"isolated_route_stray",
		"isolated_route_no_gateway",
		"isolated_route_wrong_gateway",
	],
	check(path, ctx) {
		for (const zone of ZONES) {
			if (!ctx.pack.network.zones[zone].isolated) continue;
			const finding = checkZone(zone, path, ctx);
			if (finding !== null) return finding;
		}
		return null;
	},
};

function checkZone(zone: Zone, path: FlowPath, ctx: CheckContext): Finding | null {
	const stops = stopsOf(path);
	const tiers = stops.map((segment) => ctx.tierOf(segment));
	const provision = zone === "mynumber" && tiers.includes("info_provision");
	if (!tiers.includes(zone) && !provision) return null;
	if (tiers.every((tier) => inside(zone, tier))) return null;
	const from = ctx.tierOf(path.source.segment);
	const to = ctx.tierOf(path.destination.segment);
	if (provision) {
		const other = tiers.find((tier) => !inside(zone, tier)) ?? from;
		return { code: "isolated_provision_reached", params: { other, zone } };
	}
	if (from !== zone && to !== zone) {
		return { code: "isolated_transit", params: { from, to, zone } };
	}
	const routes = ctx.routesBetween(from, to);
	let closest: { route: IndexedRoute; why: CodedFinding } | undefined;
	for (const route of routes) {
		const why = mismatch(zone, route, tiers, from, to, path);
		if (why === null) return null;
		closest ??= { route, why };
	}
	if (closest === undefined) {
		const allowed = ctx.pack.network.allowedRoutes
			.map((route, index) => ({ route, index }))
			.filter(({ route }) => route.from === zone || route.to === zone)
			.map(routeOf);
		return { code: "isolated_no_route", params: { from, to, zone, routes: allowed } };
	}
	return {
		clause: `基本方針 6(3)①; network.allowedRoutes[${closest.route.index}]`,
		code: closest.why.code,
		params: {
			...closest.why.params,
			route: routeOf(closest.route),
			zone,
			gatewayKinds: [...SAFEGUARD_GATEWAYS[closest.route.route.safeguard]],
		},
	};
}

function inside(zone: Zone, tier: Tier): boolean {
	return tier === zone || (zone === "mynumber" && tier === "info_provision");
}

/** Why a path does not follow a route, or null when it does. */
function mismatch(
	zone: Zone,
	{ route }: IndexedRoute,
	tiers: Tier[],
	from: Tier,
	to: Tier,
	path: FlowPath,
): CodedFinding | null {
	const middle = tiers.slice(1, -1).filter((tier) => tier !== from && tier !== to);
	if (route.via !== undefined && !tiers.slice(1, -1).includes(route.via)) {
		return { code: "isolated_route_not_via", params: { via: route.via } };
	}
	const stray = middle.find((tier) => tier !== route.via);
	if (stray !== undefined) return { code: "isolated_route_stray", params: { stray } };
	const allowed = SAFEGUARD_GATEWAYS[route.safeguard];
	for (let i = 0; i + 1 < tiers.length; i++) {
		const a = tiers[i];
		const b = tiers[i + 1];
		if (a === undefined || b === undefined || inside(zone, a) === inside(zone, b)) continue;
		const gateway = path.hops[i]?.gateway ?? null;
		if (gateway === null) return { code: "isolated_route_no_gateway", params: {} };
		if (!allowed.includes(gateway.kind)) {
			return {
				code: "isolated_route_wrong_gateway",
				params: {
					gateway: nameOf(gateway),
					gatewayKind: gateway.kind,
					safeguard: route.safeguard,
				},
			};
		}
	}
	return null;
}
