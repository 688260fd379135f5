import type { NetworkFindingCode, NetworkFindingParams } from "../../shared/network-findings.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { flowPath } from "./flow-path.ts";
import type { Flow, NetworkModelFile } from "./model.schema.ts";
import { indexModel, TIER_OF_KIND, type Tier } from "./model-index.ts";
import { NETWORK_RULES } from "./rules/index.ts";
import type {
	CheckContext,
	Finding,
	FlowRule,
	IndexedRoute,
	NetworkModelName,
	NetworkRule,
} from "./rules/rule.ts";
import { splitClause } from "./rules/rule.ts";

/**
 * One breach: which rule (and the policy clause behind it), on which flow or node, and what is
 * wrong as a code with parameters; the words of the message and the remedy come from the one
 * findings catalogue (`networkFindingText`, src/shared/network-findings.ts) in the reader's
 * language. `node` holds a node, segment or gateway id (they share one namespace).
 */
export interface Violation {
	rule: string;
	flow: string | null;
	node: string | null;
	/** The policy's words: `基本方針 6(3)①`. */
	clause: string;
	/** The pack or model fields behind the rule, for those who maintain them (shown on demand). */
	technical: string;
	code: NetworkFindingCode;
	/** Names (of nodes, segments, gateways) and codes of the shared vocabulary. */
	params: NetworkFindingParams;
}

export type Verdict = "ok" | "violation";

export interface CheckStats {
	segments: number;
	nodes: number;
	gateways: number;
	flows: number;
	violations: number;
	violatingFlows: number;
	violatingNodes: number;
	/** Violations per rule id, for every rule (0 when it found nothing). */
	byRule: Record<string, number>;
}

export interface CheckReport {
	compliant: boolean;
	/** The model checked against: the file's declaration, else the pack's choice. */
	model: NetworkModelName;
	/** The pack's own choice, to show next to `model` when they differ. */
	packModel: NetworkModelName;
	packId: string;
	violations: Violation[];
	flows: { id: string; verdict: Verdict }[];
	/** Segments, nodes and gateways, in file order. */
	nodes: { id: string; verdict: Verdict }[];
	stats: CheckStats;
}

export interface CheckOptions {
	/** `YYYY-MM` the routes' `since` is compared with; defaults to the current month (UTC). */
	asOf?: string;
	/** The rules to run; all of them by default (tests run one at a time). */
	rules?: readonly NetworkRule[];
}

/**
 * Checks a parsed model against a tenant's policy pack. Pure and synchronous; paths shared by
 * many flows (a firewall rule base has thousands alike) are judged once.
 *
 * @example
 * const report = checkModel(model, loadPack("saga"));
 * if (!report.compliant) for (const v of report.violations) console.log(v.rule, v.flow, v.code);
 */
export function checkModel(
	model: NetworkModelFile,
	pack: PolicyPack,
	options: CheckOptions = {},
): CheckReport {
	const rules = options.rules ?? NETWORK_RULES;
	const ctx = buildContext(model, pack, options.asOf ?? new Date().toISOString().slice(0, 7));
	const violations: Violation[] = [];
	const byRule: Record<string, number> = {};
	for (const rule of rules) byRule[rule.id] = 0;
	const add = (rule: NetworkRule, finding: Finding, flow: string | null, node: string | null) => {
		byRule[rule.id] = (byRule[rule.id] ?? 0) + 1;
		violations.push({
			rule: rule.id,
			flow,
			node,
			...splitClause(finding.clause ?? rule.clause),
			code: finding.code,
			params: finding.params,
		});
	};

	for (const rule of rules) {
		if (rule.scope !== "model") continue;
		const finding = rule.check(ctx);
		if (finding !== null) add(rule, finding, null, null);
	}

	const badNodes = new Set<string>();
	for (const segment of model.segments) {
		for (const rule of rules) {
			if (rule.scope !== "segment") continue;
			const finding = rule.check(segment, ctx);
			if (finding !== null) {
				add(rule, finding, null, segment.id);
				badNodes.add(segment.id);
			}
		}
	}
	for (const node of model.nodes) {
		const segment = ctx.index.segments.get(node.segment);
		if (segment === undefined) continue;
		for (const rule of rules) {
			if (rule.scope !== "node") continue;
			const finding = rule.check(node, segment, ctx);
			if (finding !== null) {
				add(rule, finding, null, node.id);
				badNodes.add(node.id);
			}
		}
	}
	for (const gateway of model.gateways) {
		for (const rule of rules) {
			if (rule.scope !== "gateway") continue;
			const finding = rule.check(gateway, ctx);
			if (finding !== null) {
				add(rule, finding, null, gateway.id);
				badNodes.add(gateway.id);
			}
		}
	}

	const flowRules = rules.filter((rule): rule is FlowRule => rule.scope === "flow");
	// Flows sharing source segment, destination segment and via list share a verdict: a rule base
	// has thousands alike. Keys are numbers (segment pair) then the via list, to spare strings.
	const segmentCount = model.segments.length;
	const direct = new Map<number, Judged>();
	const routed = new Map<number, Map<string, Judged>>();
	const flows: CheckReport["flows"] = new Array(model.flows.length);
	let violatingFlows = 0;
	for (let i = 0; i < model.flows.length; i++) {
		const flow = model.flows[i] as Flow;
		const source = ctx.index.resolve(flow.source);
		const destination = ctx.index.resolve(flow.destination);
		let found: Judged | undefined;
		if (source === null || destination === null) {
			found = judgeFlow(flow, flowRules, ctx);
		} else {
			const pair = source.segmentIndex * segmentCount + destination.segmentIndex;
			const via = flow.via;
			if (via === undefined || via.length === 0) {
				found = direct.get(pair);
				if (found === undefined) {
					found = judgeFlow(flow, flowRules, ctx);
					direct.set(pair, found);
				}
			} else {
				let byVia = routed.get(pair);
				if (byVia === undefined) {
					byVia = new Map();
					routed.set(pair, byVia);
				}
				const viaKey = via.length === 1 ? (via[0] as string) : via.join("\u0001");
				found = byVia.get(viaKey);
				if (found === undefined) {
					found = judgeFlow(flow, flowRules, ctx);
					byVia.set(viaKey, found);
				}
			}
		}
		for (const { rule, finding } of found) add(rule, finding, flow.id, null);
		if (found.length > 0) violatingFlows++;
		flows[i] = { id: flow.id, verdict: found.length > 0 ? "violation" : "ok" };
	}

	const nodes: CheckReport["nodes"] = [];
	for (const list of [model.segments, model.nodes, model.gateways]) {
		for (const { id } of list) nodes.push({ id, verdict: badNodes.has(id) ? "violation" : "ok" });
	}
	return {
		compliant: violations.length === 0,
		model: ctx.modelName,
		packModel: pack.network.model,
		packId: pack.id,
		violations,
		flows,
		nodes,
		stats: {
			segments: model.segments.length,
			nodes: model.nodes.length,
			gateways: model.gateways.length,
			flows: model.flows.length,
			violations: violations.length,
			violatingFlows,
			violatingNodes: badNodes.size,
			byRule,
		},
	};
}

const UNRESOLVED: Finding = { code: "flow_end_unknown", params: {} };

type Judged = { rule: FlowRule; finding: Finding }[];

function judgeFlow(flow: Flow, rules: readonly FlowRule[], ctx: CheckContext): Judged {
	const path = flowPath(flow, ctx.index);
	const found: Judged = [];
	if (path === null) {
		const pathRule = rules.find((rule) => rule.id === "flow-path-consistent");
		if (pathRule !== undefined) found.push({ rule: pathRule, finding: UNRESOLVED });
		return found;
	}
	for (const rule of rules) {
		const finding = rule.check(path, ctx);
		if (finding !== null) found.push({ rule, finding });
	}
	return found;
}

/**
 * The context rules read: indexes, the model in force and the pack's routes by tier pair.
 * Exported so a single rule can be run against a model (tests, tools).
 */
export function buildContext(
	model: NetworkModelFile,
	pack: PolicyPack,
	asOf: string,
): CheckContext {
	// Tier pair → routes, built once: rules ask for every crossing of every distinct path.
	const routeTable = new Map<Tier, Map<Tier, IndexedRoute[]>>();
	const routesOf = (from: Tier, to: Tier) => {
		let row = routeTable.get(from);
		if (row === undefined) {
			row = new Map();
			routeTable.set(from, row);
		}
		let list = row.get(to);
		if (list === undefined) {
			list = [];
			row.set(to, list);
		}
		return list;
	};
	pack.network.allowedRoutes.forEach((route, index) => {
		if (route.since !== undefined && route.since > asOf) return;
		routesOf(route.from, route.to).push({ route, index });
		if (route.bidirectional) routesOf(route.to, route.from).push({ route, index });
	});
	const none: readonly IndexedRoute[] = [];
	return {
		model,
		pack,
		modelName: model.model ?? pack.network.model,
		index: indexModel(model),
		asOf,
		tierOf: (segment) => TIER_OF_KIND[segment.kind],
		routesBetween: (from: Tier, to: Tier) => routeTable.get(from)?.get(to) ?? none,
	};
}
