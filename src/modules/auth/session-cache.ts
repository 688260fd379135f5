import type { RequestAuth } from "./resolve-session.ts";

/**
 * How long a resolved session may be reused by one process. Every revocation (logout, password
 * change, MFA reset, account disabled, role change) is a database write, so another process sees
 * it at the latest this long after it committed: the promise is "refused everywhere within 1 s".
 */
export const SESSION_CACHE_TTL_MS = 500;

/** Enough for every session active in the last TTL; the oldest entry goes when it is full. */
export const SESSION_CACHE_MAX_ENTRIES = 2_000;

interface Entry {
	auth: RequestAuth;
	/** Epoch milliseconds after which the entry must be resolved again. */
	until: number;
}

/**
 * The login state of recently seen session cookies, per process, so that a burst of reads costs
 * one session + account + roles lookup instead of one per request. Only reads use it: a request
 * that may change state resolves its session afresh and clears the cache when it is done, so the
 * process that revoked a session refuses it at once. Bounded in size and in age.
 *
 * @example
 * const cache = new SessionCache();
 * const auth = await cache.resolve(token, () => resolveSession(deps, token));
 */
export class SessionCache {
	readonly #entries = new Map<string, Entry>();
	readonly #ttlMs: number;
	readonly #maxEntries: number;
	/** Bumped by `clear`, so a lookup that started before a change never stores its stale result. */
	#generation = 0;

	constructor(ttlMs = SESSION_CACHE_TTL_MS, maxEntries = SESSION_CACHE_MAX_ENTRIES) {
		this.#ttlMs = ttlMs;
		this.#maxEntries = maxEntries;
	}

	get size(): number {
		return this.#entries.size;
	}

	/**
	 * The cached login state of `token`, or `load()`'s answer (cached when it is a session). An
	 * unknown token is never cached, so random cookies cannot fill the cache.
	 */
	async resolve(
		token: string,
		load: () => Promise<RequestAuth | null>,
		nowMs = Date.now(),
	): Promise<RequestAuth | null> {
		const entry = this.#entries.get(token);
		if (entry && entry.until > nowMs) return entry.auth;
		if (entry) this.#entries.delete(token);
		const generation = this.#generation;
		const auth = await load();
		if (auth && generation === this.#generation && this.#ttlMs > 0) this.#store(token, auth, nowMs);
		return auth;
	}

	/** Forget every entry (after any request that may have changed sessions, accounts or roles). */
	clear(): void {
		this.#entries.clear();
		this.#generation++;
	}

	#store(token: string, auth: RequestAuth, nowMs: number): void {
		if (this.#entries.size >= this.#maxEntries) this.#evict(nowMs);
		this.#entries.set(token, { auth, until: nowMs + this.#ttlMs });
	}

	/** Drop expired entries; if none had expired, drop the oldest (Map keeps insertion order). */
	#evict(nowMs: number): void {
		for (const [token, entry] of this.#entries) {
			if (entry.until <= nowMs) this.#entries.delete(token);
		}
		if (this.#entries.size < this.#maxEntries) return;
		const oldest = this.#entries.keys().next();
		if (!oldest.done) this.#entries.delete(oldest.value);
	}
}
