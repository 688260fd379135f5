import autocannon from "autocannon";

/** Same settings for every target, so the figures compare. */
export const LOAD = { connections: 10, pipelining: 1, seconds: 5, warmupSeconds: 1 } as const;

export interface LoadResult {
	requestsPerSecond: number;
	latencyP50Ms: number;
	latencyP99Ms: number;
	/** Answers other than 2xx, plus errors and timeouts: must be 0 for the figure to count. */
	failures: number;
}

/** Hammer one URL; the load generator runs here, the server in its own process. */
export async function hammer(
	url: string,
	headers: Record<string, string> = {},
	seconds: number = LOAD.seconds,
): Promise<LoadResult> {
	const result = await autocannon({
		url,
		headers,
		connections: LOAD.connections,
		pipelining: LOAD.pipelining,
		duration: seconds,
	});
	return {
		requestsPerSecond: result.requests.total / result.duration,
		latencyP50Ms: result.latency.p50,
		latencyP99Ms: result.latency.p99,
		failures: result.non2xx + result.errors + result.timeouts,
	};
}
