import { readFileSync, writeFileSync } from "node:fs";
import type { VerifyFigures } from "./audit-verify.ts";
import type { ReadFigures } from "./http-read.ts";
import { LOAD, type LoadResult } from "./lib/load.ts";
import { fixed, median, whole } from "./lib/stats.ts";
import type { StartupFigures } from "./startup.ts";

export const TARGETS = {
	readyMs: 1_500,
	idleRssMb: 150,
	readRatio: 0.3,
	healthRatio: 0.5,
	/** Throughput with the V8 heap limits of `mamori serve`, against without: at most 10 % less. */
	heapLimitsRatio: 0.9,
	verifyEventsPerSecond: 200_000,
} as const;

export interface Figures {
	machine: string;
	startup: StartupFigures;
	reads: ReadFigures;
	verify: VerifyFigures;
	totalSeconds: number;
}

const seconds = (ms: number) => `${fixed(ms / 1000, 2)} s`;
const verdict = (met: boolean) => (met ? "met" : "**missed**");
const rps = (results: LoadResult[]) => median(results.map((r) => r.requestsPerSecond));

/** The derived figures each target is judged on. */
export function headline(f: Figures) {
	const cliMedianMs = median(f.verify.cliMs);
	return {
		readyMedianMs: median(f.startup.mamoriMs),
		readyMaxMs: Math.max(...f.startup.mamoriMs),
		helloReadyMedianMs: median(f.startup.helloMs),
		readRps: rps(f.reads.read),
		healthRps: rps(f.reads.health),
		honoHelloRps: rps(f.reads.honoHello),
		helloRps: rps(f.reads.hello),
		readRatio: rps(f.reads.read) / rps(f.reads.hello),
		healthRatio: rps(f.reads.health) / rps(f.reads.honoHello),
		healthLimitsRatio: rps(f.reads.health) / rps(f.reads.healthNoLimits),
		readLimitsRatio: rps(f.reads.read) / rps(f.reads.readNoLimits),
		verifyRate: f.verify.events / (cliMedianMs / 1000),
		verifyBestRate: f.verify.events / (Math.min(...f.verify.cliMs) / 1000),
		walkRate: f.verify.events / ((cliMedianMs - f.verify.cliOverheadMs) / 1000),
		naiveRate: f.verify.events / (f.verify.naiveMs / 1000),
		failures: [
			...f.reads.hello,
			...f.reads.honoHello,
			...f.reads.health,
			...f.reads.read,
			...f.reads.healthNoLimits,
			...f.reads.readNoLimits,
		].reduce((sum, r) => sum + r.failures, 0),
	};
}

function loadRow(name: string, results: LoadResult[], helloRps: number): string {
	const each = results.map((r) => whole(r.requestsPerSecond)).join(", ");
	const p50 = median(results.map((r) => r.latencyP50Ms));
	const p99 = median(results.map((r) => r.latencyP99Ms));
	const ratio = fixed(rps(results) / helloRps, 2);
	return `| ${name} | ${whole(rps(results))} | ${ratio} | ${each} | ${fixed(p50, 1)} / ${fixed(p99, 1)} ms |`;
}

/** The generated section of BENCHMARKS.md. */
export function figuresMarkdown(f: Figures): string {
	const h = headline(f);
	const { rssMb } = f.reads;
	const { verify } = f;
	return [
		`Measured ${f.machine}. Whole run: ${fixed(f.totalSeconds, 0)} s.`,
		"",
		"| Target | Goal | Measured | Baseline, same run | Verdict |",
		"|---|---|---|---|---|",
		`| Ready after start, existing database | ≤ ${seconds(TARGETS.readyMs)} | median ${seconds(h.readyMedianMs)}, max ${seconds(h.readyMaxMs)} (${f.startup.mamoriMs.length} starts) | node:http hello: median ${seconds(h.helloReadyMedianMs)} | ${verdict(h.readyMaxMs <= TARGETS.readyMs)} |`,
		`| Idle RSS | < ${TARGETS.idleRssMb} MB | ${fixed(rssMb.mamoriIdle, 0)} MB after start-up, **${fixed(rssMb.mamoriAfterLoad, 0)} MB after the load test** | hello: ${fixed(rssMb.helloIdle, 0)} MB / ${fixed(rssMb.helloAfterLoad, 0)} MB; without the V8 heap limits: ${fixed(rssMb.noLimitsIdle, 0)} MB / ${fixed(rssMb.noLimitsAfterLoad, 0)} MB | ${verdict(Math.max(rssMb.mamoriIdle, rssMb.mamoriAfterLoad) < TARGETS.idleRssMb)} |`,
		`| \`GET /api/health\` | ≥ ${TARGETS.healthRatio} × Hono hello | **${fixed(h.healthRatio, 2)} ×** (${whole(h.healthRps)} req/s) | Hono hello: ${whole(h.honoHelloRps)} req/s | ${verdict(h.healthRatio >= TARGETS.healthRatio && h.failures === 0)} |`,
		`| Authenticated read (\`GET /api/org-units\`) | ≥ ${TARGETS.readRatio} × hello | **${fixed(h.readRatio, 2)} ×** (${whole(h.readRps)} req/s) | hello: ${whole(h.helloRps)} req/s | ${verdict(h.readRatio >= TARGETS.readRatio && h.failures === 0)} |`,
		`| Throughput with the V8 heap limits | ≥ ${TARGETS.heapLimitsRatio} × without | health ${fixed(h.healthLimitsRatio, 2)} ×, read ${fixed(h.readLimitsRatio, 2)} × | the same server without them: ${whole(rps(f.reads.healthNoLimits))} / ${whole(rps(f.reads.readNoLimits))} req/s | ${verdict(Math.min(h.healthLimitsRatio, h.readLimitsRatio) >= TARGETS.heapLimitsRatio)} |`,
		`| Failed requests | 0 | ${h.failures} | | ${verdict(h.failures === 0)} |`,
		`| \`mamori audit verify\`, ${whole(verify.events)} events | ≥ ${whole(TARGETS.verifyEventsPerSecond)} events/s | **${whole(h.verifyRate)} events/s** (median of ${verify.cliMs.length} CLI runs, spawn to exit) | textbook loop: ${whole(h.naiveRate)} events/s | ${verdict(h.verifyRate >= TARGETS.verifyEventsPerSecond)} |`,
		"",
		`Start-up, each run: Mamori ${f.startup.mamoriMs.map((ms) => fixed(ms, 0)).join(", ")} ms; hello ${f.startup.helloMs.map((ms) => fixed(ms, 0)).join(", ")} ms.`,
		"",
		`Load: autocannon, ${LOAD.connections} connections, pipelining ${LOAD.pipelining}, ${LOAD.seconds} s per target per round after a ${LOAD.warmupSeconds} s warm-up; rounds alternate between targets. Failed requests (non-2xx, errors, timeouts): ${h.failures}.`,
		"",
		"| Target | req/s (median) | × hello | each round | latency p50 / p99 |",
		"|---|---|---|---|---|",
		loadRow("node:http hello (baseline)", f.reads.hello, h.helloRps),
		loadRow("Hono hello (the framework alone)", f.reads.honoHello, h.helloRps),
		loadRow(
			"`GET /api/health` (no session; `select 1` at most once a second)",
			f.reads.health,
			h.helloRps,
		),
		loadRow(
			`\`GET /api/org-units\` (session cookie, ${f.reads.orgUnits} units)`,
			f.reads.read,
			h.helloRps,
		),
		loadRow("`GET /api/health`, no V8 heap limits", f.reads.healthNoLimits, h.helloRps),
		loadRow("`GET /api/org-units`, no V8 heap limits", f.reads.readNoLimits, h.helloRps),
		"",
		`Audit chain: ${whole(verify.events)} events generated in ${seconds(verify.generateMs)}. CLI runs: ${verify.cliMs.map(seconds).join(", ")} (best ${whole(h.verifyBestRate)} events/s). CLI fixed cost (a new tenant): ${seconds(verify.cliOverheadMs)}, so the walk itself runs at ${whole(h.walkRate)} events/s, ${fixed(h.walkRate / h.naiveRate, 2)} × the textbook loop (${seconds(verify.naiveMs)}).`,
	].join("\n");
}

/** A plain-text summary for the terminal. */
export function summaryText(f: Figures): string {
	const h = headline(f);
	const r = f.reads.rssMb;
	const mark = (met: boolean) => (met ? "ok  " : "MISS");
	return [
		`Mamori benchmarks — ${f.machine}`,
		`${mark(h.readyMaxMs <= TARGETS.readyMs)} ready after start:   median ${seconds(h.readyMedianMs)}, max ${seconds(h.readyMaxMs)}   (target ≤ ${seconds(TARGETS.readyMs)}; hello ${seconds(h.helloReadyMedianMs)})`,
		`${mark(Math.max(r.mamoriIdle, r.mamoriAfterLoad) < TARGETS.idleRssMb)} idle RSS:            ${fixed(r.mamoriIdle, 0)} MB, after load ${fixed(r.mamoriAfterLoad, 0)} MB   (target < ${TARGETS.idleRssMb} MB; hello ${fixed(r.helloIdle, 0)} MB)`,
		`${mark(h.healthRatio >= TARGETS.healthRatio && h.failures === 0)} /api/health:         ${fixed(h.healthRatio, 2)} × Hono hello   (${whole(h.healthRps)} vs ${whole(h.honoHelloRps)} req/s; target ≥ ${TARGETS.healthRatio})`,
		`${mark(h.readRatio >= TARGETS.readRatio && h.failures === 0)} authenticated read:  ${fixed(h.readRatio, 2)} × hello   (${whole(h.readRps)} vs ${whole(h.helloRps)} req/s; failures ${h.failures}; target ≥ ${TARGETS.readRatio})`,
		`${mark(Math.min(h.healthLimitsRatio, h.readLimitsRatio) >= TARGETS.heapLimitsRatio)} V8 heap limits:      health ${fixed(h.healthLimitsRatio, 2)} ×, read ${fixed(h.readLimitsRatio, 2)} × the same server without them   (target ≥ ${TARGETS.heapLimitsRatio}; RSS without them ${fixed(r.noLimitsIdle, 0)} / ${fixed(r.noLimitsAfterLoad, 0)} MB)`,
		`${mark(h.verifyRate >= TARGETS.verifyEventsPerSecond)} audit verify:        ${whole(h.verifyRate)} events/s   (CLI median of ${f.verify.cliMs.length}; walk only ${whole(h.walkRate)}; textbook loop ${whole(h.naiveRate)}; target ≥ ${whole(TARGETS.verifyEventsPerSecond)})`,
	].join("\n");
}

const START = "<!-- bench:figures:start — written by `npm run bench`; edit the text above it -->";
const END = "<!-- bench:figures:end -->";

/**
 * Replace the generated section of BENCHMARKS.md, keeping the human-written text around it, then
 * let Biome align the tables so that `npm run lint` stays clean.
 */
export function writeFigures(path: string, markdown: string): void {
	writeBetween(path, START, END, markdown, "Latest figures");
}

/** Replace one module's generated section (`<!-- bench:NAME:start -->`), adding it if missing. */
export function writeSection(path: string, name: string, title: string, markdown: string): void {
	writeBetween(
		path,
		`<!-- bench:${name}:start — written by \`npm run bench -- --only=${name}\` -->`,
		`<!-- bench:${name}:end -->`,
		markdown,
		title,
	);
}

function writeBetween(path: string, start: string, end: string, markdown: string, title: string) {
	let text: string;
	try {
		text = readFileSync(path, "utf8");
	} catch {
		text = "# Benchmarks\n";
	}
	const section = `${start}\n${markdown}\n${end}`;
	const marker = start.slice(0, start.indexOf(":start") + ":start".length);
	const from = text.indexOf(marker);
	const to = text.indexOf(end);
	text =
		from >= 0 && to > from
			? text.slice(0, from) + section + text.slice(to + end.length)
			: `${text.trimEnd()}\n\n${markdown.startsWith("#") ? "" : `## ${title}\n\n`}${section}\n`;
	writeFileSync(path, text);
}
