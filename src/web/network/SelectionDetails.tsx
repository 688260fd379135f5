import { useI18n } from "../i18n/i18n.tsx";
import { useFindingText, useRuleTitle } from "./ComplianceReport.tsx";
import type { NetworkCheck, NetworkModel, Selection, ViolationIndex } from "./types.ts";

/** What is selected in the diagram or the table, and its violations. */
export function SelectionDetails({
	model,
	check,
	violations,
	selection,
	onClear,
}: {
	model: NetworkModel;
	check: NetworkCheck;
	violations: ViolationIndex;
	selection: Selection;
	onClear(): void;
}) {
	const { t, label } = useI18n();
	const ruleTitle = useRuleTitle(check);
	const findingText = useFindingText();
	if (!selection) return <p className="muted network-selection">{t("network.selection.none")}</p>;
	const ids = selection.kind === "flow" ? selection.id.split("\n") : [selection.id];
	const found =
		selection.kind === "flow"
			? ids.flatMap((id) => violations.byFlow.get(id) ?? [])
			: (violations.byElement.get(selection.id) ?? []);
	let heading: string;
	if (selection.kind === "flow") {
		const flows = ids
			.map((id) => model.flows.find((f) => f.id === id))
			.filter((f) => f !== undefined);
		heading =
			flows.length === 1 && flows[0]
				? t("network.selection.flow", {
						id: flows[0].id,
						source: flows[0].source,
						destination: flows[0].destination,
					})
				: t("network.selection.flows", { count: ids.length });
	} else {
		const segment = model.segments.find((s) => s.id === selection.id);
		const node = model.nodes.find((n) => n.id === selection.id);
		const gateway = model.gateways.find((g) => g.id === selection.id);
		const kind = segment
			? label("network.kind", segment.kind)
			: node
				? label("network.nodeKind", node.kind)
				: gateway
					? label("network.gatewayKind", gateway.kind)
					: "";
		const name = segment?.name ?? node?.name ?? gateway?.name ?? selection.id;
		heading = t("network.selection.element", { name, id: selection.id, kind });
	}
	return (
		<section
			className="network-selection"
			aria-live="polite"
			aria-labelledby="network-selection-title"
		>
			<div className="network-selection-header">
				<h3 id="network-selection-title">{heading}</h3>
				<button type="button" className="button button-small" onClick={onClear}>
					{t("network.selection.clear")}
				</button>
			</div>
			{selection.kind === "flow" && ids.length > 1 ? (
				<p className="muted">
					{ids.slice(0, 30).join(", ")}
					{ids.length > 30 ? " …" : ""}
				</p>
			) : null}
			{found.length === 0 ? (
				<p>{t("network.selection.clean")}</p>
			) : (
				<ul className="network-selection-list">
					{found.slice(0, 50).map((violation, i) => {
						const text = findingText(violation);
						return (
							// biome-ignore lint/suspicious/noArrayIndexKey: the same rule may hit several flows of a line
							<li key={i}>
								<strong>{ruleTitle(violation.rule)}</strong>
								{violation.flow && ids.length > 1 ? ` (${violation.flow})` : ""}
								<span className="cell-sub">{violation.clause}</span>
								<p>{text.message}</p>
								<p className="muted">
									{t("network.report.remedy")}: {text.remedy}
								</p>
							</li>
						);
					})}
				</ul>
			)}
		</section>
	);
}
