import { flowPath } from "./flow-path.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { indexModel } from "./model-index.ts";

/** A flow as the diagram draws it: resolved ends and the waypoints between them. */
export interface DiagramFlow {
	id: string;
	sourceSegment: string;
	sourceNode: string | null;
	destinationSegment: string;
	destinationNode: string | null;
	/** Gateways and segments passed, in order: what the line bends through. */
	waypoints: { kind: "gateway" | "segment"; id: string }[];
}

/**
 * Resolve every flow's ends (node, segment, or an address mapped through the cidrs) so that the
 * browser, which knows nothing of address blocks, can draw it. Flows whose ends do not resolve
 * are left out (a valid model has none).
 *
 * @example
 * diagramFlows(model).find((f) => f.id === "f1")?.waypoints; // [{ kind: "gateway", id: "gw-mail" }]
 */
export function diagramFlows(model: NetworkModelFile): DiagramFlow[] {
	const index = indexModel(model);
	const flows: DiagramFlow[] = [];
	for (const flow of model.flows) {
		const path = flowPath(flow, index);
		if (path === null) continue;
		const waypoints: DiagramFlow["waypoints"] = [];
		for (const hop of path.hops) {
			if (hop.gateway) waypoints.push({ kind: "gateway", id: hop.gateway.id });
			else if (hop.to.id !== path.destination.segment.id) {
				waypoints.push({ kind: "segment", id: hop.to.id });
			}
		}
		flows.push({
			id: flow.id,
			sourceSegment: path.source.segment.id,
			sourceNode: path.source.node?.id ?? null,
			destinationSegment: path.destination.segment.id,
			destinationNode: path.destination.node?.id ?? null,
			waypoints,
		});
	}
	return flows;
}
