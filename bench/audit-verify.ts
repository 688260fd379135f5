import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createBenchTenant, generateChain } from "./audit-chain.ts";
import { MAMORI_BIN, ROOT, runToEnd, spawnNode } from "./lib/processes.ts";
import { mamoriEnv } from "./startup.ts";

const CHAIN_TENANT = "bench-chain";
const SMALL_TENANT = "bench-small";

export interface VerifyFigures {
	events: number;
	generateMs: number;
	/** `mamori audit verify --tenant bench-chain`, spawn to exit. */
	cliMs: number[];
	/** The same command on a new tenant (a handful of events): start-up, migration check, exit. */
	cliOverheadMs: number;
	/** The textbook loop (node:sqlite, every column, hashEvent), walk only: the baseline. */
	naiveMs: number;
}

/** Run `mamori audit verify` on one tenant; fails unless the chain is intact (with `events`). */
async function timeCli(dataDir: string, slug: string, events?: number): Promise<number> {
	const started = performance.now();
	const child = spawnNode(
		[MAMORI_BIN, "audit", "verify", "--tenant", slug, "--json"],
		mamoriEnv(dataDir),
	);
	const { code, stdout, stderr } = await runToEnd(child);
	const ms = performance.now() - started;
	const verdict = JSON.parse(stdout || "{}") as {
		intact?: boolean;
		tenants?: { events: number }[];
	};
	const counted = verdict.tenants?.[0]?.events;
	if (code !== 0 || !verdict.intact || (events !== undefined && counted !== events)) {
		throw new Error(`audit verify of ${slug} failed (exit ${code}): ${stdout}${stderr}`);
	}
	return ms;
}

async function timeNaive(dataDir: string): Promise<number> {
	const child = spawnNode([
		join(ROOT, "bench", "naive-verify.ts"),
		join(dataDir, "mamori.sqlite"),
		CHAIN_TENANT,
	]);
	const { code, stdout, stderr } = await runToEnd(child);
	if (code !== 0) throw new Error(`baseline failed (exit ${code}): ${stderr}`);
	return (JSON.parse(stdout) as { ms: number }).ms;
}

export async function measureVerify(
	dataDir: string,
	events: number,
	rounds: number,
): Promise<VerifyFigures> {
	const started = performance.now();
	await generateChain(dataDir, CHAIN_TENANT, events);
	const generateMs = performance.now() - started;
	await createBenchTenant(dataDir, SMALL_TENANT);

	const cliOverheadMs = await timeCli(dataDir, SMALL_TENANT);
	const naiveMs = await timeNaive(dataDir);
	const cliMs: number[] = [];
	for (let round = 0; round < rounds; round++) {
		cliMs.push(await timeCli(dataDir, CHAIN_TENANT, events));
	}
	return { events, generateMs, cliMs, cliOverheadMs, naiveMs };
}
