import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { type CliResult, runCli } from "../helpers/cli.ts";

// Usage errors must be caught before anything opens a database: an empty directory, no URL.
const place = { dataDir: mkdtempSync(join(tmpdir(), "mamori-cli-usage-")), databaseUrl: undefined };
after(() => rmSync(place.dataDir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, place);

/** One line on stderr, nothing on stdout, exit code 2, and no stack trace. */
function assertUsageError(result: CliResult, pattern: RegExp) {
	const label = JSON.stringify(result);
	assert.equal(result.code, 2, label);
	assert.equal(result.errorLines.length, 1, label);
	assert.match(result.errorLines[0] ?? "", pattern);
	assert.match(result.errorLines[0] ?? "", /^mamori/);
	assert.doesNotMatch(result.stderr, /\n\s+at |Error:|\.ts:\d+/, "no stack trace");
	assert.equal(result.stdout, "");
}

/** The sub-commands listed by the top-level help. */
async function listedCommands(): Promise<string[]> {
	const { stdout } = await run("--help");
	return stdout
		.split("\n")
		.filter((line) => /^ {2}\S/.test(line))
		.map((line) => line.trim().split(/\s{2,}/)[0] ?? "");
}

test("--help prints the overview of every command and exits 0", async () => {
	const result = await run("--help");
	assert.equal(result.code, 0);
	assert.equal(result.stderr, "");
	assert.match(result.stdout, /usage: mamori <command>/);
	const listed = await listedCommands();
	for (const name of [
		"serve",
		"db migrate",
		"tenant add",
		"tenant list",
		"user add",
		"user reset-mfa",
		"audit verify",
	]) {
		assert.ok(listed.includes(name), `${name} is listed in ${JSON.stringify(listed)}`);
	}
	assert.equal((await run("-h")).stdout, result.stdout);
});

test("--help on every command prints its usage and exits 0", async () => {
	for (const name of await listedCommands()) {
		const result = await run(...name.split(" "), "--help");
		assert.equal(result.code, 0, name);
		assert.equal(result.stderr, "", name);
		assert.match(result.stdout, new RegExp(`^usage: mamori ${name}\\b`, "m"), name);
	}
	assert.deepEqual(readdirSync(place.dataDir), [], "help opens no database");
});

test("an unknown command is one line on stderr and exit 2", async () => {
	assertUsageError(await run("frobnicate"), /unknown command "frobnicate"/);
	assertUsageError(await run("tenant", "remove"), /not a command; try: tenant add, tenant list/);
	assertUsageError(await run("tenant"), /not a command/);
});

test("an unknown flag or a stray word is one line on stderr and exit 2", async () => {
	assertUsageError(await run("tenant", "add", "--name", "x-city", "--colour", "red"), /--colour/);
	assertUsageError(await run("tenant", "list", "extra"), /extra/);
	assertUsageError(await run("audit", "verify", "--tenant"), /--tenant/);
	assertUsageError(await run("db", "migrate", "--force"), /--force/);
});

test("a missing required flag is one line on stderr and exit 2", async () => {
	assertUsageError(await run("tenant", "add"), /--name is required/);
	assertUsageError(await run("user", "add", "--tenant", "demo"), /--username is required/);
	assertUsageError(await run("user", "add", "--username", "u1"), /--tenant is required/);
	assertUsageError(await run("user", "reset-mfa", "--tenant", "demo"), /--username is required/);
});

test("invalid values are usage errors too", async () => {
	assertUsageError(await run("tenant", "add", "--name", "Not A Slug"), /slug/);
	assertUsageError(
		await run("user", "add", "--tenant", "demo", "--username", "u1", "--role", "emperor"),
		/unknown role "emperor"/,
	);
	assertUsageError(
		await run("user", "add", "--tenant", "demo", "--username", "u1", "--role", "section_manager"),
		/per org unit/,
	);
	assert.deepEqual(readdirSync(place.dataDir), [], "nothing was opened or created");
});
