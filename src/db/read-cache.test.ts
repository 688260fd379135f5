import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { sql } from "kysely";
import { openDatabase } from "./connection.ts";
import { ReadCache } from "./read-cache.ts";

const dir = mkdtempSync(join(tmpdir(), "mamori-read-cache-"));
const first = openDatabase({ dataDir: dir });
const second = openDatabase({ dataDir: dir });
after(async () => {
	await first.db.destroy();
	await second.db.destroy();
	rmSync(dir, { recursive: true, force: true });
});
await sql`create table notes (id integer primary key, text text not null)`.execute(first.db);

/** Reads the notes through the cache, counting real loads. */
function reader(cache: ReadCache<string[]>) {
	let loads = 0;
	return {
		loads: () => loads,
		read: (db = first.db) =>
			cache.read(db, "notes", async () => {
				loads++;
				const rows = await sql<{ text: string }>`select text from notes order by id`.execute(db);
				return rows.rows.map((row) => row.text);
			}),
	};
}

test("SQLite: a value is kept while nothing changes, and read again after any commit", async () => {
	const notes = reader(new ReadCache(10));
	assert.deepEqual(await notes.read(), []);
	assert.deepEqual(await notes.read(), []);
	assert.equal(notes.loads(), 1, "the second read was served from the cache");

	await sql`insert into notes (text) values ('own connection')`.execute(first.db);
	assert.deepEqual(await notes.read(), ["own connection"]);
	assert.equal(notes.loads(), 2);

	// Another connection to the same file (another process, the import worker) commits.
	await sql`insert into notes (text) values ('other connection')`.execute(second.db);
	assert.deepEqual(await notes.read(), ["own connection", "other connection"]);
	assert.equal(notes.loads(), 3);

	// A write to any table counts, and so does one that changed nothing visible to this read.
	await sql`create table other (id integer)`.execute(second.db);
	await sql`insert into other (id) values (1)`.execute(first.db);
	await notes.read();
	assert.equal(notes.loads(), 4);
	await notes.read();
	assert.equal(notes.loads(), 4);
});

test("SQLite: inside a transaction nothing is cached", async () => {
	const notes = reader(new ReadCache(10));
	await first.db.transaction().execute(async (tx) => {
		await sql`insert into notes (text) values ('in transaction')`.execute(tx);
		assert.ok((await notes.read(tx as never)).includes("in transaction"));
		assert.ok((await notes.read(tx as never)).includes("in transaction"));
	});
	assert.equal(notes.loads(), 2);
});

test("a change during a load is seen by the next read", async () => {
	const cache = new ReadCache<number>(10);
	const count = async () => {
		const { rows } = await sql<{ n: number }>`select count(*) as n from notes`.execute(first.db);
		return rows[0]?.n ?? 0;
	};
	const before = await count();
	const stale = await cache.read(first.db, "count", async () => {
		const n = await count();
		await sql`insert into notes (text) values ('during the load')`.execute(second.db);
		return n;
	});
	assert.equal(stale, before);
	assert.equal(await cache.read(first.db, "count", count), before + 1);
});

test("at most maxEntries keys are kept; the oldest goes first", async () => {
	const cache = new ReadCache<string>(2);
	let loads = 0;
	const read = (key: string) =>
		cache.read(first.db, key, async () => {
			loads++;
			return key;
		});
	await read("a");
	await read("b");
	await read("c");
	assert.equal(loads, 3);
	await read("c");
	await read("b");
	assert.equal(loads, 3, "b and c are kept");
	await read("a");
	assert.equal(loads, 4, "a was dropped");
});
