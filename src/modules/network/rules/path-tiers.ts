import type { Segment } from "../model.schema.ts";
import type { FlowPath } from "./rule.ts";

/** The segments a flow stands in, in order: its source's, each one it crosses into, its end. */
export function stopsOf(path: FlowPath): Segment[] {
	const first = path.hops[0];
	if (first === undefined) return [path.source.segment];
	const stops = [first.from];
	for (const hop of path.hops) stops.push(hop.to);
	return stops;
}
