import type { Kysely } from "kysely";

type ChangeStamp = () => string | undefined;

/** Per database: how to tell that it may have changed since a value was read (SQLite only). */
const stamps = new WeakMap<Kysely<never>, ChangeStamp>();

/** Register how `db` tells that it changed; `openDatabase` does it for SQLite. */
export function watchChanges<D>(db: Kysely<D>, stamp: ChangeStamp): void {
	stamps.set(db as unknown as Kysely<never>, stamp);
}

/**
 * Values read from the database, kept per key for as long as the database has not changed. On
 * SQLite "changed" is any commit by any connection, this process's or another's (see
 * `NodeSqliteDialect.changeStamp`): one cheap check per read, never a stale answer, and no
 * timers. On PostgreSQL there is no such cheap check, so every read loads (the cache is off).
 *
 * Meant for small, hot, rarely written reads (the org-unit list every page asks for); the value
 * should be what is sent (a JSON string), so a hit costs no work at all.
 *
 * @example
 * const cache = new ReadCache<string>(500);
 * const body = await cache.read(db, `${tenantId}`, async () => JSON.stringify(await list()));
 */
export class ReadCache<V> {
	readonly #maxEntries: number;
	readonly #byDb = new WeakMap<Kysely<never>, Map<string, { stamp: string; value: V }>>();

	constructor(maxEntries: number) {
		this.#maxEntries = maxEntries;
	}

	async read<D>(db: Kysely<D>, key: string, load: () => Promise<V>): Promise<V> {
		const handle = db as unknown as Kysely<never>;
		const stamp = stamps.get(handle)?.();
		if (stamp === undefined) return load();
		let entries = this.#byDb.get(handle);
		if (!entries) {
			entries = new Map();
			this.#byDb.set(handle, entries);
		}
		const hit = entries.get(key);
		if (hit?.stamp === stamp) return hit.value;
		const value = await load();
		entries.delete(key);
		if (entries.size >= this.#maxEntries) {
			const oldest = entries.keys().next().value;
			if (oldest !== undefined) entries.delete(oldest);
		}
		// Stamped with what was current before the load: a change meanwhile shows as a miss next time.
		entries.set(key, { stamp, value });
		return value;
	}
}
