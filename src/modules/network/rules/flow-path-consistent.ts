import type { FlowRule } from "./rule.ts";

/** The gateways a flow lists must lie on its way, in order, and follow declared chains. */
export const flowPathConsistentRule: FlowRule = {
	id: "flow-path-consistent",
	scope: "flow",
	clause: "network model: flows[].via",
	title: { ja: "経由ゲートウェイの整合", en: "Gateways on the flow's way" },
	description: {
		ja: "via に並べたゲートウェイは、送信元から宛先への道筋に順に接し、next で定めた連携に従う。",
		en: "The gateways in via touch the flow's way in order and follow the chains declared with next.",
	},
	check(path) {
		if (path.broken === null) return null;
		return {
			message: path.broken,
			remedy: {
				ja: "via を実際に通るゲートウェイの順に直すか、ゲートウェイの between / next を直す。",
				en: "List in via the gateways the traffic really passes, in order, or fix the gateways' between/next.",
			},
		};
	},
};
