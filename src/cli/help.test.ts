import assert from "node:assert/strict";
import { test } from "node:test";
import type { Command } from "./command.ts";
import { commandHelp, groupHelp, groupsOf, overview, type Resolution, resolve } from "./help.ts";
import { COMMANDS } from "./main.ts";

// The walks below go over the real table: a command added to COMMANDS is checked here without
// anyone writing a test for its help.

const groups = groupsOf(COMMANDS);

function printed(argv: string[]): Extract<Resolution, { kind: "print" }> {
	const resolution = resolve(COMMANDS, argv);
	assert.equal(resolution.kind, "print", `mamori ${argv.join(" ")} prints`);
	return resolution as Extract<Resolution, { kind: "print" }>;
}

function helpOf(argv: string[]): string {
	const { to, code, text } = printed(argv);
	assert.deepEqual([to, code], ["stdout", 0], `mamori ${argv.join(" ")}`);
	return text;
}

function usageErrorOf(argv: string[]): string {
	const { to, code, text } = printed(argv);
	assert.deepEqual([to, code], ["stderr", 2], `mamori ${argv.join(" ")}`);
	return text;
}

/** The lines `  NAME  SUMMARY` of a help text, as [name, summary]. */
function listed(text: string): [string, string][] {
	return text
		.split("\n")
		.filter((line) => line.startsWith("  "))
		.map((line) => line.trim().split(/\s{2,}/))
		.filter((parts): parts is [string, string] => parts.length === 2)
		.filter(([name]) => /^[a-z][a-z-]*( [a-z][a-z-]*)?$/.test(name));
}

const entry = (c: Command): [string, string] => [c.name, c.summary];
const subCommands = (group: string) => (groups.get(group) ?? []).filter((c) => c.name !== group);
const words = (c: Command) => c.name.split(" ");

test("every command has a name of one or two words, a one-line summary and a usage", () => {
	assert.equal(new Set(COMMANDS.map((c) => c.name)).size, COMMANDS.length, "names are unique");
	for (const command of COMMANDS) {
		assert.match(command.name, /^[a-z][a-z-]*( [a-z][a-z-]*)?$/);
		assert.notEqual(command.name.split(" ")[0], "help", "help is not a group");
		assert.match(command.summary, /^\S.*\S$/, `${command.name}: summary on one line`);
		assert.match(command.usage, new RegExp(`^mamori ${command.name}( |\n|$)`), command.name);
	}
});

test("groups are the first words of the command names, in table order", () => {
	assert.deepEqual(
		[...groups.values()]
			.flat()
			.map((c) => c.name)
			.sort(),
		COMMANDS.map((c) => c.name).sort(),
		"every command in exactly one group",
	);
	for (const [group, members] of groups) {
		assert.ok(
			members.every((c) => c.name === group || c.name.startsWith(`${group} `)),
			group,
		);
	}
	for (const group of ["serve", "db", "tenant", "user", "audit", "policy", "gateway", "assets"]) {
		assert.ok(groups.has(group), group);
	}
	assert.deepEqual(
		groups.get("gateway")?.map((c) => c.name),
		["gateway", "gateway purge", "gateway retry-releases"],
	);
});

test("--help, -h and help print the overview with every command once; mamori alone, on stderr", () => {
	const text = helpOf(["--help"]);
	assert.equal(helpOf(["-h"]), text);
	assert.equal(helpOf(["help"]), text);
	assert.match(text, /^usage: mamori <command> \[options\]$/m);
	assert.match(text, /^mamori help GROUP lists a group's commands/m);
	assert.deepEqual(listed(text).sort(), COMMANDS.map(entry).sort());
	assert.equal(usageErrorOf([]), text, "mamori alone: the overview on stderr, exit 2");
});

test("every group: --help, -h and help GROUP list each of its commands, one line each", () => {
	for (const [group, members] of groups) {
		const text = helpOf([group, "--help"]);
		assert.equal(helpOf([group, "-h"]), text, group);
		assert.equal(helpOf(["help", group]), text, group);
		assert.equal(text, groupHelp(COMMANDS, group));
		const own = members.find((c) => c.name === group);
		if (own) assert.ok(text.startsWith(commandHelp(own)), `${group}: its own usage first`);
		else assert.match(text, new RegExp(`^usage: mamori ${group} <command>`), group);
		assert.deepEqual(listed(text), subCommands(group).map(entry), group);
	}
});

test("every group: an unknown sub-command prints the group's list on stderr, exit 2", () => {
	for (const [group, members] of groups) {
		if (subCommands(group).length === 0) {
			// A single command (serve, sanitize) takes the word as an argument and judges it itself.
			assert.deepEqual(resolve(COMMANDS, [group, "unknown"]), {
				kind: "run",
				command: members[0],
				rest: ["unknown"],
			});
			continue;
		}
		const text = usageErrorOf([group, "unknown"]);
		assert.equal(
			text,
			`mamori: "${group} unknown" is not a command\n\n${groupHelp(COMMANDS, group)}`,
		);
		assert.equal(usageErrorOf([group, "unknown", "--help"]), text, "help of nothing is an error");
		assert.equal(usageErrorOf(["help", group, "unknown"]), text);
		if (!members.some((c) => c.name === group)) {
			assert.equal(
				usageErrorOf([group]),
				`mamori: "${group}" needs a command\n\n${groupHelp(COMMANDS, group)}`,
			);
			assert.match(usageErrorOf([group, "--json"]), /^mamori: "\w+ --json" is not a command\n/);
		}
	}
});

test("every command: --help, -h and help COMMAND print its usage, exit 0", () => {
	for (const command of COMMANDS) {
		const text = helpOf([...words(command), "--help"]);
		assert.equal(helpOf([...words(command), "-h"]), text, command.name);
		assert.equal(helpOf(["help", ...words(command)]), text, command.name);
		assert.equal(helpOf([...words(command), "--json", "--help"]), text, "after other flags");
		assert.ok(text.startsWith(`${command.summary}\n\nusage: ${command.usage}`), command.name);
		assert.match(text, new RegExp(`^usage: mamori ${command.name}\\b`, "m"), command.name);
	}
});

test("words that name a command run it with the rest", () => {
	const cases: [string[], string, string[]][] = [
		[["tenant", "list", "--json"], "tenant list", ["--json"]],
		[
			["assets", "import", "ledger.xlsx", "--tenant", "x"],
			"assets import",
			["ledger.xlsx", "--tenant", "x"],
		],
		[["gateway"], "gateway", []],
		[["gateway", "--tenant", "x"], "gateway", ["--tenant", "x"]],
		[["gateway", "purge"], "gateway purge", []],
		[["sanitize", "in.eml", "-o", "out.eml"], "sanitize", ["in.eml", "-o", "out.eml"]],
	];
	for (const [argv, name, rest] of cases) {
		const resolution = resolve(COMMANDS, argv);
		assert.equal(resolution.kind, "run", argv.join(" "));
		if (resolution.kind !== "run") continue;
		assert.deepEqual([resolution.command.name, resolution.rest], [name, rest]);
	}
});

test("an unknown group is one line on stderr, exit 2, also after help", () => {
	const line = 'mamori: unknown command "frobnicate" (see mamori --help)';
	assert.equal(usageErrorOf(["frobnicate"]), line);
	assert.equal(usageErrorOf(["frobnicate", "--help"]), line);
	assert.equal(usageErrorOf(["help", "frobnicate"]), line);
});

test("commands appended to the table join their group in the help", () => {
	const stub = (name: string): Command => ({
		name,
		summary: `does ${name}`,
		usage: `mamori ${name}`,
		run: async () => 0,
	});
	const table = [...COMMANDS, stub("zeta run"), stub("audit stamp"), stub("zeta")];
	assert.deepEqual(
		groupsOf(table)
			.get("audit")
			?.map((c) => c.name),
		[...COMMANDS.filter((c) => c.name.startsWith("audit ")).map((c) => c.name), "audit stamp"],
	);
	assert.deepEqual(
		groupsOf(table)
			.get("zeta")
			?.map((c) => c.name),
		["zeta", "zeta run"],
		"a group's own command first, wherever it is in the table",
	);
	const names = listed(overview(table)).map(([name]) => name);
	const audits = names.filter((name) => name.startsWith("audit "));
	assert.equal(names.indexOf("audit stamp"), names.indexOf(audits.at(-2) ?? "") + 1);
	assert.deepEqual(listed(groupHelp(table, "zeta")), [["zeta run", "does zeta run"]]);
});
