import type { Flow } from "./model.schema.ts";
import { type ModelIndex, TIER_OF_KIND } from "./model-index.ts";
import { type FlowPath, type Hop, nameOf } from "./rules/rule.ts";

/**
 * Lays a flow out over segments: from the source's segment through each `via` entry (a gateway
 * crosses to its other end; a security-cloud segment is entered directly) to the destination's
 * segment. Returns null when an end does not resolve (the loader reports those).
 *
 * @example
 * const path = flowPath(flow, indexModel(model));
 * path?.hops.map((h) => h.gateway?.id ?? "direct");
 */
export function flowPath(flow: Flow, index: ModelIndex): FlowPath | null {
	const source = index.resolve(flow.source);
	const destination = index.resolve(flow.destination);
	if (source === null || destination === null) return null;
	const hops: Hop[] = [];
	// Messages name segments and gateways as people named them (ids are in the finding's details).
	const nameOfId = (id: string) => {
		const entity = index.gateways.get(id) ?? index.segments.get(id);
		return entity ? nameOf(entity) : id;
	};
	let current = source.segment;
	let previousGateway: string | null = null;
	let broken: FlowPath["broken"] = null;
	for (const id of flow.via ?? []) {
		const gateway = index.gateways.get(id);
		if (gateway === undefined) {
			const segment = index.segments.get(id);
			if (segment === undefined) {
				broken ??= { code: "via_unknown", params: { id } };
				continue;
			}
			if (segment !== current) hops.push({ from: current, to: segment, gateway: null });
			current = segment;
			previousGateway = null;
			continue;
		}
		if (previousGateway !== null) {
			const handsTo: readonly string[] | undefined = index.gateways.get(previousGateway)?.next;
			if (handsTo !== undefined && !handsTo.includes(id)) {
				broken ??= {
					code: "gateway_hand_over",
					params: {
						gateway: nameOfId(previousGateway),
						next: nameOf(gateway),
						handsTo: handsTo.map(nameOfId),
					},
				};
			}
		}
		const [a, b] = gateway.between;
		let exit: string;
		if (a === current.id) exit = b;
		else if (b === current.id) exit = a;
		else {
			// A gateway on the far side of the flow's own tier is reached across that tier; one
			// touching neither the segment nor its tier does not fit the flow.
			const tier = TIER_OF_KIND[current.kind];
			const entryId = [a, b].find((end) => {
				const segment = index.segments.get(end);
				return segment !== undefined && TIER_OF_KIND[segment.kind] === tier;
			});
			if (entryId === undefined) {
				broken ??= {
					code: "gateway_off_path",
					params: {
						gateway: nameOf(gateway),
						end1: nameOfId(a),
						end2: nameOfId(b),
						segment: nameOf(current),
					},
				};
			}
			const entry = index.segments.get(entryId ?? a);
			// Enter it anyway, so later rules still see the crossing it makes.
			if (entry !== undefined && entry !== current) {
				hops.push({ from: current, to: entry, gateway: null });
				current = entry;
			}
			exit = entryId === b ? a : b;
		}
		const next = index.segments.get(exit);
		if (next === undefined) continue;
		hops.push({ from: current, to: next, gateway });
		current = next;
		previousGateway = id;
	}
	if (current !== destination.segment) {
		hops.push({ from: current, to: destination.segment, gateway: null });
	}
	return { source, destination, hops, broken };
}
