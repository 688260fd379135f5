import assert from "node:assert/strict";
import {
	cpSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	truncateSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { deriveKeys } from "../../src/modules/backup/backup-crypto.ts";
import { readManifest, renderManifest } from "../../src/modules/backup/backup-manifest.ts";
import {
	assertRestored,
	assertUntouched,
	BACKUP_PASSPHRASE,
	type BackupWorld,
	makeBackupWorld,
	startWriters,
	stateFileHashes,
	WITH_PASSPHRASE,
} from "../helpers/backup-world.ts";
import { runCli } from "../helpers/cli.ts";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-db.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Issue #23: `mamori backup` while four writers write, `mamori restore` into an empty place, and
 * the refusals of a damaged, truncated, wrong-key, newer-schema backup, with nothing written.
 * Runs on the engine of DATABASE_URL, like every integration test.
 */

let source: TestRuntime;
let world: BackupWorld;
let backupDir: string;
let work: string;
let acknowledgedBefore: string[];
const places: EmptyDatabase[] = [];

async function emptyPlace(): Promise<EmptyDatabase> {
	const place = await createEmptyDatabase();
	places.push(place);
	return place;
}

before(async () => {
	source = await createTestRuntime();
	world = await makeBackupWorld(source);
	const checkpoint = await runCli(["audit", "checkpoint"], source);
	assert.equal(checkpoint.code, 0, checkpoint.stderr);
	work = mkdtempSync(join(tmpdir(), "mamori-backups-"));
	backupDir = join(work, "backup");
	const writers = startWriters(source, world, 4);
	// Let the writers get going, then take the backup while they keep writing.
	while (writers.acknowledged().length < 8) await new Promise((r) => setTimeout(r, 5));
	acknowledgedBefore = writers.acknowledged();
	const result = await runCli(["backup", "--to", backupDir], source, WITH_PASSPHRASE);
	const duringBackup = writers.acknowledged().length - acknowledgedBefore.length;
	await writers.stop();
	assert.equal(result.code, 0, result.stderr);
	assert.ok(duringBackup >= 0);
});

after(async () => {
	await source.cleanup();
	for (const place of places) await place.cleanup();
	rmSync(work, { recursive: true, force: true });
});

test("the manifest lists each part with size and SHA-256, the schema, the engine and every audit head", async () => {
	const { manifest } = await readManifest(backupDir, {
		kind: "passphrase",
		passphrase: BACKUP_PASSPHRASE,
	});
	assert.equal(manifest.engine, source.engine);
	assert.match(manifest.schemaVersion, /^\d{4}-/);
	assert.ok(manifest.parts.some((p) => p.kind === "database"));
	const files = manifest.parts.flatMap((p) => (p.kind === "file" ? [p.path] : []));
	assert.ok(files.includes("secret.key"));
	assert.ok(files.includes("checkpoint.key"));
	assert.ok(files.some((f) => f.startsWith("checkpoints/")));
	for (const part of manifest.parts) {
		assert.equal(statSync(join(backupDir, part.file)).size, part.size);
		assert.match(part.sha256, /^[0-9a-f]{64}$/);
	}
	const head = manifest.tenants.find((t) => t.id === world.tenant.id);
	assert.ok(head && head.seq > 0 && head.hash);
	// Encrypted: the certificate's and the key's bytes are nowhere in plain.
	const database = readFileSync(join(backupDir, "database.enc"));
	assert.equal(database.includes(Buffer.from("株式会社データ消去サービス")), false);
	const secret = readFileSync(join(source.dataDir, "secret.key"));
	for (const part of manifest.parts) {
		assert.equal(readFileSync(join(backupDir, part.file)).includes(secret), false);
	}
});

test("restore into an empty place brings back every acknowledged write, every file and every chain", async () => {
	const target = await emptyPlace();
	const result = await runCli(["restore", "--from", backupDir], target, WITH_PASSPHRASE);
	assert.equal(result.code, 0, result.stdout + result.stderr);
	assert.match(result.stdout, /restore verified/);
	assert.match(result.stdout, /assets\s+\d+/);
	assert.match(result.stdout, new RegExp(`${world.tenant.slug}: audit chain intact`));
	await assertRestored(target, world, acknowledgedBefore);
	assert.deepEqual(stateFileHashes(target.dataDir), stateFileHashes(source.dataDir));

	const verify = await runCli(["backup", "verify", backupDir], target, WITH_PASSPHRASE);
	assert.equal(verify.code, 0, verify.stdout + verify.stderr);
	assert.match(verify.stdout, /the backup restores and verifies/);

	const again = await runCli(["restore", "--from", backupDir], target, WITH_PASSPHRASE);
	assert.equal(again.code, 1);
	assert.match(again.stderr, /not empty; --force would replace: .*secret\.key/);
	const forced = await runCli(["restore", "--from", backupDir, "--force"], target, WITH_PASSPHRASE);
	assert.equal(forced.code, 0, forced.stdout + forced.stderr);
	assert.match(forced.stdout, /replacing: /);
	await assertRestored(target, world, acknowledgedBefore);
});

function copyOfBackup(name: string): string {
	const dir = join(work, name);
	cpSync(backupDir, dir, { recursive: true });
	return dir;
}

async function assertRefused(dir: string, env: Record<string, string>, message: RegExp) {
	const target = await emptyPlace();
	const result = await runCli(["restore", "--from", dir], target, env);
	assert.equal(result.code, 1, result.stdout);
	assert.match(result.stderr, message);
	await assertUntouched(target);
	const verify = await runCli(["backup", "verify", dir], target, env);
	assert.equal(verify.code, 1);
	assert.match(verify.stderr, message);
	await assertUntouched(target);
}

test("a backup with one flipped byte is refused and nothing is written", async () => {
	const dir = copyOfBackup("flipped");
	const path = join(dir, "database.enc");
	const bytes = readFileSync(path);
	const at = Math.floor(bytes.length / 2);
	bytes[at] = (bytes[at] ?? 0) ^ 0x01;
	writeFileSync(path, bytes);
	await assertRefused(dir, WITH_PASSPHRASE, /part database\.enc is damaged/);
});

test("a backup cut in half is refused as truncated and nothing is written", async () => {
	const dir = copyOfBackup("halved");
	const path = join(dir, "database.enc");
	truncateSync(path, Math.floor(statSync(path).size / 2));
	await assertRefused(dir, WITH_PASSPHRASE, /truncated/);
});

test("the wrong passphrase is refused as such and nothing is written", async () => {
	await assertRefused(
		backupDir,
		{ MAMORI_BACKUP_PASSPHRASE: "not the passphrase at all" },
		/wrong passphrase or key file/,
	);
	const target = await emptyPlace();
	const none = await runCli(["restore", "--from", backupDir], target, {});
	assert.equal(none.code, 1);
	assert.match(none.stderr, /no backup key/);
	await assertUntouched(target);
});

test("a backup of a newer schema is refused and nothing is written", async () => {
	const dir = copyOfBackup("newer");
	const source = { kind: "passphrase" as const, passphrase: BACKUP_PASSPHRASE };
	const { manifest } = await readManifest(dir, source);
	const file = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
	const keys = await deriveKeys(source, file.kdf);
	const newer = {
		...manifest,
		migrations: [...manifest.migrations, "9999-future"],
		schemaVersion: "9999-future",
	};
	writeFileSync(join(dir, "manifest.json"), renderManifest(newer, file.kdf, keys));
	await assertRefused(dir, WITH_PASSPHRASE, /schema \(9999-future\) is newer than this Mamori's/);
});

test("a key kept in the backup directory is refused", async () => {
	const dir = copyOfBackup("keyinside");
	writeFileSync(join(dir, "key"), Buffer.alloc(32, 7));
	const result = await runCli(["backup", "verify", dir, "--key-file", join(dir, "key")], source);
	assert.equal(result.code, 1);
	assert.match(result.stderr, /must not be kept in the backup directory/);
});
