import { join } from "node:path";
import { type RunningServer, startServer } from "./lib/http.ts";
import { MAMORI_BIN, ROOT, stop } from "./lib/processes.ts";

/** Mamori's environment for a bench data directory: always SQLite there. */
export function mamoriEnv(dataDir: string): NodeJS.ProcessEnv {
	return { MAMORI_DATA_DIR: dataDir, DATABASE_URL: "" };
}

/** `mamori serve` without its V8 heap limits (bin/mamori.js), to show what they cost. */
export const NO_HEAP_LIMITS = { MAMORI_MAX_OLD_SPACE_MB: "0", MAMORI_MAX_SEMI_SPACE_MB: "0" };

export function startMamori(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
	return startServer([MAMORI_BIN, "serve"], { ...mamoriEnv(dataDir), ...env }, "/api/health");
}

export function startHello(): Promise<RunningServer> {
	return startServer([join(ROOT, "bench", "hello-server.ts")], {}, "/");
}

export function startHonoHello(): Promise<RunningServer> {
	return startServer([join(ROOT, "bench", "hono-hello-server.ts")], {}, "/");
}

export interface StartupFigures {
	/** Spawn until GET /api/health answered 200, on an existing database. */
	mamoriMs: number[];
	/** The same for the bare node:http server: the floor any Node server pays. */
	helloMs: number[];
}

/** Start and stop each server `rounds` times, alternating so that noise hits both alike. */
export async function measureStartups(dataDir: string, rounds: number): Promise<StartupFigures> {
	const figures: StartupFigures = { mamoriMs: [], helloMs: [] };
	for (let round = 0; round < rounds; round++) {
		const mamori = await startMamori(dataDir);
		figures.mamoriMs.push(mamori.readyMs);
		await stop(mamori.child);
		const hello = await startHello();
		figures.helloMs.push(hello.readyMs);
		await stop(hello.child);
	}
	return figures;
}
