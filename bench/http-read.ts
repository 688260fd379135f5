import { httpGet } from "./lib/http.ts";
import { hammer, LOAD, type LoadResult } from "./lib/load.ts";
import { rssMb, sleep, stop } from "./lib/processes.ts";
import type { SeededReader } from "./seed.ts";
import { startHello, startHonoHello, startMamori } from "./startup.ts";

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
	/** How many org units each read returned. */
	orgUnits: number;
	rssMb: {
		mamoriIdle: number;
		mamoriAfterLoad: number;
		helloIdle: number;
		helloAfterLoad: number;
	};
}

/**
 * Both servers run in their own processes while this one generates the load, one target at a
 * time, in alternating rounds so a noisy neighbour hits every target alike.
 */
export async function measureReads(
	dataDir: string,
	reader: SeededReader,
	rounds: number,
): Promise<ReadFigures> {
	const mamori = await startMamori(dataDir);
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
		const idle = { mamori: rssMb(mamori.child.pid ?? 0), hello: rssMb(hello.child.pid ?? 0) };

		const targets = {
			hello: { url: `${hello.origin}/`, headers: {} },
			honoHello: { url: `${honoHello.origin}/`, headers: {} },
			health: { url: `${mamori.origin}/api/health`, headers: {} },
			read: { url: `${mamori.origin}/api/org-units`, headers: auth },
		};
		for (const { url, headers } of Object.values(targets)) {
			await hammer(url, headers, LOAD.warmupSeconds);
		}
		const figures: Omit<ReadFigures, "rssMb" | "orgUnits"> = {
			hello: [],
			honoHello: [],
			health: [],
			read: [],
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
				helloIdle: idle.hello,
				helloAfterLoad: rssMb(hello.child.pid ?? 0),
			},
		};
	} finally {
		await stop(mamori.child);
		await stop(hello.child);
		await stop(honoHello.child);
	}
}
