/**
 * Where the tier diagram puts things: three tier columns (マイナンバー利用事務系, LGWAN接続系,
 * インターネット接続系); above each, the networks it connects to (情報提供ネットワーク, LGWAN, the
 * security cloud, the Internet, cloud services); standalone segments below. Nodes sit in a grid
 * inside their segment; a gateway sits between the two segments it joins. Pure, so it is tested
 * without a browser.
 */

export interface LayoutSegment {
	id: string;
	kind: string;
}
export interface LayoutNode {
	id: string;
	segment: string;
}
export interface LayoutGateway {
	id: string;
	/** The two segments joined (the typed client reads the tuple as an array). */
	between: readonly string[];
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}
export interface Point {
	x: number;
	y: number;
}

export interface Layout {
	width: number;
	height: number;
	/** The three tier bands, by tier. */
	bands: { tier: Tier; box: Box }[];
	segments: Map<string, Box>;
	nodes: Map<string, Box>;
	gateways: Map<string, Point>;
}

export const TIERS = ["mynumber", "lgwan", "internet"] as const;
export type Tier = (typeof TIERS)[number];

/** The column a segment kind is drawn in, and whether it sits above the tier band. */
const PLACE: Record<string, { column: Tier; row: "outside" | "tier" } | { row: "bottom" }> = {
	mynumber: { column: "mynumber", row: "tier" },
	lgwan: { column: "lgwan", row: "tier" },
	internet: { column: "internet", row: "tier" },
	info_provision_network: { column: "mynumber", row: "outside" },
	lgwan_backbone: { column: "lgwan", row: "outside" },
	security_cloud: { column: "internet", row: "outside" },
	internet_external: { column: "internet", row: "outside" },
	cloud_service: { column: "internet", row: "outside" },
	standalone: { row: "bottom" },
};

export const NODE_WIDTH = 112;
export const NODE_HEIGHT = 34;
const MARGIN = 24;
const COLUMN_WIDTH = 340;
const COLUMN_GAP = 80;
const SEGMENT_HEADER = 30;
const SEGMENT_PADDING = 12;
const NODE_GAP = 10;
const SEGMENT_GAP = 16;
const BAND_HEADER = 34;
const ROW_GAP = 70;

function segmentHeight(nodes: number, columns: number): number {
	const rows = Math.max(1, Math.ceil(nodes / columns));
	return SEGMENT_HEADER + rows * (NODE_HEIGHT + NODE_GAP) + SEGMENT_PADDING - NODE_GAP;
}

function nodesPerRow(width: number): number {
	return Math.max(
		1,
		Math.floor((width - 2 * SEGMENT_PADDING + NODE_GAP) / (NODE_WIDTH + NODE_GAP)),
	);
}

function placeNodes(box: Box, members: readonly LayoutNode[], into: Map<string, Box>): void {
	const columns = nodesPerRow(box.width);
	members.forEach((node, i) => {
		into.set(node.id, {
			x: box.x + SEGMENT_PADDING + (i % columns) * (NODE_WIDTH + NODE_GAP),
			y: box.y + SEGMENT_HEADER + Math.floor(i / columns) * (NODE_HEIGHT + NODE_GAP),
			width: NODE_WIDTH,
			height: NODE_HEIGHT,
		});
	});
}

export function centre(box: Box): Point {
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Lay out a model.
 *
 * @example
 * const layout = layoutDiagram(model.segments, model.nodes, model.gateways);
 * layout.segments.get("lgwan"); // { x, y, width, height }
 */
export function layoutDiagram(
	segments: readonly LayoutSegment[],
	nodes: readonly LayoutNode[],
	gateways: readonly LayoutGateway[],
): Layout {
	const membersOf = new Map<string, LayoutNode[]>();
	for (const node of nodes) {
		const list = membersOf.get(node.segment) ?? [];
		list.push(node);
		membersOf.set(node.segment, list);
	}
	const columnX = (tier: Tier) => MARGIN + TIERS.indexOf(tier) * (COLUMN_WIDTH + COLUMN_GAP);
	const width = 2 * MARGIN + TIERS.length * COLUMN_WIDTH + (TIERS.length - 1) * COLUMN_GAP;
	const segmentBoxes = new Map<string, Box>();
	const nodeBoxes = new Map<string, Box>();

	// Row 1: what each tier connects to, side by side above its column.
	const outside = new Map<Tier, LayoutSegment[]>(TIERS.map((tier) => [tier, []]));
	const inTier = new Map<Tier, LayoutSegment[]>(TIERS.map((tier) => [tier, []]));
	const bottom: LayoutSegment[] = [];
	for (const segment of segments) {
		const place = PLACE[segment.kind] ?? { row: "bottom" as const };
		if (place.row === "bottom") bottom.push(segment);
		else (place.row === "outside" ? outside : inTier).get(place.column)?.push(segment);
	}
	let outsideHeight = 0;
	for (const tier of TIERS) {
		const list = outside.get(tier) ?? [];
		const each = list.length > 0 ? (COLUMN_WIDTH - (list.length - 1) * NODE_GAP) / list.length : 0;
		for (const segment of list) {
			const count = membersOf.get(segment.id)?.length ?? 0;
			outsideHeight = Math.max(outsideHeight, segmentHeight(count, nodesPerRow(each)));
		}
	}
	outsideHeight = Math.max(outsideHeight, 60);
	for (const tier of TIERS) {
		const list = outside.get(tier) ?? [];
		const each = (COLUMN_WIDTH - (list.length - 1) * NODE_GAP) / Math.max(1, list.length);
		list.forEach((segment, i) => {
			const box = {
				x: columnX(tier) + i * (each + NODE_GAP),
				y: MARGIN,
				width: each,
				height: outsideHeight,
			};
			segmentBoxes.set(segment.id, box);
			placeNodes(box, membersOf.get(segment.id) ?? [], nodeBoxes);
		});
	}

	// Row 2: the tier bands, their segments stacked inside.
	const bandTop = MARGIN + outsideHeight + ROW_GAP;
	let bandHeight = 0;
	const inner = COLUMN_WIDTH - 2 * SEGMENT_PADDING;
	for (const tier of TIERS) {
		let y = bandTop + BAND_HEADER;
		for (const segment of inTier.get(tier) ?? []) {
			const members = membersOf.get(segment.id) ?? [];
			const box = {
				x: columnX(tier) + SEGMENT_PADDING,
				y,
				width: inner,
				height: segmentHeight(members.length, nodesPerRow(inner)),
			};
			segmentBoxes.set(segment.id, box);
			placeNodes(box, members, nodeBoxes);
			y += box.height + SEGMENT_GAP;
		}
		bandHeight = Math.max(bandHeight, y - bandTop + SEGMENT_PADDING - SEGMENT_GAP, 120);
	}
	const bands = TIERS.map((tier) => ({
		tier,
		box: { x: columnX(tier), y: bandTop, width: COLUMN_WIDTH, height: bandHeight },
	}));

	// Row 3: standalone (and unknown kinds), left to right.
	const bottomTop = bandTop + bandHeight + ROW_GAP;
	let bottomHeight = 0;
	const eachBottom = COLUMN_WIDTH;
	bottom.forEach((segment, i) => {
		const members = membersOf.get(segment.id) ?? [];
		const box = {
			x: MARGIN + (i % TIERS.length) * (COLUMN_WIDTH + COLUMN_GAP),
			y: bottomTop + Math.floor(i / TIERS.length) * (outsideHeight + SEGMENT_GAP),
			width: eachBottom,
			height: segmentHeight(members.length, nodesPerRow(eachBottom)),
		};
		segmentBoxes.set(segment.id, box);
		placeNodes(box, members, nodeBoxes);
		bottomHeight = Math.max(bottomHeight, box.y + box.height - bottomTop);
	});
	const height = (bottom.length > 0 ? bottomTop + bottomHeight : bandTop + bandHeight) + MARGIN;

	// Gateways: on the border between the two segments they join, spread when they share it.
	const gatewayPoints = new Map<string, Point>();
	const used = new Map<string, number>();
	for (const gateway of gateways) {
		const a = segmentBoxes.get(gateway.between[0] ?? "");
		const b = segmentBoxes.get(gateway.between[1] ?? "");
		if (!a || !b) continue;
		const point = between(a, b);
		const key = `${Math.round(point.x)}:${Math.round(point.y)}`;
		const n = used.get(key) ?? 0;
		used.set(key, n + 1);
		const vertical = Math.abs(centre(a).x - centre(b).x) > Math.abs(centre(a).y - centre(b).y);
		const shift = (n % 2 === 0 ? 1 : -1) * Math.ceil(n / 2) * 30;
		gatewayPoints.set(
			gateway.id,
			vertical ? { x: point.x, y: point.y + shift } : { x: point.x + shift, y: point.y },
		);
	}
	return {
		width,
		height,
		bands,
		segments: segmentBoxes,
		nodes: nodeBoxes,
		gateways: gatewayPoints,
	};
}

/** The middle of the gap between two boxes: horizontally apart, vertically apart, or centres. */
function between(a: Box, b: Box): Point {
	const [left, right] = a.x <= b.x ? [a, b] : [b, a];
	const [top, lower] = a.y <= b.y ? [a, b] : [b, a];
	const horizontalGap = right.x - (left.x + left.width);
	const verticalGap = lower.y - (top.y + top.height);
	if (horizontalGap > 0 && horizontalGap >= verticalGap) {
		const overlapTop = Math.max(a.y, b.y);
		const overlapBottom = Math.min(a.y + a.height, b.y + b.height);
		const y =
			overlapBottom > overlapTop
				? (overlapTop + overlapBottom) / 2
				: (centre(a).y + centre(b).y) / 2;
		return { x: left.x + left.width + horizontalGap / 2, y };
	}
	if (verticalGap > 0) {
		const overlapLeft = Math.max(a.x, b.x);
		const overlapRight = Math.min(a.x + a.width, b.x + b.width);
		const x =
			overlapRight > overlapLeft
				? (overlapLeft + overlapRight) / 2
				: (centre(a).x + centre(b).x) / 2;
		return { x, y: top.y + top.height + verticalGap / 2 };
	}
	const ca = centre(a);
	const cb = centre(b);
	return { x: (ca.x + cb.x) / 2, y: (ca.y + cb.y) / 2 };
}
