import assert from "node:assert/strict";
import { test } from "node:test";
import type { RequestAuth } from "./resolve-session.ts";
import { SessionCache } from "./session-cache.ts";

const auth = (id: string) => ({ session: { id } }) as unknown as RequestAuth;

/** A loader that counts its calls and answers `answer`. */
function loader(answer: RequestAuth | null) {
	const calls = { count: 0 };
	return {
		calls,
		load: async () => {
			calls.count++;
			return answer;
		},
	};
}

test("a session is reused within the TTL and resolved again after it", async () => {
	const cache = new SessionCache(500, 10);
	const { calls, load } = loader(auth("s1"));
	assert.equal((await cache.resolve("t", load, 1_000))?.session.id, "s1");
	await cache.resolve("t", load, 1_499);
	assert.equal(calls.count, 1);
	await cache.resolve("t", load, 1_500);
	assert.equal(calls.count, 2);
});

test("an unknown token is never cached", async () => {
	const cache = new SessionCache(500, 10);
	const { calls, load } = loader(null);
	assert.equal(await cache.resolve("t", load, 0), null);
	assert.equal(await cache.resolve("t", load, 1), null);
	assert.equal(calls.count, 2);
	assert.equal(cache.size, 0);
});

test("clear() forgets every entry, and a lookup running across it does not store its result", async () => {
	const cache = new SessionCache(500, 10);
	await cache.resolve("t", loader(auth("s1")).load, 0);
	cache.clear();
	assert.equal(cache.size, 0);
	const racing = cache.resolve(
		"u",
		async () => {
			cache.clear(); // a revocation commits while this lookup is reading
			return auth("stale");
		},
		0,
	);
	assert.equal((await racing)?.session.id, "stale");
	assert.equal(cache.size, 0, "the stale answer was not kept");
});

test("the cache never holds more than its bound", async () => {
	const cache = new SessionCache(10_000, 3);
	for (let i = 0; i < 10; i++) await cache.resolve(`t${i}`, loader(auth(`s${i}`)).load, i);
	assert.equal(cache.size, 3);
	const { calls, load } = loader(auth("again"));
	await cache.resolve("t9", load, 20);
	assert.equal(calls.count, 0, "the newest entries stay");
	await cache.resolve("t0", load, 20);
	assert.equal(calls.count, 1, "the oldest went");
});

test("a TTL of 0 turns the cache off", async () => {
	const cache = new SessionCache(0, 10);
	const { calls, load } = loader(auth("s1"));
	await cache.resolve("t", load, 0);
	await cache.resolve("t", load, 0);
	assert.equal(calls.count, 2);
});
