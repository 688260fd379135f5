import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { groupHelp, groupsOf } from "../../src/cli/help.ts";
import { COMMANDS } from "../../src/cli/main.ts";
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

/** Every command of `group` is listed on a line of its own, with its summary. */
function assertListsGroup(text: string, group: string) {
	for (const command of groupsOf(COMMANDS).get(group) ?? []) {
		if (command.name === group) continue;
		assert.match(
			text,
			new RegExp(
				`^ {2}${command.name} +${command.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
				"m",
			),
		);
	}
}

test("every group's help lists its commands and exits 0 (one spawn per group)", async () => {
	// The pure walk in src/cli/help.test.ts covers every form; here the real process, rotating forms.
	const forms = [
		(g: string) => [g, "--help"],
		(g: string) => [g, "-h"],
		(g: string) => ["help", g],
	];
	let turn = 0;
	for (const group of groupsOf(COMMANDS).keys()) {
		const args = forms[turn++ % forms.length]?.(group) ?? [];
		const result = await run(...args);
		assert.deepEqual([result.code, result.stderr], [0, ""], args.join(" "));
		assertListsGroup(result.stdout, group);
		assert.equal(result.stdout.trimEnd(), groupHelp(COMMANDS, group), args.join(" "));
	}
	assert.deepEqual(readdirSync(place.dataDir), [], "help opens no database");
});

test("a command's --help, -h or help COMMAND prints its usage and exits 0", async () => {
	for (const [name, args] of [
		["assets import", ["assets", "import", "--help"]],
		["tenant add", ["help", "tenant", "add"]],
		["gateway purge", ["gateway", "purge", "-h"]],
		["user add", ["user", "add", "--tenant", "x", "--help"]],
	] as const) {
		const result = await run(...args);
		assert.deepEqual([result.code, result.stderr], [0, ""], name);
		assert.match(result.stdout, new RegExp(`^usage: mamori ${name}\\b`, "m"), name);
	}
	const gateway = await run("gateway", "--help");
	assert.equal(gateway.code, 0);
	assert.match(gateway.stdout, /^usage: mamori gateway --tenant SLUG/m, "its own usage");
	assertListsGroup(gateway.stdout, "gateway");
});

test("an unknown command is one line on stderr and exit 2", async () => {
	assertUsageError(await run("frobnicate"), /unknown command "frobnicate"/);
	assertUsageError(await run("help", "frobnicate"), /unknown command "frobnicate"/);
});

test("a group without a command, or with an unknown one, lists the group on stderr, exit 2", async () => {
	for (const [args, first] of [
		[["tenant", "remove"], 'mamori: "tenant remove" is not a command'],
		[["tenant"], 'mamori: "tenant" needs a command'],
		[["help", "assets", "delete"], 'mamori: "assets delete" is not a command'],
		[["gateway", "restart"], 'mamori: "gateway restart" is not a command'],
	] as const) {
		const result = await run(...args);
		assert.deepEqual([result.code, result.stdout], [2, ""], args.join(" "));
		assert.equal(result.errorLines[0], first);
		assertListsGroup(result.stderr, args[0] === "help" ? args[1] : args[0]);
		assert.doesNotMatch(result.stderr, /\n\s+at |Error:|\.ts:\d+/, "no stack trace");
	}
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
