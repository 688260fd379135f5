import type { Command } from "./command.ts";

/**
 * What the words after `mamori` ask for: run a command with the rest of the words, or print a
 * text and exit with a code (0 for help that was asked for, 2 for wrong usage, on stderr).
 */
export type Resolution =
	| { kind: "run"; command: Command; rest: string[] }
	| { kind: "print"; to: "stdout" | "stderr"; text: string; code: 0 | 2 };

const HELP_FLAGS = ["--help", "-h"];

/** A command's group is the first word of its name: "assets import" → "assets". */
export function groupName(command: Command): string {
	return command.name.split(" ")[0] ?? command.name;
}

/**
 * The groups of the table in the order they first appear, each with its commands in table
 * order; a command of one word ("serve", "gateway") comes first in its group.
 */
export function groupsOf(commands: readonly Command[]): Map<string, Command[]> {
	const groups = new Map<string, Command[]>();
	for (const command of commands) {
		const group = groups.get(groupName(command)) ?? [];
		if (command.name === groupName(command)) group.unshift(command);
		else group.push(command);
		groups.set(groupName(command), group);
	}
	return groups;
}

function listing(commands: readonly Command[]): string[] {
	const width = Math.max(...commands.map((c) => c.name.length));
	return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}

/** The top-level help: every command with its summary, group by group. */
export function overview(commands: readonly Command[]): string {
	return [
		"mamori: information-security management for municipalities",
		"",
		"usage: mamori <command> [options]",
		"",
		...listing([...groupsOf(commands).values()].flat()),
		"",
		"mamori help GROUP lists a group's commands (mamori GROUP --help too);",
		"mamori help COMMAND... shows a command's usage (mamori COMMAND... --help too).",
	].join("\n");
}

/**
 * The help of a group: its commands, one line each. When the group's name is a command itself
 * (`gateway`), its own summary and usage come first.
 */
export function groupHelp(commands: readonly Command[], group: string): string {
	const members = groupsOf(commands).get(group) ?? [];
	const own = members.find((c) => c.name === group);
	const subCommands = members.filter((c) => c !== own);
	if (own && subCommands.length === 0) return commandHelp(own);
	const lines = own
		? [commandHelp(own), "", "commands:"]
		: [`usage: mamori ${group} <command> [options]`, ""];
	return [
		...lines,
		...listing(subCommands),
		"",
		`mamori help ${group} <command> (or mamori ${group} <command> --help) shows its usage.`,
	].join("\n");
}

/** The help of one command: its summary and usage. */
export function commandHelp(command: Command): string {
	return `${command.summary}\n\nusage: ${command.usage}`;
}

/**
 * Decide what `mamori ARGV...` does, without doing it: the command to run, or the help or usage
 * error to print. `help WORDS...` means the same as `WORDS... --help`.
 *
 * @example
 * resolve(COMMANDS, ["help", "tenant"]);
 * // { kind: "print", to: "stdout", code: 0, text: "usage: mamori tenant <command> …" }
 * resolve(COMMANDS, ["tenant", "list", "--json"]);
 * // { kind: "run", command: tenantListCommand, rest: ["--json"] }
 */
export function resolve(commands: readonly Command[], argv: string[]): Resolution {
	const [first, second] = argv;
	if (first === undefined) return usageError(overview(commands));
	if (HELP_FLAGS.includes(first)) return help(overview(commands));
	if (first === "help") {
		return argv.length === 1
			? help(overview(commands))
			: resolve(commands, [...argv.slice(1), "--help"]);
	}
	const group = groupsOf(commands).get(first);
	if (!group) return usageError(`mamori: unknown command "${first}" (see mamori --help)`);

	const sub = second === undefined ? undefined : group.find((c) => c.name === `${first} ${second}`);
	const own = group.find((c) => c.name === first);
	const hasSubCommands = group.some((c) => c !== own);
	const wantsHelp = argv.some((word) => HELP_FLAGS.includes(word));
	if (sub) {
		return wantsHelp ? help(commandHelp(sub)) : { kind: "run", command: sub, rest: argv.slice(2) };
	}
	// A word after a group is a sub-command's name, even when the group is a command itself.
	const strayWord = second !== undefined && !second.startsWith("-") && hasSubCommands;
	if (own && !strayWord) {
		return wantsHelp
			? help(groupHelp(commands, first))
			: { kind: "run", command: own, rest: argv.slice(1) };
	}
	if (second !== undefined && HELP_FLAGS.includes(second)) return help(groupHelp(commands, first));
	const problem =
		second === undefined
			? `mamori: "${first}" needs a command`
			: `mamori: "${first} ${second}" is not a command`;
	return usageError(`${problem}\n\n${groupHelp(commands, first)}`);
}

function help(text: string): Resolution {
	return { kind: "print", to: "stdout", text, code: 0 };
}

function usageError(text: string): Resolution {
	return { kind: "print", to: "stderr", text, code: 2 };
}
