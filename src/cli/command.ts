import { type ParseArgsConfig, parseArgs } from "node:util";

/** Wrong usage: printed as one line with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

export interface Command {
	/** Words after `mamori`, e.g. "tenant add". */
	name: string;
	summary: string;
	usage: string;
	run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parse a command's flags strictly; unknown flags and stray words are usage errors.
 *
 * @example
 * const { values } = parseFlags(argv, { tenant: { type: "string" } });
 */
export function parseFlags<O extends Options>(
	argv: string[],
	options: O,
	allowPositionals = false,
) {
	try {
		return parseArgs({ args: argv, options, strict: true, allowPositionals });
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message.split("\n")[0] : String(error));
	}
}

export function required(value: string | undefined, flag: string): string {
	if (value === undefined || value === "") throw new UsageError(`${flag} is required`);
	return value;
}
