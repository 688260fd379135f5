import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { loadConfig, loadSecretKey } from "./config.ts";

test("loadConfig has working defaults", () => {
	const config = loadConfig({});
	assert.equal(config.port, 8080);
	assert.equal(config.dataDir, resolve("./data"));
	assert.equal(config.databaseUrl, undefined);
	assert.equal(config.sessionIdleSeconds, 30 * 60);
	assert.equal(config.sessionAbsoluteSeconds, 12 * 60 * 60);
	assert.equal(config.maxJsonBytes, 1024 * 1024);
	assert.equal(config.trustProxy, false);
	assert.equal(config.jobsPollMs, 5000);
});

test("loadConfig reads every variable", () => {
	const config = loadConfig({
		PORT: "9090",
		MAMORI_DATA_DIR: "/srv/mamori",
		DATABASE_URL: "postgres://db/mamori",
		MAMORI_SESSION_IDLE_SECONDS: "600",
		MAMORI_SESSION_ABSOLUTE_SECONDS: "3600",
		MAMORI_MAX_JSON_BYTES: "2048",
		MAMORI_TRUST_PROXY: "1",
		MAMORI_JOBS_POLL_MS: "0",
	});
	const expected = {
		port: 9090,
		dataDir: "/srv/mamori",
		databaseUrl: "postgres://db/mamori",
		sessionIdleSeconds: 600,
		sessionAbsoluteSeconds: 3600,
		maxJsonBytes: 2048,
		trustProxy: true,
		jobsPollMs: 0,
	};
	for (const [key, value] of Object.entries(expected)) {
		assert.equal(config[key as keyof typeof expected], value, key);
	}
	assert.equal(loadConfig({ DATABASE_URL: "" }).databaseUrl, undefined, "empty means unset");
	assert.equal(loadConfig({ MAMORI_TRUST_PROXY: "yes" }).trustProxy, false, "only 1 turns it on");
});

test("a wrong value names its variable", () => {
	const cases: [string, string][] = [
		["PORT", "http"],
		["PORT", "70000"],
		["PORT", "-1"],
		["PORT", "80.5"],
		["MAMORI_SESSION_IDLE_SECONDS", "0"],
		["MAMORI_SESSION_IDLE_SECONDS", "thirty"],
		["MAMORI_SESSION_ABSOLUTE_SECONDS", "-5"],
		["MAMORI_MAX_JSON_BYTES", "1.5"],
		["MAMORI_MAX_JSON_BYTES", "1MB"],
	];
	for (const [name, value] of cases) {
		assert.throws(
			() => loadConfig({ [name]: value }),
			(error) => error instanceof Error && error.message.startsWith(`${name} must`),
			`${name}=${value}`,
		);
	}
});

test("the secret key comes from MAMORI_SECRET_KEY as base64 or hex, else a generated key file", () => {
	const dir = mkdtempSync(join(tmpdir(), "mamori-key-"));
	try {
		const key = randomBytes(32);
		const noWarning = () => assert.fail("no warning expected");
		assert.deepEqual(
			loadSecretKey(dir, { MAMORI_SECRET_KEY: key.toString("base64") }, noWarning),
			key,
		);
		assert.deepEqual(
			loadSecretKey(dir, { MAMORI_SECRET_KEY: key.toString("hex") }, noWarning),
			key,
		);
		for (const bad of [randomBytes(16).toString("base64"), "not-a-key", "ab".repeat(31)]) {
			assert.throws(
				() => loadSecretKey(dir, { MAMORI_SECRET_KEY: bad }, noWarning),
				/^Error: MAMORI_SECRET_KEY must hold 32 bytes/,
			);
		}

		const warnings: string[] = [];
		const generated = loadSecretKey(dir, {}, (message) => warnings.push(message));
		assert.equal(generated.length, 32);
		const path = join(dir, "secret.key");
		assert.equal(warnings.length, 1);
		assert.match(warnings[0] ?? "", /MAMORI_SECRET_KEY is not set/);
		assert.ok(warnings[0]?.includes(path), "the warning says where the key is");
		assert.equal(statSync(path).mode & 0o777, 0o600, "only the owner can read it");
		assert.equal(Buffer.from(readFileSync(path, "utf8").trim(), "base64").length, 32);
		assert.deepEqual(loadSecretKey(dir, {}, noWarning), generated, "read back, not regenerated");

		writeFileSync(path, "too short\n");
		assert.throws(
			() => loadSecretKey(dir, {}, noWarning),
			(error) => error instanceof Error && error.message.includes(path),
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
