import { loadConfig } from "../config.ts";
import { backupKeySource } from "../modules/backup/backup-key.ts";
import { recordBackupRun } from "../modules/backup/backup-runs.ts";
import { restoreBackup } from "../modules/backup/restore-backup.ts";
import { takeBackup } from "../modules/backup/take-backup.ts";
import { verifyBackup } from "../modules/backup/verify-backup.ts";
import type { RestoreReport } from "../modules/backup/verify-restored.ts";
import { type Command, parseFlags, required, UsageError } from "./command.ts";
import { withRuntime } from "./runtime-helpers.ts";

const KEY_FLAGS = {
	"key-file": { type: "string" },
	"passphrase-file": { type: "string" },
} as const;

const KEY_USAGE =
	"  key: --key-file FILE or MAMORI_BACKUP_KEY_FILE (32 bytes or more), or a passphrase:\n" +
	"       --passphrase-file FILE (its first line) or MAMORI_BACKUP_PASSPHRASE; never kept beside the backup";

function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function printReport(report: RestoreReport): void {
	for (const tenant of report.tenants) {
		console.log(
			tenant.intact
				? `${tenant.slug}: audit chain intact (${tenant.events} events, head as in the manifest)`
				: `${tenant.slug}: AUDIT CHAIN FAILS: ${tenant.reason}`,
		);
	}
	const width = Math.max(...report.tables.map((t) => t.table.length));
	for (const t of report.tables) {
		const mismatch =
			t.expected !== undefined && t.expected !== t.rows ? `  (backup had ${t.expected})` : "";
		console.log(`  ${t.table.padEnd(width)}  ${String(t.rows).padStart(9)}${mismatch}`);
	}
}

export const backupCommand: Command = {
	name: "backup",
	summary: "Back up the database and the data directory's state, encrypted, while the server runs",
	usage:
		"mamori backup --to DIR [--key-file FILE | --passphrase-file FILE] [--json]\n" +
		"  DIR: a new or empty directory; it receives manifest.json and the encrypted parts\n" +
		KEY_USAGE,
	async run(argv) {
		const { values } = parseFlags(argv, {
			to: { type: "string" },
			json: { type: "boolean" },
			...KEY_FLAGS,
		});
		const to = required(values.to, "--to");
		const key = backupKeySource(
			{ keyFile: values["key-file"], passphraseFile: values["passphrase-file"] },
			to,
			process.env,
			"write",
		);
		const started = performance.now();
		const result = await takeBackup({
			config: loadConfig(),
			to,
			key,
			secretKeyFromEnv: Boolean(process.env.MAMORI_SECRET_KEY),
		});
		const seconds = (performance.now() - started) / 1000;
		// For the administrator's Home: a backup taken by hand counts as much as a scheduled one.
		await withRuntime((rt) =>
			recordBackupRun(rt.db, {
				kind: "backup",
				startedAt: new Date(Date.now() - seconds * 1000),
				finishedAt: new Date(),
				ok: true,
				location: result.dir,
				bytes: result.bytes,
			}),
		);
		const { manifest } = result;
		if (values.json) {
			console.log(
				JSON.stringify({
					dir: result.dir,
					bytes: result.bytes,
					seconds,
					engine: manifest.engine,
					schemaVersion: manifest.schemaVersion,
					parts: manifest.parts.length,
					tenants: manifest.tenants,
				}),
			);
			return 0;
		}
		console.log(
			`backed up ${manifest.engine} (schema ${manifest.schemaVersion}) and ${manifest.parts.length - 1} files to ${result.dir}: ${mb(result.bytes)} in ${seconds.toFixed(1)} s`,
		);
		for (const tenant of manifest.tenants)
			console.log(`  ${tenant.slug}: audit head at event ${tenant.seq}`);
		if (manifest.secretKey === "environment") {
			console.log(
				"  note: the secret key comes from MAMORI_SECRET_KEY; keep it with the backup key, not in the backup",
			);
		}
		return 0;
	},
};

export const backupVerifyCommand: Command = {
	name: "backup verify",
	summary: "Check a backup: hashes, decryption, a restore into a temporary place, the audit chains",
	usage: `mamori backup verify DIR [--key-file FILE | --passphrase-file FILE] [--json]\n${KEY_USAGE}`,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{ json: { type: "boolean" }, ...KEY_FLAGS },
			true,
		);
		if (positionals.length !== 1) throw new UsageError("give the backup directory");
		const dir = positionals[0] as string;
		const key = backupKeySource(
			{ keyFile: values["key-file"], passphraseFile: values["passphrase-file"] },
			dir,
		);
		const { manifest, report } = await verifyBackup(dir, key, loadConfig().databaseUrl);
		if (values.json) console.log(JSON.stringify({ createdAt: manifest.createdAt, ...report }));
		else {
			console.log(
				`backup of ${manifest.createdAt} (${manifest.engine}, schema ${manifest.schemaVersion}):`,
			);
			printReport(report);
			console.log(report.ok ? "the backup restores and verifies" : "THE BACKUP DOES NOT VERIFY");
		}
		return report.ok ? 0 : 1;
	},
};

export const restoreCommand: Command = {
	name: "restore",
	summary: "Restore a backup into an empty data directory or database (--force to replace)",
	usage:
		"mamori restore --from DIR [--force] [--key-file FILE | --passphrase-file FILE] [--json]\n" +
		"  target: MAMORI_DATA_DIR, and the database of DATABASE_URL when set (a SQLite backup may\n" +
		"          go into PostgreSQL; a PostgreSQL backup only into PostgreSQL)\n" +
		KEY_USAGE,
	async run(argv) {
		const { values } = parseFlags(argv, {
			from: { type: "string" },
			force: { type: "boolean" },
			json: { type: "boolean" },
			...KEY_FLAGS,
		});
		const from = required(values.from, "--from");
		const key = backupKeySource(
			{ keyFile: values["key-file"], passphraseFile: values["passphrase-file"] },
			from,
		);
		const result = await restoreBackup({
			config: loadConfig(),
			from,
			key,
			force: values.force === true,
			onReplace: (what) => {
				if (!values.json) console.log(`replacing: ${what.join("; ")}`);
			},
		});
		const { manifest, report } = result;
		if (values.json) {
			console.log(
				JSON.stringify({
					createdAt: manifest.createdAt,
					replaced: result.replaced,
					...report,
				}),
			);
		} else {
			console.log(
				`restored the backup of ${manifest.createdAt} (${manifest.engine}, schema ${manifest.schemaVersion}):`,
			);
			printReport(report);
			if (manifest.secretKey === "environment") {
				console.log(
					"note: the backed-up instance took its secret key from MAMORI_SECRET_KEY; set the same one here",
				);
			}
			console.log(report.ok ? "restore verified" : "THE RESTORED DATA DOES NOT MATCH THE BACKUP");
		}
		return report.ok ? 0 : 1;
	},
};
