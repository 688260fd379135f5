import { ZONES, type Zone } from "../../policies/pack/network.schema.ts";
import type { Tier } from "../model-index.ts";
import { stopsOf } from "./path-tiers.ts";
import {
	type Bilingual,
	type CheckContext,
	type FlowPath,
	type FlowRule,
	GATEWAY_LABEL,
	type IndexedRoute,
	listOf,
	nameOf,
	routeInWords,
	SAFEGUARD_GATEWAYS,
	SAFEGUARD_LABEL,
	TIER_LABEL,
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
	check(path, ctx) {
		for (const zone of ZONES) {
			if (!ctx.pack.network.zones[zone].isolated) continue;
			const finding = checkZone(zone, path, ctx);
			if (finding !== null) return finding;
		}
		return null;
	},
};

function checkZone(zone: Zone, path: FlowPath, ctx: CheckContext) {
	const stops = stopsOf(path);
	const tiers = stops.map((segment) => ctx.tierOf(segment));
	const provision = zone === "mynumber" && tiers.includes("info_provision");
	if (!tiers.includes(zone) && !provision) return null;
	if (tiers.every((tier) => inside(zone, tier))) return null;
	const from = ctx.tierOf(path.source.segment);
	const to = ctx.tierOf(path.destination.segment);
	const name = TIER_LABEL[zone];
	if (provision) {
		const other = tiers.find((tier) => !inside(zone, tier)) ?? from;
		return {
			message: {
				ja: `情報提供ネットワークに${TIER_LABEL[other].ja}から接続している（接続できるのはマイナンバー利用事務系だけ）`,
				en: `The information provision network is reached from the ${TIER_LABEL[other].en}; only the My Number tier may connect to it`,
			},
			remedy: {
				ja: "情報提供ネットワークへの接続はマイナンバー利用事務系（中間サーバー等）からに限る。",
				en: "Connect to the information provision network only from the My Number tier (its intermediate server).",
			},
		};
	}
	if (from !== zone && to !== zone) {
		return {
			message: {
				ja: `${TIER_LABEL[from].ja}から${TIER_LABEL[to].ja}への通信が${name.ja}を通り抜けている`,
				en: `Traffic from the ${TIER_LABEL[from].en} to the ${TIER_LABEL[to].en} passes through the ${name.en}`,
			},
			remedy: {
				ja: `${name.ja}を中継に使わない経路に改める。`,
				en: `Route it so that it does not transit the ${name.en}.`,
			},
		};
	}
	const routes = ctx.routesBetween(from, to);
	const misses: { route: IndexedRoute; why: Bilingual }[] = [];
	for (const route of routes) {
		const why = mismatch(zone, route, tiers, from, to, path);
		if (why === null) return null;
		misses.push({ route, why });
	}
	const closest = misses[0];
	if (closest === undefined) {
		const allowed = ctx.pack.network.allowedRoutes
			.map((r, i) => ({ r, i }))
			.filter(({ r }) => r.from === zone || r.to === zone)
			.map(({ r, i }) => routeInWords(r, i));
		return {
			message: {
				ja: `ポリシーは${TIER_LABEL[from].ja}から${TIER_LABEL[to].ja}への通信経路を許可していない`,
				en: `The policy allows no route from the ${TIER_LABEL[from].en} to the ${TIER_LABEL[to].en}`,
			},
			remedy: {
				ja: `この通信をやめる。${name.ja}について許可された経路: ${allowed.length === 0 ? "なし" : allowed.map((r) => r.ja).join("、")}`,
				en: `Remove this flow; routes the policy allows for the ${name.en}: ${allowed.length === 0 ? "none" : listOf(allowed.map((r) => r.en))}.`,
			},
		};
	}
	const gateways = SAFEGUARD_GATEWAYS[closest.route.route.safeguard];
	return {
		clause: `基本方針 6(3)①; network.allowedRoutes[${closest.route.index}]`,
		message: {
			ja: `${routeInWords(closest.route.route, closest.route.index).ja}の条件を満たしていない: ${closest.why.ja}`,
			en: `The flow does not meet ${routeInWords(closest.route.route, closest.route.index).en}: ${closest.why.en}`,
		},
		remedy: {
			ja: `${closest.route.route.via ? `${TIER_LABEL[closest.route.route.via].ja}を経由し、` : ""}${name.ja}との境界で ${gateways.map((g) => GATEWAY_LABEL[g].ja).join("・")} のゲートウェイを通す。`,
			en: `${closest.route.route.via ? `Go through the ${TIER_LABEL[closest.route.route.via].en} and ` : ""}cross into the ${name.en} through a ${gateways.map((g) => GATEWAY_LABEL[g].en).join(" or ")} gateway.`,
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
): Bilingual | null {
	const middle = tiers.slice(1, -1).filter((tier) => tier !== from && tier !== to);
	if (route.via !== undefined && !tiers.slice(1, -1).includes(route.via)) {
		return {
			ja: `${TIER_LABEL[route.via].ja}を経由していない`,
			en: `it does not go through the ${TIER_LABEL[route.via].en}`,
		};
	}
	const stray = middle.find((tier) => tier !== route.via);
	if (stray !== undefined) {
		return {
			ja: `${TIER_LABEL[stray].ja}を通っている`,
			en: `it passes the ${TIER_LABEL[stray].en}`,
		};
	}
	const allowed = SAFEGUARD_GATEWAYS[route.safeguard];
	for (let i = 0; i + 1 < tiers.length; i++) {
		const a = tiers[i];
		const b = tiers[i + 1];
		if (a === undefined || b === undefined || inside(zone, a) === inside(zone, b)) continue;
		const gateway = path.hops[i]?.gateway ?? null;
		if (gateway === null) {
			return {
				ja: `${TIER_LABEL[zone].ja}との境界をゲートウェイなしで越えている`,
				en: `it crosses the ${TIER_LABEL[zone].en} boundary without a gateway`,
			};
		}
		if (!allowed.includes(gateway.kind)) {
			return {
				ja: `境界のゲートウェイ ${nameOf(gateway)} は${GATEWAY_LABEL[gateway.kind].ja}で、求められる対策（${SAFEGUARD_LABEL[route.safeguard].ja}）を満たさない`,
				en: `gateway ${nameOf(gateway)} at the boundary is a ${GATEWAY_LABEL[gateway.kind].en} gateway, which does not give ${SAFEGUARD_LABEL[route.safeguard].en}`,
			};
		}
	}
	return null;
}
