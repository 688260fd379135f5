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
	// `flow_end_unknown` is given by the engine when an end of the flow does not resolve.
	codes: ["via_unknown", "gateway_hand_over", "gateway_off_path", "flow_end_unknown"],
	check(path) {
		return path.broken;
	},
};
