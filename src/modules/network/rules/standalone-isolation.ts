import { type FlowRule, segmentName } from "./rule.ts";

/** A standalone segment is connected to nothing: any flow leaving or entering it is a finding. */
export const standaloneIsolationRule: FlowRule = {
	id: "standalone-isolation",
	scope: "flow",
	clause: "総務省ガイドライン（スタンドアロン端末）",
	title: { ja: "スタンドアロンの分離", en: "Standalone segments stay unconnected" },
	description: {
		ja: "スタンドアロンとしたセグメントは、ほかのどのセグメントとも通信しない。",
		en: "A segment declared standalone talks to no other segment.",
	},
	codes: ["standalone_connected"],
	check(path) {
		const hop = path.hops.find((h) => h.from.kind === "standalone" || h.to.kind === "standalone");
		if (hop === undefined) return null;
		return {
			code: "standalone_connected",
			params: { fromSegment: segmentName(hop.from), toSegment: segmentName(hop.to) },
		};
	},
};
