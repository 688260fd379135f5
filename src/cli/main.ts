import { classifyDatabaseFault } from "../db/errors.ts";
import { Problem } from "../shared/problem.ts";
import { assetsExportCommand, assetsImportCommand, assetsTemplateCommand } from "./assets.ts";
import { auditCheckpointCommand, auditVerifyCommand } from "./audit.ts";
import { backupCommand, backupVerifyCommand, restoreCommand } from "./backup.ts";
import type { Command } from "./command.ts";
import { UsageError } from "./command.ts";
import { dbMigrateCommand } from "./db-migrate.ts";
import { directorySyncCommand, directoryTestCommand } from "./directory.ts";
import { gatewayCommand, gatewayPurgeCommand, gatewayRetryReleasesCommand } from "./gateway.ts";
import { resolve } from "./help.ts";
import { incidentAssessCommand } from "./incident.ts";
import { incidentReportCommand } from "./incident-report.ts";
import { jobsListCommand, jobsRunDueCommand } from "./jobs.ts";
import { networkCheckCommand } from "./network.ts";
import { policyImportCommand } from "./policy-import.ts";
import { sanitizeCommand } from "./sanitize.ts";
import { serveCommand } from "./serve.ts";
import { tenantAddCommand, tenantListCommand } from "./tenant.ts";
import { userAddCommand, userResetMfaCommand } from "./user.ts";

export const COMMANDS: Command[] = [
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
	jobsRunDueCommand,
	jobsListCommand,
	incidentAssessCommand,
	incidentReportCommand,
	backupCommand,
	backupVerifyCommand,
	restoreCommand,
	directoryTestCommand,
	directorySyncCommand,
];

/** sysexits' EX_TEMPFAIL: a timer or script may run the command again later. */
export const EXIT_TEMPORARY_FAILURE = 75;

const FAULT_TEXT = {
	database_unavailable: "the database is unreachable",
	database_busy:
		"the database stayed locked by other work (is another import or the server writing?)",
	storage_full: "the database's storage is full",
} as const;

/**
 * Run the CLI on the words after `mamori`; returns the exit code. Never lets a stack trace reach
 * the user.
 */
export async function main(argv: string[]): Promise<number> {
	const resolution = resolve(COMMANDS, argv);
	if (resolution.kind === "print") {
		if (resolution.to === "stdout") console.log(resolution.text);
		else console.error(resolution.text);
		return resolution.code;
	}
	const { command, rest } = resolution;
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
		const fault = classifyDatabaseFault(error);
		if (fault) {
			console.error(
				`mamori ${command.name}: ${FAULT_TEXT[fault.kind]}; nothing was saved (${fault.cause})`,
			);
			return EXIT_TEMPORARY_FAILURE;
		}
		const message =
			error instanceof Problem || error instanceof Error ? error.message : String(error);
		console.error(`mamori ${command.name}: ${message}`);
		return 1;
	}
}
