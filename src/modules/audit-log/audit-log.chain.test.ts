import assert from "node:assert/strict";
import { test } from "node:test";
import { type ChainedFields, GENESIS_HASH, hashEvent } from "./audit-log.chain.ts";

const EVENT: ChainedFields = {
	tenant_id: "5f0c6b1e-0000-4000-8000-000000000001",
	seq: 7,
	id: "9a1d2c3e-0000-4000-8000-000000000002",
	type: "account.updated",
	occurred_at: "2026-11-22T02:10:14.123Z",
	actor_id: "actor-1",
	actor_label: "山田 太郎",
	ip: "192.0.2.10",
	record_type: "account",
	record_id: "account-9",
	data: '{"before":{"displayName":"a"},"after":{"displayName":"b"}}',
	prev_hash: "ab".repeat(32),
};

test("hashEvent is a stable SHA-256 hex digest of the event", () => {
	const hash = hashEvent(EVENT);
	assert.match(hash, /^[0-9a-f]{64}$/);
	assert.equal(hashEvent({ ...EVENT }), hash);
	assert.equal(hashEvent({ ...EVENT, seq: "7" as unknown as number }), hash, "bigint read as text");
	assert.equal(GENESIS_HASH, "0".repeat(64));
});

test("hashEvent changes when any chained field changes", () => {
	const base = hashEvent(EVENT);
	const changes: Partial<ChainedFields>[] = [
		{ tenant_id: "5f0c6b1e-0000-4000-8000-000000000003" },
		{ seq: 8 },
		{ id: "9a1d2c3e-0000-4000-8000-000000000004" },
		{ type: "account.created" },
		{ occurred_at: "2026-11-22T02:10:14.124Z" },
		{ actor_id: "actor-2" },
		{ actor_id: null },
		{ actor_label: "山田 太郎 " },
		{ ip: null },
		{ ip: "192.0.2.11" },
		{ record_type: "org_unit" },
		{ record_id: "account-8" },
		{ data: '{"before":{"displayName":"a"},"after":{"displayName":"c"}}' },
		{ prev_hash: GENESIS_HASH },
	];
	const hashes = changes.map((change) => hashEvent({ ...EVENT, ...change }));
	for (const [i, hash] of hashes.entries()) {
		assert.notEqual(hash, base, JSON.stringify(changes[i]));
	}
	assert.equal(new Set(hashes).size, hashes.length, "every change gives its own hash");
});

test("field boundaries are unambiguous: moving text between fields changes the hash", () => {
	const a = hashEvent({ ...EVENT, record_type: "account", record_id: "x" });
	const b = hashEvent({ ...EVENT, record_type: "accoun", record_id: "tx" });
	const c = hashEvent({ ...EVENT, record_type: 'account","x', record_id: "" });
	assert.notEqual(a, b);
	assert.notEqual(a, c);
	assert.notEqual(
		hashEvent({ ...EVENT, ip: null }),
		hashEvent({ ...EVENT, ip: "" }),
		"null ≠ empty",
	);
	assert.notEqual(
		hashEvent({ ...EVENT, ip: null }),
		hashEvent({ ...EVENT, ip: "null" }),
		"null ≠ the text null",
	);
});
