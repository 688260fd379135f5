import { type SegmentRule, segmentName, TIER_LABEL } from "./rule.ts";
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
	check(segment, ctx) {
		const zone = zoneOf(segment);
		if (zone === null || !ctx.pack.network.zones[zone].enhancedMonitoring) return null;
		if (segment.monitoring === true) return null;
		return {
			clause: `基本方針 6(3)③; network.zones.${zone}.enhancedMonitoring`,
			message: {
				ja: `${TIER_LABEL[zone].ja}のセグメント ${segmentName(segment)} に不正通信の監視がない`,
				en: `Segment ${segmentName(segment)} of the ${TIER_LABEL[zone].en} has no intrusion monitoring`,
			},
			remedy: {
				ja: "IDS/IPSやログ分析による監視を導入し、構成のこのセグメントに「不正通信の監視あり」と記録する。",
				en: "Put IDS/IPS or log-analysis monitoring in place and record it on this segment in the layout (monitored).",
			},
		};
	},
};
