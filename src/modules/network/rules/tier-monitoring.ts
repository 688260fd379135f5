import { type SegmentRule, segmentName } from "./rule.ts";
import { zoneOf } from "./zone-of.ts";

/** Segments of a tier whose pack zone asks for enhanced monitoring have 不正通信の監視 in place. */
export const tierMonitoringRule: SegmentRule = {
	id: "tier-monitoring",
	scope: "segment",
	clause: "基本方針 6(3)③; network.zones.<tier>.enhancedMonitoring",
	title: { ja: "不正通信の監視強化", en: "Enhanced monitoring of the tier" },
	description: {
		ja: "監視強化を求める系（インターネット接続系など）のセグメントでは、不正通信の監視（IDS/IPS・ログ分析など）を行う。",
		en: "Segments of a tier that asks for enhanced monitoring (the Internet tier) have intrusion monitoring in place.",
	},
	codes: ["segment_unmonitored"],
	check(segment, ctx) {
		const zone = zoneOf(segment);
		if (zone === null || !ctx.pack.network.zones[zone].enhancedMonitoring) return null;
		if (segment.monitoring === true) return null;
		return {
			clause: `基本方針 6(3)③; network.zones.${zone}.enhancedMonitoring`,
			code: "segment_unmonitored",
			params: { zone, segment: segmentName(segment) },
		};
	},
};
