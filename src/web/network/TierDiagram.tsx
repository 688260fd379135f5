import { type KeyboardEvent, useMemo, useRef } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { useFindingText } from "./ComplianceReport.tsx";
import { clipLabel as clip } from "./clip-label.ts";
import { DiagramZoom, useDiagramZoom } from "./DiagramZoom.tsx";
import { flowLines, pathData } from "./flow-lines.ts";
import { type Box, layoutDiagram, NODE_WIDTH } from "./layout.ts";
import type { NetworkCheck, NetworkModel, Selection, ViolationIndex } from "./types.ts";

const TIER_FILL = { mynumber: "#fff3e6", lgwan: "#e9f1fb", internet: "#eaf6ec" } as const;
const VIOLATION = "#c62828";
const OK = "#2e7d32";

function activate(select: () => void) {
	return {
		role: "button",
		tabIndex: 0,
		onClick: select,
		onKeyDown: (event: KeyboardEvent) => {
			if (event.key === "Enter" || event.key === " ") {
				event.preventDefault();
				select();
			}
		},
	} as const;
}

/**
 * The tiers as an SVG drawn here (no library, no CDN): bands, segments, nodes, gateways and the
 * flows as arrows, red where a rule is broken. Clicking (or Enter on) a flow or an element
 * selects it; the page shows its violations.
 */
export function TierDiagram({
	model,
	check,
	violations,
	selection,
	onSelect,
}: {
	model: NetworkModel;
	check: NetworkCheck;
	violations: ViolationIndex;
	selection: Selection;
	onSelect(selection: Selection): void;
}) {
	const { t, label } = useI18n();
	const findingText = useFindingText();
	const box = useRef<HTMLDivElement>(null);
	const { zoom, step, go } = useDiagramZoom(box);
	const layout = useMemo(
		() => layoutDiagram(model.segments, model.nodes, model.gateways),
		[model.segments, model.nodes, model.gateways],
	);
	const violating = useMemo(
		() => new Set(check.report.flows.filter((f) => f.verdict !== "ok").map((f) => f.id)),
		[check.report.flows],
	);
	const { lines, hidden, hiddenFlows } = useMemo(
		() => flowLines(layout, check.diagramFlows, violating),
		[layout, check.diagramFlows, violating],
	);
	const selectedFlows = new Set(selection?.kind === "flow" ? selection.id.split("\n") : []);
	const selectedElement = selection?.kind === "element" ? selection.id : null;
	const bad = (id: string) => violations.byElement.has(id);
	const segmentLabel = (id: string) => {
		const segment = model.segments.find((s) => s.id === id);
		return segment?.name ?? (segment ? label("network.kind", segment.kind) : id);
	};

	/** The first few findings of a line's flows, for the tooltip on hover. */
	const hoverLines = (ids: readonly string[]) => {
		const found = ids.flatMap((id) => violations.byFlow.get(id) ?? []);
		const lines = found.slice(0, 3).map((v) => `・${findingText(v).message}`);
		return found.length > 3 ? [...lines, "…"] : lines;
	};

	const element = (id: string, name: string, box: Box, className: string) => (
		<g
			key={id}
			className={`${className}${bad(id) ? " network-violating" : ""}${selectedElement === id ? " network-selected" : ""}`}
			data-id={id}
			aria-label={`${name}${bad(id) ? ` (${t("network.diagram.hasViolations", { count: violations.byElement.get(id)?.length ?? 0 })})` : ""}`}
			{...activate(() => onSelect({ kind: "element", id }))}
		>
			<title>
				{[
					`${name} [${id}]`,
					...(violations.byElement.get(id) ?? [])
						.slice(0, 3)
						.map((v) => `・${findingText(v).message}`),
				].join("\n")}
			</title>
			<rect x={box.x} y={box.y} width={box.width} height={box.height} rx={4} />
			<text x={box.x + box.width / 2} y={box.y + box.height / 2 + 4} textAnchor="middle">
				{clip(name, NODE_WIDTH)}
			</text>
		</g>
	);

	return (
		<figure className="network-diagram">
			<DiagramZoom step={step} go={go} />
			<div className="network-diagram-scroll scroll-box" ref={box}>
				<svg
					viewBox={`0 0 ${layout.width} ${layout.height}`}
					style={{ width: `${zoom * 100}%` }}
					aria-labelledby="network-diagram-title"
					data-testid="network-diagram"
				>
					<title id="network-diagram-title">{t("network.diagram.title")}</title>
					<defs>
						{(["ok", "violation"] as const).map((verdict) => (
							<marker
								key={verdict}
								id={`network-arrow-${verdict}`}
								viewBox="0 0 10 10"
								refX="9"
								refY="5"
								markerUnits="userSpaceOnUse"
								markerWidth="12"
								markerHeight="12"
								orient="auto-start-reverse"
							>
								<path d="M 0 0 L 10 5 L 0 10 z" fill={verdict === "ok" ? OK : VIOLATION} />
							</marker>
						))}
					</defs>
					{layout.bands.map(({ tier, box }) => (
						<g key={tier} className="network-band">
							<rect
								x={box.x}
								y={box.y}
								width={box.width}
								height={box.height}
								rx={8}
								fill={TIER_FILL[tier]}
							/>
							<text x={box.x + 12} y={box.y + 22} className="network-band-label">
								{t(`network.tier.${tier}`)}
							</text>
						</g>
					))}
					{model.segments.map((segment) => {
						const box = layout.segments.get(segment.id);
						if (!box) return null;
						const name = segmentLabel(segment.id);
						return (
							<g
								key={segment.id}
								className={`network-segment network-segment-${segment.kind}${bad(segment.id) ? " network-violating" : ""}${selectedElement === segment.id ? " network-selected" : ""}`}
								data-id={segment.id}
								aria-label={name}
								{...activate(() => onSelect({ kind: "element", id: segment.id }))}
							>
								<title>{`${name} [${segment.id}] ${label("network.kind", segment.kind)}`}</title>
								<rect x={box.x} y={box.y} width={box.width} height={box.height} rx={6} />
								<text x={box.x + 8} y={box.y + 18}>
									{clip(name, box.width)}
								</text>
							</g>
						);
					})}
					{model.nodes.map((node) => {
						const box = layout.nodes.get(node.id);
						return box ? element(node.id, node.name ?? node.id, box, "network-node") : null;
					})}
					<g className="network-flows">
						{lines.map((line) => {
							const verdict = line.violation ? "violation" : "ok";
							const id = line.flowIds.join("\n");
							const count = line.flowIds.length;
							const first = line.points[0];
							const last = line.points.at(-1);
							const selected = line.flowIds.some((f) => selectedFlows.has(f));
							const summary = t("network.diagram.flowTitle", {
								flows:
									count > 3 ? `${line.flowIds.slice(0, 3).join(", ")} …` : line.flowIds.join(", "),
								count,
								verdict: t(`network.verdict.${verdict}`),
							});
							return (
								<g
									key={line.key}
									className={`network-flow network-flow-${verdict}${selected ? " network-selected" : ""}`}
									data-verdict={verdict}
									data-flows={line.flowIds.join(" ")}
									aria-label={summary}
									{...activate(() => onSelect({ kind: "flow", id }))}
								>
									<title>{[summary, ...hoverLines(line.flowIds)].join("\n")}</title>
									<path
										d={pathData(line.points)}
										fill="none"
										stroke={line.violation ? VIOLATION : OK}
										strokeWidth={Math.min(2 + Math.log2(count), 6)}
										markerEnd={`url(#network-arrow-${verdict})`}
									/>
									<path d={pathData(line.points)} className="network-flow-hit" />
									{count > 1 && first && last ? (
										<text
											x={(first.x + last.x) / 2}
											y={(first.y + last.y) / 2 - 4}
											className="network-flow-count"
										>
											{`×${count}`}
										</text>
									) : null}
								</g>
							);
						})}
					</g>
					{model.gateways.map((gateway) => {
						const point = layout.gateways.get(gateway.id);
						if (!point) return null;
						const name = gateway.name ?? label("network.gatewayKind", gateway.kind);
						const { x, y } = point;
						return (
							<g
								key={gateway.id}
								className={`network-gateway${bad(gateway.id) ? " network-violating" : ""}${selectedElement === gateway.id ? " network-selected" : ""}`}
								data-id={gateway.id}
								aria-label={name}
								{...activate(() => onSelect({ kind: "element", id: gateway.id }))}
							>
								<title>{`${name} [${gateway.id}] ${label("network.gatewayKind", gateway.kind)}`}</title>
								<polygon points={`${x},${y - 14} ${x + 14},${y} ${x},${y + 14} ${x - 14},${y}`} />
								<text x={x} y={y + 28} textAnchor="middle">
									{clip(name, 110)}
								</text>
							</g>
						);
					})}
				</svg>
			</div>
			<figcaption>
				<ul className="network-legend" aria-label={t("network.legend.title")}>
					<li>
						<span className="network-legend-line network-legend-violation" aria-hidden="true" />
						{t("network.legend.violation")}
					</li>
					<li>
						<span className="network-legend-line network-legend-ok" aria-hidden="true" />
						{t("network.legend.ok")}
					</li>
					<li>
						<span className="network-legend-gateway" aria-hidden="true" />
						{t("network.legend.gateway")}
					</li>
					<li>
						<span className="network-legend-node" aria-hidden="true" />
						{t("network.legend.node")}
					</li>
					<li>
						<span className="network-legend-node network-legend-bad" aria-hidden="true" />
						{t("network.legend.badElement")}
					</li>
				</ul>
				<p className="muted">{t("network.diagram.hint")}</p>
				{hidden > 0 ? (
					<p className="alert alert-warning" role="note">
						{t("network.diagram.capped", { max: lines.length, hidden, flows: hiddenFlows })}
					</p>
				) : null}
			</figcaption>
		</figure>
	);
}
