import type { FlowRule } from "./rule.ts";

/** The gateways a flow lists must lie on its way, in order, and follow declared chains. */
export const flowPathConsistentRule: FlowRule = {
	id: "flow-path-consistent",
	scope: "flow",
	clause: "ネットワーク構成（通信の経由）; network model: flows[].via",
	title: { ja: "経由ゲートウェイの整合", en: "Gateways on the flow's way" },
	description: {
		ja: "通信の「経由」に並べたゲートウェイは、送信元から宛先への道筋に順に接し、「引き渡し先ゲートウェイ」で定めた連携に従う。",
		en: "The gateways a flow goes through touch its way in order and follow the hand-overs declared between gateways.",
	},
	check(path) {
		if (path.broken === null) return null;
		return {
			message: path.broken,
			remedy: {
				ja: "通信の「経由」を実際に通るゲートウェイの順に直すか、ゲートウェイの「接続」「引き渡し先ゲートウェイ」を直す。",
				en: "List the gateways the traffic really passes, in order, or fix what the gateways connect and hand over to.",
			},
		};
	},
};
