/**
 * A token bucket per key, kept in the process: `perMinute` calls, refilled evenly. Used for
 * machine clients' API tokens; no timers, the refill is computed from the clock on each call.
 */
export class RateLimiter {
	readonly #capacity: number;
	readonly #perMs: number;
	readonly #buckets = new Map<string, { tokens: number; at: number }>();

	constructor(perMinute: number) {
		this.#capacity = Math.max(1, perMinute);
		this.#perMs = this.#capacity / 60_000;
	}

	/**
	 * Take one call for `key`: 0 when allowed, otherwise the seconds until the next is.
	 *
	 * @example
	 * const wait = limiter.take(token.id); if (wait > 0) throw tooMany(wait);
	 */
	take(key: string, now = Date.now()): number {
		const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, at: now };
		bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.at) * this.#perMs);
		bucket.at = now;
		if (this.#buckets.size > 10_000 && !this.#buckets.has(key)) this.#buckets.clear();
		this.#buckets.set(key, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
	}
}
