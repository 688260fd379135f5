// The slice of autocannon's API the bench uses; the package ships no types.
declare module "autocannon" {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		pipelining?: number;
		headers?: Record<string, string>;
	}
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
	}
	interface Result {
		/** Per-second samples; `total` counts completed requests. */
		requests: Histogram & { total: number };
		latency: Histogram;
		/** Seconds. */
		duration: number;
		non2xx: number;
		errors: number;
		timeouts: number;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
