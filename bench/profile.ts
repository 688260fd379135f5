// `node bench/profile.ts [health|read] [seconds]`: run `mamori serve` under `--cpu-prof`, load one
// path with autocannon, and print the functions with the most self time. The findings are kept
// in BENCHMARKS.md (platform section).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./lib/http.ts";
import { hammer } from "./lib/load.ts";
import { cleanUp, MAMORI_BIN, makeTempDir, stop } from "./lib/processes.ts";
import { seedReader } from "./seed.ts";
import { mamoriEnv } from "./startup.ts";

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
}

/** Self time by function (name + file + line), as a share of all samples. */
export function selfTimes(profile: CpuProfile, top = 30): string[] {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const counts = new Map<string, number>();
	for (const id of profile.samples) {
		const frame = byId.get(id)?.callFrame;
		if (!frame) continue;
		const file = frame.url.replace(/^.*node_modules\//, "").replace(/^.*\/wt-[^/]+\//, "");
		const key = `${frame.functionName || "(anonymous)"}  ${file}:${frame.lineNumber + 1}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const total = profile.samples.length;
	return [...counts]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)} %  ${key}`);
}

async function main(): Promise<void> {
	const target = process.argv[2] ?? "read";
	const seconds = Number(process.argv[3] ?? 10);
	const dataDir = makeTempDir("mamori-profile-");
	writeFileSync(join(dataDir, "secret.key"), `${randomBytes(32).toString("base64")}\n`);
	const profileDir = makeTempDir("mamori-cpuprofile-");
	const first = await startServer([MAMORI_BIN, "serve"], mamoriEnv(dataDir), "/api/health");
	await stop(first.child);
	const reader = await seedReader(dataDir);
	const server = await startServer(
		[`--cpu-prof`, `--cpu-prof-dir=${profileDir}`, MAMORI_BIN, "serve"],
		mamoriEnv(dataDir),
		"/api/health",
	);
	const path = target === "health" ? "/api/health" : "/api/org-units";
	const headers: Record<string, string> = target === "health" ? {} : { cookie: reader.cookie };
	const result = await hammer(`${server.origin}${path}`, headers, seconds);
	console.log(
		`${path}: ${Math.round(result.requestsPerSecond)} req/s, failures ${result.failures}`,
	);
	await stop(server.child);
	// `bin/mamori.js` re-executes itself with the heap flags; the server's profile is the largest.
	const file = readdirSync(profileDir)
		.filter((name) => name.endsWith(".cpuprofile"))
		.sort((a, b) => statSync(join(profileDir, b)).size - statSync(join(profileDir, a)).size)[0];
	if (!file) throw new Error("no .cpuprofile written");
	const profile = JSON.parse(readFileSync(join(profileDir, file), "utf8")) as CpuProfile;
	console.log(selfTimes(profile).join("\n"));
	if (process.env.KEEP_PROFILE) writeFileSync(process.env.KEEP_PROFILE, JSON.stringify(profile));
}

try {
	await main();
} finally {
	cleanUp();
}
