import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../../bin/mamori.js");

/** A fixed key per test process, so the CLI and the test read the same TOTP secrets. */
export const CLI_SECRET_KEY = randomBytes(32);

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
	/** stderr split into its non-empty lines. */
	errorLines: string[];
}

type Place = { dataDir: string; databaseUrl: string | undefined };

/** The command's environment: only what it needs, the place's database, and `extraEnv`. */
function cliEnv(place: Place, extraEnv: Record<string, string | undefined>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		USER: "cli-test",
		MAMORI_DATA_DIR: place.dataDir,
		MAMORI_SECRET_KEY: CLI_SECRET_KEY.toString("base64"),
	};
	if (place.databaseUrl) env.DATABASE_URL = place.databaseUrl;
	for (const [name, value] of Object.entries(extraEnv)) {
		if (value === undefined) delete env[name];
		else env[name] = value;
	}
	return env;
}

/**
 * Start a long-running `mamori` command (the gateway) as `runCli` would run a short one; the
 * caller stops it.
 */
export function spawnCli(
	args: string[],
	place: Place,
	extraEnv: Record<string, string | undefined> = {},
): ChildProcess {
	return spawn(process.execPath, [BIN, ...args], {
		env: cliEnv(place, extraEnv),
		stdio: ["ignore", "pipe", "pipe"],
	});
}

/**
 * Run the real `mamori` command in a child process with the running Node, against the database
 * of `place` (its data directory, and its PostgreSQL URL when it has one).
 *
 * @example
 * const { code, stdout } = await runCli(["tenant", "list", "--json"], runtime);
 */
export function runCli(
	args: string[],
	place: Place,
	/** More environment for the command; `undefined` removes a variable. */
	extraEnv: Record<string, string | undefined> = {},
): Promise<CliResult> {
	const env = cliEnv(place, extraEnv);
	return new Promise((resolvePromise, reject) => {
		execFile(
			process.execPath,
			[BIN, ...args],
			{ env, timeout: 60_000 },
			(error, stdout, stderr) => {
				const code = error ? error.code : 0;
				if (typeof code !== "number") {
					reject(error ?? new Error("the CLI did not exit with a code"));
					return;
				}
				const errorLines = stderr.split("\n").filter((line) => line.trim() !== "");
				resolvePromise({ code, stdout, stderr, errorLines });
			},
		);
	});
}
