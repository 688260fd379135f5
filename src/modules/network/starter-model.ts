import type { NetworkModelFile } from "./model.schema.ts";

/**
 * What a tenant sees before its first save: the three tiers and what surrounds them, with no
 * nodes, gateways or flows yet. Segments carry no names, so the UI shows its own labels.
 *
 * @example
 * starterModel("佐賀市").segments.map((s) => s.kind); // ["mynumber", "lgwan", …]
 */
export function starterModel(name: string): NetworkModelFile {
	return {
		formatVersion: 1,
		name,
		addressing: { unmatched: "internet-external" },
		segments: [
			{ id: "mynumber", kind: "mynumber" },
			{ id: "lgwan", kind: "lgwan" },
			{ id: "internet", kind: "internet" },
			{ id: "lgwan-backbone", kind: "lgwan_backbone" },
			{ id: "security-cloud", kind: "security_cloud" },
			{ id: "internet-external", kind: "internet_external" },
		],
		nodes: [],
		gateways: [],
		flows: [],
	};
}
