import { type Box, centre, type Layout, type Point } from "./layout.ts";
import type { DiagramFlow } from "./types.ts";

/** Flows sharing one drawn path (same ends, same waypoints), drawn as one line. */
export interface FlowLine {
	key: string;
	points: Point[];
	flowIds: string[];
	violation: boolean;
}

/** At most this many lines are drawn; violating lines first, so none of them is dropped early. */
export const MAX_LINES = 300;

function endBox(layout: Layout, segment: string, node: string | null): Box | undefined {
	return (node ? layout.nodes.get(node) : undefined) ?? layout.segments.get(segment);
}

/** Where the line from the box's centre toward `toward` leaves the box, so arrows stay visible. */
export function edgePoint(box: Box, toward: Point): Point {
	const c = centre(box);
	const dx = toward.x - c.x;
	const dy = toward.y - c.y;
	if (dx === 0 && dy === 0) return c;
	const scale = Math.min(
		dx === 0 ? Number.POSITIVE_INFINITY : box.width / 2 / Math.abs(dx),
		dy === 0 ? Number.POSITIVE_INFINITY : box.height / 2 / Math.abs(dy),
	);
	if (scale >= 1) return c;
	return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/**
 * Group flows into drawn lines and cap their number. Returns the lines and how many were left out.
 *
 * @example
 * const { lines, hidden } = flowLines(layout, flows, new Set(["f-bad"]));
 */
export function flowLines(
	layout: Layout,
	flows: readonly DiagramFlow[],
	violating: ReadonlySet<string>,
	max = MAX_LINES,
): { lines: FlowLine[]; hidden: number; hiddenFlows: number } {
	const groups = new Map<string, FlowLine>();
	for (const flow of flows) {
		const startBox = endBox(layout, flow.sourceSegment, flow.sourceNode);
		const endBoxOf = endBox(layout, flow.destinationSegment, flow.destinationNode);
		if (!startBox || !endBoxOf) continue;
		const middle: Point[] = [];
		for (const waypoint of flow.waypoints) {
			const point =
				waypoint.kind === "gateway"
					? layout.gateways.get(waypoint.id)
					: (() => {
							const box = layout.segments.get(waypoint.id);
							return box ? centre(box) : undefined;
						})();
			if (point) middle.push(point);
		}
		const start = edgePoint(startBox, middle[0] ?? centre(endBoxOf));
		const end = edgePoint(endBoxOf, middle.at(-1) ?? centre(startBox));
		const points = [start, ...middle, end];
		const key = points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(" ");
		const line = groups.get(key) ?? { key, points, flowIds: [], violation: false };
		line.flowIds.push(flow.id);
		line.violation ||= violating.has(flow.id);
		groups.set(key, line);
	}
	const all = [...groups.values()].sort((a, b) => Number(b.violation) - Number(a.violation));
	const lines = all.slice(0, max);
	const hiddenLines = all.slice(max);
	return {
		lines,
		hidden: hiddenLines.length,
		hiddenFlows: hiddenLines.reduce((sum, line) => sum + line.flowIds.length, 0),
	};
}

/**
 * An SVG path through the points, each leg bowed a little (by `bend`, a share of its length) so
 * that lines between the same rows do not run through the boxes in between; a line from a point
 * to itself becomes a small loop.
 */
export function pathData(points: readonly Point[], bend = 0.12): string {
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return "";
	if (points.length === 2 && first.x === last.x && first.y === last.y) {
		return `M ${first.x} ${first.y} c 30 -40 60 0 0 10`;
	}
	let d = `M ${first.x} ${first.y}`;
	for (let i = 1; i < points.length; i++) {
		const from = points[i - 1] as Point;
		const to = points[i] as Point;
		const dx = to.x - from.x;
		const dy = to.y - from.y;
		const cx = (from.x + to.x) / 2 - dy * bend;
		const cy = (from.y + to.y) / 2 + dx * bend;
		d += ` Q ${Math.round(cx)} ${Math.round(cy)} ${to.x} ${to.y}`;
	}
	return d;
}
