import { findingWords } from "../../shared/network-findings.ts";
import { useDates } from "../i18n/dates.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { NetworkCheck, NetworkModel, Selection, Violation } from "./types.ts";

/** At most this many rows are shown; the PDF and Excel reports carry them all. */
const MAX_ROWS = 500;

/** The rule's title in the current language, or its id for a rule the UI does not know. */
export function useRuleTitle(check: NetworkCheck) {
	const { lang } = useI18n();
	const titles = new Map(check.rules.map((rule) => [rule.id, rule.title[lang]]));
	return (id: string) => titles.get(id) ?? id;
}

/**
 * A finding's message and remedy from the catalogue, in the reader's language: its code picks
 * the words, its parameters (names, and vocabulary codes worded here) fill them in. The PDF and
 * Excel reports word it from the same catalogue.
 */
export function useFindingText() {
	const { t, lang } = useI18n();
	return (violation: Violation) => {
		const words = findingWords(violation.params, lang);
		return {
			message: t(`networkFinding.message.${violation.code}`, words),
			remedy: t(`networkFinding.remedy.${violation.code}`, words),
		};
	};
}

/** Is it compliant, against which model, and how much is there. */
export function ReportSummary({
	model,
	check,
	revision,
	dirty,
}: {
	model: NetworkModel;
	check: NetworkCheck;
	revision: number;
	dirty: boolean;
}) {
	const { t } = useI18n();
	const { report } = check;
	const { stats } = report;
	return (
		<div className="network-summary" aria-live="polite">
			<p
				className={`network-verdict ${report.compliant ? "network-verdict-ok" : "network-verdict-bad"}`}
				data-testid="network-verdict"
			>
				{report.compliant
					? t("network.summary.compliant")
					: t("network.summary.notCompliant", { count: stats.violations })}
			</p>
			<dl className="details network-details">
				<dt>{t("network.summary.name")}</dt>
				<dd>{model.name}</dd>
				<dt>{t("network.summary.model")}</dt>
				<dd>
					{t(`pack.model.${report.model}`)}
					{report.model !== report.packModel ? (
						<span className="cell-sub">
							{t("network.summary.packModel", { model: t(`pack.model.${report.packModel}`) })}
						</span>
					) : null}
				</dd>
				<dt>{t("network.summary.revision")}</dt>
				<dd>
					{revision === 0
						? t("network.summary.unsaved")
						: t("network.summary.revisionValue", { revision })}
					{dirty ? <span className="badge badge-warn">{t("network.summary.dirty")}</span> : null}
				</dd>
				<dt>{t("network.summary.counts")}</dt>
				<dd>
					{t("network.summary.countsValue", {
						segments: stats.segments,
						nodes: stats.nodes,
						gateways: stats.gateways,
						flows: stats.flows,
					})}
				</dd>
				<dt>{t("network.summary.violations")}</dt>
				<dd>
					{t("network.summary.violationsValue", {
						violations: stats.violations,
						flows: stats.violatingFlows,
						nodes: stats.violatingNodes,
					})}
				</dd>
			</dl>
		</div>
	);
}

/** What people call the elements of a model: their names, else their ids. */
function namesOf(model: NetworkModel): Map<string, string> {
	const names = new Map<string, string>();
	for (const entity of [...model.segments, ...model.nodes, ...model.gateways]) {
		names.set(entity.id, entity.name ?? entity.id);
	}
	return names;
}

/**
 * Every violation in policy terms: the rule's title, the policy's clause, the flow or element by
 * name, what is wrong and what to change. Rule ids, element ids and the pack fields behind the
 * rule are under "technical details", for those who maintain the layout and the pack.
 */
export function ViolationsTable({
	model,
	check,
	onSelect,
}: {
	model: NetworkModel;
	check: NetworkCheck;
	onSelect(selection: Selection): void;
}) {
	const { t } = useI18n();
	const { date } = useDates();
	const findingText = useFindingText();
	const names = namesOf(model);
	const nameOf = (id: string) => names.get(id) ?? id;
	const flowText = (id: string) => {
		const flow = model.flows.find((f) => f.id === id);
		return flow
			? t("network.finding.flow", {
					source: nameOf(flow.source),
					destination: nameOf(flow.destination),
				})
			: t("network.report.flow", { id });
	};
	const ruleTitle = useRuleTitle(check);
	const { violations } = check.report;
	if (violations.length === 0) {
		return <p className="alert alert-success">{t("network.report.none")}</p>;
	}
	const shown = violations.slice(0, MAX_ROWS);
	return (
		<div className="table-wrap">
			<table className="table network-violations">
				<caption>{t("network.report.caption", { count: violations.length })}</caption>
				<thead>
					<tr>
						<th scope="col">{t("network.report.rule")}</th>
						<th scope="col">{t("network.report.clause")}</th>
						<th scope="col">{t("network.report.subject")}</th>
						<th scope="col">{t("network.report.message")}</th>
						<th scope="col">{t("network.report.remedy")}</th>
					</tr>
				</thead>
				<tbody>
					{shown.map((violation, i) => {
						const text = findingText(violation);
						const subject = violation.flow
							? { kind: "flow" as const, id: violation.flow }
							: violation.node
								? { kind: "element" as const, id: violation.node }
								: null;
						return (
							// biome-ignore lint/suspicious/noArrayIndexKey: one flow may break a rule once per row
							<tr key={`${violation.rule}:${violation.flow}:${violation.node}:${i}`}>
								<td>{ruleTitle(violation.rule)}</td>
								<td>
									{violation.clause}
									<details className="network-technical">
										<summary>{t("network.finding.technical")}</summary>
										<ul>
											<li>{t("network.finding.technicalRule", { rule: violation.rule })}</li>
											{subject ? (
												<li>{t("network.finding.technicalSubject", { id: subject.id })}</li>
											) : null}
											{violation.technical ? (
												<li>
													{t("network.finding.technicalFields", { fields: violation.technical })}
												</li>
											) : null}
										</ul>
									</details>
								</td>
								<td>
									{subject ? (
										<button type="button" className="button-link" onClick={() => onSelect(subject)}>
											{subject.kind === "flow"
												? flowText(subject.id)
												: t("network.finding.element", { name: nameOf(subject.id) })}
										</button>
									) : (
										t("network.report.wholeModel")
									)}
								</td>
								<td>
									{violation.exception ? (
										<span className="badge badge-warn" data-verdict="exception">
											{t("network.report.exceptionUntil", {
												reference: violation.exception.reference,
												end: date(violation.exception.endsOn),
											})}
										</span>
									) : null}{" "}
									{text.message}
								</td>
								<td>{text.remedy}</td>
							</tr>
						);
					})}
				</tbody>
			</table>
			{violations.length > MAX_ROWS ? (
				<p className="muted">{t("network.report.truncated", { max: MAX_ROWS })}</p>
			) : null}
		</div>
	);
}
