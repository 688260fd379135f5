import { httpGet } from "./lib/http.ts";
import { hammer, LOAD, type LoadResult } from "./lib/load.ts";
import { rssMb, sleep, stop } from "./lib/processes.ts";
import type { SeededReader } from "./seed.ts";
import { NO_HEAP_LIMITS, startHello, startHonoHello, startMamori } from "./startup.ts";

/** Long enough for start-up garbage to be collected and timers to settle. */
const IDLE_MS = 2_000;

export interface ReadFigures {
	/** Bare node:http "hello": the baseline. */
	hello: LoadResult[];
	/** Bare Hono on @hono/node-server "hello": what the framework alone costs. */
	honoHello: LoadResult[];
	/** GET /api/health: the framework and one `select 1`, no session. */
	health: LoadResult[];
	/** GET /api/org-units with a session cookie: the authenticated read. */
	read: LoadResult[];
	/** The same two, served by a second `mamori serve` started without its V8 heap limits. */
	healthNoLimits: LoadResult[];
	readNoLimits: LoadResult[];
	/** How many org units each read returned. */
	orgUnits: number;
	rssMb: {
		mamoriIdle: number;
		mamoriAfterLoad: number;
		noLimitsIdle: number;
		noLimitsAfterLoad: number;
		helloIdle: number;
		helloAfterLoad: number;
	};
}

/**
 * Every server runs in its own process while this one generates the load, one target at a
 * time, in alternating rounds so a noisy neighbour hits every target alike. Two Mamori processes
 * share the data directory: `mamori serve` as shipped, and one without its V8 heap limits.
 */
export async function measureReads(
	dataDir: string,
	reader: SeededReader,
	rounds: number,
): Promise<ReadFigures> {
	const mamori = await startMamori(dataDir);
	const noLimits = await startMamori(dataDir, NO_HEAP_LIMITS);
	const hello = await startHello();
	const honoHello = await startHonoHello();
	try {
		const auth = { cookie: reader.cookie };
		const check = await httpGet(`${mamori.origin}/api/org-units`, auth);
		const items =
			check.status === 200 ? (JSON.parse(check.body) as { items: unknown[] }).items : [];
		if (items.length !== reader.orgUnits) {
			throw new Error(`GET /api/org-units answered ${check.status}: ${check.body.slice(0, 300)}`);
		}
		await sleep(IDLE_MS);
		const idle = {
			mamori: rssMb(mamori.child.pid ?? 0),
			noLimits: rssMb(noLimits.child.pid ?? 0),
			hello: rssMb(hello.child.pid ?? 0),
		};

		const targets = {
			hello: { url: `${hello.origin}/`, headers: {} },
			honoHello: { url: `${honoHello.origin}/`, headers: {} },
			health: { url: `${mamori.origin}/api/health`, headers: {} },
			read: { url: `${mamori.origin}/api/org-units`, headers: auth },
			healthNoLimits: { url: `${noLimits.origin}/api/health`, headers: {} },
			readNoLimits: { url: `${noLimits.origin}/api/org-units`, headers: auth },
		};
		for (const { url, headers } of Object.values(targets)) {
			await hammer(url, headers, LOAD.warmupSeconds);
		}
		const figures: Omit<ReadFigures, "rssMb" | "orgUnits"> = {
			hello: [],
			honoHello: [],
			health: [],
			read: [],
			healthNoLimits: [],
			readNoLimits: [],
		};
		for (let round = 0; round < rounds; round++) {
			for (const [name, { url, headers }] of Object.entries(targets)) {
				figures[name as keyof typeof targets].push(await hammer(url, headers));
			}
		}
		await sleep(IDLE_MS);
		return {
			...figures,
			orgUnits: reader.orgUnits,
			rssMb: {
				mamoriIdle: idle.mamori,
				mamoriAfterLoad: rssMb(mamori.child.pid ?? 0),
				noLimitsIdle: idle.noLimits,
				noLimitsAfterLoad: rssMb(noLimits.child.pid ?? 0),
				helloIdle: idle.hello,
				helloAfterLoad: rssMb(hello.child.pid ?? 0),
			},
		};
	} finally {
		await stop(mamori.child);
		await stop(noLimits.child);
		await stop(hello.child);
		await stop(honoHello.child);
	}
}
