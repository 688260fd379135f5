import { Problem } from "../shared/problem.ts";
import { assetsExportCommand, assetsImportCommand, assetsTemplateCommand } from "./assets.ts";
import { auditCheckpointCommand, auditVerifyCommand } from "./audit.ts";
import type { Command } from "./command.ts";
import { UsageError } from "./command.ts";
import { dbMigrateCommand } from "./db-migrate.ts";
import { gatewayCommand, gatewayPurgeCommand, gatewayRetryReleasesCommand } from "./gateway.ts";
import { networkCheckCommand } from "./network.ts";
import { policyImportCommand } from "./policy-import.ts";
import { sanitizeCommand } from "./sanitize.ts";
import { serveCommand } from "./serve.ts";
import { tenantAddCommand, tenantListCommand } from "./tenant.ts";
import { userAddCommand, userResetMfaCommand } from "./user.ts";

const COMMANDS: Command[] = [
	serveCommand,
	dbMigrateCommand,
	tenantAddCommand,
	tenantListCommand,
	userAddCommand,
	userResetMfaCommand,
	auditVerifyCommand,
	auditCheckpointCommand,
	policyImportCommand,
	gatewayCommand,
	gatewayPurgeCommand,
	gatewayRetryReleasesCommand,
	assetsTemplateCommand,
	assetsImportCommand,
	assetsExportCommand,
	sanitizeCommand,
	networkCheckCommand,
];

function overview(): string {
	const width = Math.max(...COMMANDS.map((c) => c.name.length));
	return [
		"mamori: information-security management for municipalities",
		"",
		"usage: mamori <command> [options]   (mamori <command> --help for details)",
		"",
		...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
	].join("\n");
}

/** Find the command named by the leading words of argv, longest name first. */
function dispatch(argv: string[]): { command: Command; rest: string[] } | null {
	for (const words of [2, 1]) {
		const name = argv.slice(0, words).join(" ");
		const command = COMMANDS.find((c) => c.name === name);
		if (command) return { command, rest: argv.slice(words) };
	}
	return null;
}

/** Run the CLI; returns the exit code. Never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
	if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
		console.log(overview());
		return argv.length === 0 ? 2 : 0;
	}
	const found = dispatch(argv);
	if (!found) {
		const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `)).map((c) => c.name);
		console.error(
			group.length > 0
				? `mamori: "${argv.join(" ")}" is not a command; try: ${group.join(", ")}`
				: `mamori: unknown command "${argv[0]}" (see mamori --help)`,
		);
		return 2;
	}
	const { command, rest } = found;
	if (rest.includes("--help") || rest.includes("-h")) {
		console.log(`${command.summary}\n\nusage: ${command.usage}`);
		return 0;
	}
	try {
		return await command.run(rest);
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(
				`mamori ${command.name}: ${error.message} (usage: ${command.usage.split("\n")[0]})`,
			);
			return 2;
		}
		if (process.env.MAMORI_DEBUG) console.error(error);
		const message =
			error instanceof Problem || error instanceof Error ? error.message : String(error);
		console.error(`mamori ${command.name}: ${message}`);
		return 1;
	}
}

process.exitCode = await main(process.argv.slice(2));
