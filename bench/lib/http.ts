import type { ChildProcess } from "node:child_process";
import { request } from "node:http";
import { performance } from "node:perf_hooks";
import { spawnNode, waitForOutput } from "./processes.ts";

/** One GET with node:http (not fetch, whose lazy loading would skew the first timing). */
export function httpGet(
	url: string,
	headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers, agent: false }, (response) => {
			let body = "";
			response.setEncoding("utf8");
			response.on("data", (chunk: string) => {
				body += chunk;
			});
			response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
		});
		req.on("error", reject);
		req.end();
	});
}

export interface RunningServer {
	child: ChildProcess;
	/** http://127.0.0.1:<port> */
	origin: string;
	/** From spawn until `readyPath` answered 200. */
	readyMs: number;
}

/**
 * Spawn a server script that prints `http://localhost:<port>/` once listening (PORT=0 picks the
 * port), then GET `readyPath` until it answers 200. The clock runs from spawn to that answer.
 */
export async function startServer(
	args: string[],
	env: NodeJS.ProcessEnv,
	readyPath: string,
): Promise<RunningServer> {
	const started = performance.now();
	const child = spawnNode(args, { ...env, PORT: "0" });
	const port = await waitForOutput(child, /http:\/\/localhost:(\d+)\//);
	const origin = `http://127.0.0.1:${port}`;
	for (let attempt = 0; ; attempt++) {
		const { status } = await httpGet(`${origin}${readyPath}`).catch(() => ({ status: 0 }));
		if (status === 200) break;
		if (attempt > 500) throw new Error(`${origin}${readyPath} never answered 200 (last ${status})`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return { child, origin, readyMs: performance.now() - started };
}
