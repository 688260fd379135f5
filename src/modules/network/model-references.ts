import { ANY_ADDRESS, parseCidr } from "./address.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { indexModel } from "./model-index.ts";
import {
	formatPath,
	type Locator,
	type ModelProblem,
	type PathKey,
	type ProblemReason,
	problemAt,
} from "./model-problems.ts";

/** Ids, references and chains: what the schema alone cannot see. */
export function referenceProblems(model: NetworkModelFile, locator: Locator): ModelProblem[] {
	const problems: ModelProblem[] = [];
	const push = (path: PathKey[], reason: ProblemReason) =>
		problems.push(problemAt(locator, path, reason));
	const places = new Map<string, string>();
	const kinds = new Map<string, "segment" | "node" | "gateway">();
	const claim = (id: string, kind: "segment" | "node" | "gateway", path: PathKey[]) => {
		const first = places.get(id);
		if (first !== undefined) {
			const at = locator.locate(pathOf(first));
			push([...path, "id"], {
				code: "model_duplicate_id",
				params: { id, first: at ? `${first}, line ${at.line}` : first },
			});
			return;
		}
		places.set(id, formatPath(path));
		kinds.set(id, kind);
	};
	for (const [i, s] of model.segments.entries()) claim(s.id, "segment", ["segments", i]);
	for (const [i, n] of model.nodes.entries()) claim(n.id, "node", ["nodes", i]);
	for (const [i, g] of model.gateways.entries()) claim(g.id, "gateway", ["gateways", i]);
	const segmentKind = new Map(model.segments.map((s) => [s.id, s.kind]));

	model.segments.forEach((segment, i) => {
		if (segment.localBreakout !== undefined && segment.kind !== "cloud_service") {
			push(["segments", i, "localBreakout"], { code: "model_breakout_kind" });
		}
	});
	model.nodes.forEach((node, i) => {
		if (kinds.get(node.segment) !== "segment") {
			push(["nodes", i, "segment"], unknownRef("segment", node.segment, kinds.get(node.segment)));
		}
	});
	model.gateways.forEach((gateway, i) => {
		gateway.between.forEach((end, j) => {
			if (kinds.get(end) !== "segment") {
				push(["gateways", i, "between", j], unknownRef("segment", end, kinds.get(end)));
			}
		});
		if (gateway.between[0] === gateway.between[1]) {
			push(["gateways", i, "between"], { code: "model_gateway_same_segment" });
		}
		(gateway.next ?? []).forEach((next, j) => {
			if (kinds.get(next) !== "gateway") {
				push(["gateways", i, "next", j], unknownRef("gateway", next, kinds.get(next)));
			}
		});
	});
	problems.push(...cycleProblems(model, locator));
	const unmatched = model.addressing?.unmatched;
	if (unmatched !== undefined && kinds.get(unmatched) !== "segment") {
		push(["addressing", "unmatched"], unknownRef("segment", unmatched, kinds.get(unmatched)));
	}

	const index = indexModel(model);
	const flowPlaces = new Map<string, number>();
	model.flows.forEach((flow, i) => {
		const first = flowPlaces.get(flow.id);
		if (first !== undefined) {
			push(["flows", i, "id"], {
				code: "model_duplicate_flow_id",
				params: { id: flow.id, first: `flows[${first}]` },
			});
		} else {
			flowPlaces.set(flow.id, i);
		}
		for (const end of ["source", "destination"] as const) {
			const ref = flow[end];
			const kind = kinds.get(ref);
			if (kind === "segment" || kind === "node") continue;
			if (kind === "gateway") {
				push(["flows", i, end], { code: "model_flow_end_gateway", params: { id: ref } });
			} else if (ANY_ADDRESS.has(ref.toLowerCase()) || parseCidr(ref) !== null) {
				if (index.resolve(ref) === null) {
					push(["flows", i, end], {
						code: index.spans(ref) ? "model_address_spans" : "model_address_unmatched",
						params: { address: ref },
					});
				}
			} else {
				push(["flows", i, end], { code: "model_unknown_endpoint", params: { id: ref } });
			}
		}
		(flow.via ?? []).forEach((via, j) => {
			const kind = kinds.get(via);
			if (kind === "gateway") return;
			if (kind === "segment" && segmentKind.get(via) === "security_cloud") return;
			push(["flows", i, "via", j], {
				code: kind === "segment" ? "model_via_segment" : "model_unknown_gateway",
				params: { id: via },
			});
		});
	});
	return problems;
}

function pathOf(formatted: string): PathKey[] {
	const match = /^(\w+)\[(\d+)\]$/.exec(formatted);
	return match ? [match[1] ?? "", Number(match[2])] : [];
}

function unknownRef(
	expected: "segment" | "gateway",
	id: string,
	actual: string | undefined,
): ProblemReason {
	const code =
		expected === "segment"
			? actual === undefined
				? "model_unknown_segment"
				: "model_not_segment"
			: actual === undefined
				? "model_unknown_gateway"
				: "model_not_gateway";
	return { code, params: { id } };
}

/**
 * One problem per loop in the `next` chains, at the gateway that closes it. Depth-first without
 * recursion, so a long chain in a hostile file cannot exhaust the stack.
 */
function cycleProblems(model: NetworkModelFile, locator: Locator): ModelProblem[] {
	const indexOf = new Map(model.gateways.map((g, i) => [g.id, i]));
	const state = new Map<string, "open" | "done">();
	const problems: ModelProblem[] = [];
	for (const root of model.gateways) {
		if (state.has(root.id)) continue;
		// Each frame: a gateway on the current chain and the position in its `next` list.
		const frames: { id: string; index: number; position: number }[] = [];
		const enter = (id: string) => {
			state.set(id, "open");
			frames.push({ id, index: indexOf.get(id) ?? -1, position: 0 });
		};
		enter(root.id);
		while (frames.length > 0) {
			const frame = frames[frames.length - 1] as (typeof frames)[number];
			const next = model.gateways[frame.index]?.next ?? [];
			if (frame.position >= next.length) {
				state.set(frame.id, "done");
				frames.pop();
				continue;
			}
			const j = frame.position++;
			const target = next[j] as string;
			if (!indexOf.has(target)) continue;
			const seen = state.get(target);
			if (seen === "open") {
				const chain = frames.map((f) => f.id);
				const ring = [...chain.slice(chain.indexOf(target)), target];
				const loop = (ring.length > 12 ? [...ring.slice(0, 6), "…", ...ring.slice(-3)] : ring).join(
					" → ",
				);
				problems.push(
					problemAt(locator, ["gateways", frame.index, "next", j], {
						code: "model_gateway_loop",
						params: { loop },
					}),
				);
			} else if (seen === undefined) {
				enter(target);
			}
		}
	}
	return problems;
}
