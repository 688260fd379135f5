/**
 * The three-tier check at scale: a generated model of 10,000 nodes checked with 2,000, 20,000
 * and 200,000 flows (target: 200,000 in under a second, growing linearly), against a baseline
 * measured in the same run (resolving every flow's two ends and nothing else). Also times
 * `parseModelFile` (JSON, schema and references) for the largest model.
 *
 * Run alone: `node bench/network.ts`
 */
import { performance } from "node:perf_hooks";
import { checkModel } from "../src/modules/network/check-model.ts";
import { parseModelFile } from "../src/modules/network/load-model.ts";
import type {
	Flow,
	Gateway,
	ModelNode,
	NetworkModelFile,
	Segment,
} from "../src/modules/network/model.schema.ts";
import { indexModel } from "../src/modules/network/model-index.ts";
import { loadBundledPack } from "../src/modules/policies/pack/load-pack.ts";
import { median } from "./lib/stats.ts";

const NODES = 10_000;
const FLOW_COUNTS = [2_000, 20_000, 200_000] as const;
const ROUNDS = 5;

/** A small deterministic generator (mulberry32), so every run checks the same model. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * 40 segments per tier (a department each), the surroundings, 10,000 nodes and per department a
 * mail, file and screen gateway plus an LGWAN transfer into the My Number tier. About 1 flow in
 * 20 is planted as a violation.
 */
export function generateModel(flowCount: number, seed = 7): NetworkModelFile {
	const next = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const departments = 40;
	const segments: Segment[] = [
		{ id: "sc", kind: "security_cloud" },
		{ id: "ext", kind: "internet_external" },
		{ id: "lgb", kind: "lgwan_backbone" },
		{ id: "jpn", kind: "info_provision_network" },
	];
	const byTier: Record<"mynumber" | "lgwan" | "internet", string[]> = {
		mynumber: [],
		lgwan: [],
		internet: [],
	};
	for (let d = 0; d < departments; d++) {
		for (const kind of ["mynumber", "lgwan", "internet"] as const) {
			const id = `${kind}-${d}`;
			segments.push({
				id,
				kind,
				cidrs: [`10.${d}.${kind === "mynumber" ? 0 : kind === "lgwan" ? 64 : 128}.0/18`],
				monitoring: true,
			});
			byTier[kind].push(id);
		}
	}
	const nodes: ModelNode[] = [];
	const nodesIn = new Map<string, string[]>();
	for (let i = 0; i < NODES; i++) {
		const segment = pick(segments.slice(4)).id;
		const node: ModelNode = {
			id: `n${i}`,
			kind: i % 3 === 0 ? "server" : "terminal",
			segment,
			mfa: true,
			takeOutBlocked: true,
		};
		nodes.push(node);
		const list = nodesIn.get(segment) ?? [];
		list.push(node.id);
		nodesIn.set(segment, list);
	}
	const gateways: Gateway[] = [];
	for (let d = 0; d < departments; d++) {
		gateways.push(
			{ id: `mail-${d}`, kind: "sanitizing_mail", between: [`internet-${d}`, `lgwan-${d}`] },
			{
				id: `file-${d}`,
				kind: "sanitizing_file_transfer",
				between: [`internet-${d}`, `lgwan-${d}`],
				approval: true,
			},
			{ id: `screen-${d}`, kind: "screen_transfer", between: [`lgwan-${d}`, `internet-${d}`] },
			{ id: `lt-${d}`, kind: "lgwan_transfer", between: [`lgwan-${d}`, `mynumber-${d}`] },
		);
	}
	const nodeOf = (segment: string) => pick(nodesIn.get(segment) ?? [segment]);
	const flows: Flow[] = [];
	for (let i = 0; i < flowCount; i++) {
		const d = Math.floor(next() * departments);
		const roll = next();
		const id = `f${i}`;
		if (roll < 0.55) {
			const tier = pick(["mynumber", "lgwan", "internet"] as const);
			flows.push({
				id,
				source: nodeOf(pick(byTier[tier])),
				destination: nodeOf(pick(byTier[tier])),
				protocol: "tcp",
				port: 443,
			});
		} else if (roll < 0.75) {
			flows.push({
				id,
				source: nodeOf(`internet-${d}`),
				destination: nodeOf(`lgwan-${d}`),
				via: [pick([`mail-${d}`, `file-${d}`])],
			});
		} else if (roll < 0.85) {
			flows.push({
				id,
				source: nodeOf(`lgwan-${d}`),
				destination: nodeOf(`internet-${d}`),
				via: [`screen-${d}`],
			});
		} else if (roll < 0.95) {
			flows.push({
				id,
				source: nodeOf(`internet-${d}`),
				destination: "ext",
				via: ["sc"],
				port: 443,
			});
		} else {
			// Planted violations: a direct LGWAN → Internet tier connection, or My Number talking out.
			const source = next() < 0.5 ? nodeOf(`lgwan-${d}`) : nodeOf(`mynumber-${d}`);
			flows.push({ id, source, destination: nodeOf(`internet-${d}`) });
		}
	}
	return { formatVersion: 1, name: `bench ${flowCount}`, segments, nodes, gateways, flows };
}

function time(work: () => void): number {
	const started = performance.now();
	work();
	return performance.now() - started;
}

/** CPU time of the process (all threads) in ms: steadier than wall time on a shared machine. */
function cpuTime(work: () => void): number {
	const started = process.cpuUsage();
	work();
	const used = process.cpuUsage(started);
	return (used.user + used.system) / 1000;
}

/** Resolving both ends of every flow: the least any check must do. */
function baseline(model: NetworkModelFile): number {
	const index = indexModel(model);
	let resolved = 0;
	for (const flow of model.flows) {
		if (index.resolve(flow.source) !== null && index.resolve(flow.destination) !== null) resolved++;
	}
	return resolved;
}

export async function runNetworkBench(): Promise<string> {
	const pack = loadBundledPack("standard");
	const rows: string[] = [];
	let largestMs = 0;
	let largestCpuMs = 0;
	let largest: NetworkModelFile | undefined;
	for (const count of FLOW_COUNTS) {
		const model = generateModel(count);
		checkModel(model, pack, { asOf: "2026-01" }); // warm-up (JIT)
		let violations = 0;
		const check = () => {
			violations = checkModel(model, pack, { asOf: "2026-01" }).violations.length;
		};
		const checkMs = median(Array.from({ length: ROUNDS }, () => time(check)));
		const checkCpuMs = median(Array.from({ length: ROUNDS }, () => cpuTime(check)));
		const baseMs = median(Array.from({ length: ROUNDS }, () => time(() => baseline(model))));
		rows.push(
			`| ${count.toLocaleString("en")} | ${NODES.toLocaleString("en")} | ${checkMs.toFixed(1)} | ${checkCpuMs.toFixed(1)} | ${((checkMs * 1e6) / count).toFixed(0)} | ${baseMs.toFixed(1)} | ${violations.toLocaleString("en")} |`,
		);
		largestMs = checkMs;
		largestCpuMs = checkCpuMs;
		largest = model;
	}
	let parseMs = 0;
	if (largest !== undefined) {
		const json = JSON.stringify(largest);
		parseMs = time(() => {
			const { problems } = parseModelFile(json, "json");
			if (problems.length > 0)
				throw new Error(`generated model is invalid: ${problems[0]?.message}`);
		});
	}
	return [
		"## Network three-tier check (`checkModel`)",
		"",
		`Median of ${ROUNDS} runs after a warm-up; the standard pack; a generated model (${NODES.toLocaleString("en")} nodes, 124 segments, 160 gateways).`,
		"Baseline: resolving both ends of every flow (node/segment/address index) and nothing else.",
		"",
		"| flows | nodes | check ms (wall) | check ms (CPU) | ns per flow (wall) | baseline ms | violations |",
		"| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
		...rows,
		"",
		`Target (200,000 flows, 10,000 nodes, under 1 s): ${largestMs < 1000 ? "met" : "NOT met"} (wall ${largestMs.toFixed(0)} ms, CPU ${largestCpuMs.toFixed(0)} ms; wall time grows on a busy machine, CPU time does not).`,
		`Reading the 200,000-flow model from JSON (parse, schema, references): ${parseMs.toFixed(0)} ms, once.`,
	].join("\n");
}

if (import.meta.main) {
	console.log(await runNetworkBench());
}
