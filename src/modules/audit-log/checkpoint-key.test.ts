import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import {
	type CheckpointClaim,
	claimSignatureValid,
	loadCheckpointKey,
	signClaim,
} from "./checkpoint-key.ts";

const dataDir = mkdtempSync(join(tmpdir(), "mamori-checkpoint-key-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test("the key is created once (0600) and read back with the same id", () => {
	const warnings: string[] = [];
	const first = loadCheckpointKey(dataDir, (message) => warnings.push(message));
	assert.equal(statSync(join(dataDir, "checkpoint.key")).mode & 0o777, 0o600);
	assert.match(warnings[0] ?? "", /secret\.key/);
	const again = loadCheckpointKey(dataDir, () => assert.fail("no second warning"));
	assert.equal(again.keyId, first.keyId);
	assert.match(first.keyId, /^[0-9a-f]{16}$/);
});

test("a signature covers every field of the claim", () => {
	const key = loadCheckpointKey(dataDir);
	const claim: CheckpointClaim = {
		tenantId: "8f0c1b7e-0000-4000-8000-000000000001",
		tenant: "saga-city",
		seq: 42,
		hash: "a".repeat(64),
		at: "2026-12-06T01:00:00.000Z",
		keyId: key.keyId,
	};
	const signature = signClaim(key, claim);
	assert.ok(claimSignatureValid(key.publicKey, claim, signature));
	const changes: Partial<CheckpointClaim>[] = [
		{ tenantId: "another" },
		{ tenant: "other-town" },
		{ seq: 41 },
		{ hash: "b".repeat(64) },
		{ at: "2026-12-07T01:00:00.000Z" },
		{ keyId: "0".repeat(16) },
	];
	for (const change of changes) {
		assert.equal(claimSignatureValid(key.publicKey, { ...claim, ...change }, signature), false);
	}
	assert.equal(claimSignatureValid(key.publicKey, claim, "not base64 at all!"), false);
	const other = loadCheckpointKey(mkdtempSync(join(dataDir, "other-")), () => {});
	assert.equal(claimSignatureValid(other.publicKey, claim, signature), false);
});
