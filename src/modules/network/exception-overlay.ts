import type { CheckReport, Verdict, Violation } from "./check-model.ts";

/** An exception in force as the check reads it (from the exceptions module's use case). */
export interface CoveringException {
	id: string;
	reference: string;
	endsOn: string;
	networkRule: string | null;
	networkFlows: readonly string[];
	networkNodes: readonly string[];
}

/** A violation an exception in force covers: still a violation, shown as 例外 with the reference. */
export interface ExceptedViolation extends Violation {
	exception?: { id: string; reference: string; endsOn: string } | null;
}

export type OverlaidVerdict = Verdict | "exception";

export interface OverlaidReport extends Omit<CheckReport, "violations" | "flows" | "nodes"> {
	violations: ExceptedViolation[];
	flows: { id: string; verdict: OverlaidVerdict }[];
	nodes: { id: string; verdict: OverlaidVerdict }[];
	/** How many violations exceptions in force cover (they stay in `violations`). */
	excepted: number;
}

/**
 * Marks the violations that exceptions in force cover: a violation on a flow (or node) the
 * exception names, of its network rule when it names one. A covered violation keeps its place in
 * the report, with the exception's reference; a flow or node all of whose violations are covered
 * has the verdict `exception`, never `ok`, and the model is not compliant. Pure.
 *
 * @example
 * const overlaid = overlayExceptions(checkModel(model, pack), await activeExceptions(db, tenantId));
 */
export function overlayExceptions(
	report: CheckReport,
	exceptions: readonly CoveringException[],
): OverlaidReport {
	const byFlow = new Map<string, CoveringException[]>();
	const byNode = new Map<string, CoveringException[]>();
	const index = (map: Map<string, CoveringException[]>, id: string, e: CoveringException) => {
		const list = map.get(id);
		if (list) list.push(e);
		else map.set(id, [e]);
	};
	for (const e of exceptions) {
		for (const id of e.networkFlows) index(byFlow, id, e);
		for (const id of e.networkNodes) index(byNode, id, e);
	}
	const uncoveredFlows = new Set<string>();
	const uncoveredNodes = new Set<string>();
	let excepted = 0;
	const violations = report.violations.map((violation): ExceptedViolation => {
		const candidates = violation.flow
			? byFlow.get(violation.flow)
			: violation.node
				? byNode.get(violation.node)
				: undefined;
		const cover = candidates?.find(
			(e) => e.networkRule === null || e.networkRule === violation.rule,
		);
		if (cover === undefined) {
			if (violation.flow) uncoveredFlows.add(violation.flow);
			if (violation.node) uncoveredNodes.add(violation.node);
			return { ...violation, exception: null };
		}
		excepted++;
		return {
			...violation,
			exception: { id: cover.id, reference: cover.reference, endsOn: cover.endsOn },
		};
	});
	const verdictOf = (
		verdict: Verdict,
		id: string,
		uncovered: ReadonlySet<string>,
	): OverlaidVerdict => (verdict === "violation" && !uncovered.has(id) ? "exception" : verdict);
	return {
		...report,
		violations,
		flows: report.flows.map((flow) => ({
			id: flow.id,
			verdict: verdictOf(flow.verdict, flow.id, uncoveredFlows),
		})),
		nodes: report.nodes.map((node) => ({
			id: node.id,
			verdict: verdictOf(node.verdict, node.id, uncoveredNodes),
		})),
		excepted,
	};
}

/**
 * A check as the reports print it: the engine's own (the CLI's, of a file) or one with the
 * tenant's exceptions in force overlaid (the downloads of the stored model).
 */
export interface ReportedCheck extends Omit<CheckReport, "violations" | "flows" | "nodes"> {
	violations: readonly ExceptedViolation[];
	flows: readonly { id: string; verdict: OverlaidVerdict }[];
	nodes: readonly { id: string; verdict: OverlaidVerdict }[];
	excepted?: number;
}

/**
 * The references of the exceptions covering each flow (by `flow:<id>`) and node (by id), in
 * report order, for a verdict written as `例外 例外-R8-0001`.
 */
export function exceptionReferences(report: ReportedCheck): Map<string, string[]> {
	const refs = new Map<string, string[]>();
	for (const violation of report.violations) {
		const reference = violation.exception?.reference;
		if (!reference) continue;
		const key = violation.flow ? `flow:${violation.flow}` : violation.node;
		if (!key) continue;
		const list = refs.get(key) ?? [];
		if (!list.includes(reference)) list.push(reference);
		refs.set(key, list);
	}
	return refs;
}
