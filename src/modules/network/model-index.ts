import { ANY_ADDRESS, CidrTable, parseCidr } from "./address.ts";
import type { Gateway, ModelNode, NetworkModelFile, Segment, SegmentKind } from "./model.schema.ts";

/**
 * Which side of the separation a segment kind belongs to. The LGWAN itself counts with the LGWAN
 * tier, and the security cloud, the Internet and cloud services with the Internet tier, so that
 * one crossing rule covers them; 情報提供ネットワーク is reached from the My Number tier only.
 */
export type Tier = "mynumber" | "lgwan" | "internet" | "info_provision" | "standalone";

export const TIER_OF_KIND: Record<SegmentKind, Tier> = {
	mynumber: "mynumber",
	lgwan: "lgwan",
	internet: "internet",
	lgwan_backbone: "lgwan",
	security_cloud: "internet",
	info_provision_network: "info_provision",
	internet_external: "internet",
	cloud_service: "internet",
	standalone: "standalone",
};

/** Kinds outside the municipality: traffic to them leaves through the security cloud. */
export function isExternal(kind: SegmentKind): boolean {
	return kind === "internet_external" || kind === "cloud_service";
}

/** A flow end resolved to its segment (and node, when it names or maps to one). */
export interface Endpoint {
	segment: Segment;
	/** The segment's position in the model file: a cheap key for per-path caches. */
	segmentIndex: number;
	node: ModelNode | null;
}

/** Lookup tables built once per check: by id, and from address blocks. */
export interface ModelIndex {
	segments: Map<string, Segment>;
	nodes: Map<string, ModelNode>;
	gateways: Map<string, Gateway>;
	/**
	 * Resolves a node id, a segment id or an IPv4 address/CIDR (most specific block holding it
	 * whole, else `addressing.unmatched`); null when nothing matches or a block spans segments.
	 */
	resolve(endpoint: string): Endpoint | null;
	/** Whether an address block is wider than some block of the model (it spans segments). */
	spans(block: string): boolean;
}

/**
 * Indexes a model whose references are valid (as `parseModelFile` leaves it).
 *
 * @example
 * const index = indexModel(model);
 * index.resolve("10.1.0.5")?.segment.kind; // "mynumber"
 */
export function indexModel(model: NetworkModelFile): ModelIndex {
	const segments = new Map<string, Segment>();
	const order = new Map<Segment, number>();
	const nodes = new Map<string, ModelNode>();
	const gateways = new Map<string, Gateway>();
	const table = new CidrTable<Endpoint>();
	const endpoint = (segment: Segment, node: ModelNode | null): Endpoint => ({
		segment,
		segmentIndex: order.get(segment) ?? -1,
		node,
	});
	for (const [i, segment] of model.segments.entries()) {
		segments.set(segment.id, segment);
		order.set(segment, i);
		for (const block of segment.cidrs ?? []) {
			const cidr = parseCidr(block);
			if (cidr !== null) table.add(cidr, endpoint(segment, null));
		}
	}
	for (const node of model.nodes) {
		nodes.set(node.id, node);
		const segment = segments.get(node.segment);
		if (segment === undefined) continue;
		for (const block of node.addresses ?? []) {
			const cidr = parseCidr(block);
			if (cidr !== null) table.add(cidr, endpoint(segment, node));
		}
	}
	for (const gateway of model.gateways) gateways.set(gateway.id, gateway);
	const unmatchedId = model.addressing?.unmatched;
	const unmatched = unmatchedId === undefined ? undefined : segments.get(unmatchedId);
	const unmatchedEndpoint = unmatched === undefined ? null : endpoint(unmatched, null);
	const byId = new Map<string, Endpoint>();

	return {
		segments,
		nodes,
		gateways,
		spans: (block) => table.spans(block),
		resolve(ref) {
			let found = byId.get(ref);
			if (found !== undefined) return found;
			const node = nodes.get(ref);
			if (node !== undefined) {
				const segment = segments.get(node.segment);
				if (segment === undefined) return null;
				found = endpoint(segment, node);
				byId.set(ref, found);
				return found;
			}
			const segment = segments.get(ref);
			if (segment !== undefined) {
				found = endpoint(segment, null);
				byId.set(ref, found);
				return found;
			}
			if (ANY_ADDRESS.has(ref.toLowerCase())) return unmatchedEndpoint;
			if (parseCidr(ref) === null) return null;
			// A block wider than the model's blocks (10.0.0.0/8 over every tier) has no one segment:
			// leave it unresolved rather than call it the Internet.
			return table.lookup(ref) ?? (table.spans(ref) ? null : unmatchedEndpoint);
		},
	};
}
