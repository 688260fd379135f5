import { randomBytes } from "node:crypto";
import pg from "pg";
import type { KeySource } from "./backup-crypto.ts";
import { type BackupManifest, BackupRefused } from "./backup-manifest.ts";
import { runPgTool, toolConnection } from "./database-snapshot.ts";
import { openBackup } from "./open-backup.ts";
import { type RestoreReport, verifyRestored } from "./verify-restored.ts";

async function adminQuery(serverUrl: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}

/**
 * A restore drill: check and decrypt the backup in `dir`, restore its database into a temporary
 * place (the decrypted SQLite file itself; a new database on the PostgreSQL server of
 * `serverUrl` for a pg_dump), check it against the manifest as a restore would, and remove it.
 */
export async function verifyBackup(
	dir: string,
	key: KeySource,
	serverUrl: string | undefined,
): Promise<{ manifest: BackupManifest; report: RestoreReport }> {
	const opened = await openBackup(dir, key);
	try {
		const { manifest } = opened;
		if (manifest.engine === "sqlite") {
			const report = await verifyRestored(
				{ dataDir: opened.staging, databaseUrl: undefined },
				manifest,
			);
			return { manifest, report };
		}
		if (!serverUrl) {
			throw new BackupRefused(
				"checking a PostgreSQL backup restores it into a temporary database: set DATABASE_URL to the server",
			);
		}
		const name = `mamori_drill_${randomBytes(6).toString("hex")}`;
		await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
		try {
			const url = new URL(serverUrl);
			url.pathname = `/${name}`;
			const { dbname, env } = toolConnection(url.toString());
			await runPgTool(
				"pg_restore",
				[
					"--no-owner",
					"--no-privileges",
					"--exit-on-error",
					"--single-transaction",
					"--dbname",
					dbname,
					opened.database,
				],
				env,
			);
			const report = await verifyRestored(
				{ dataDir: opened.staging, databaseUrl: url.toString() },
				manifest,
			);
			return { manifest, report };
		} finally {
			await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	} finally {
		await opened.close();
	}
}
