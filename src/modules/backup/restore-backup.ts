import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import pg from "pg";
import { type Config, checkpointDirOf } from "../../config.ts";
import type { KeySource } from "./backup-crypto.ts";
import { type BackupManifest, BackupRefused } from "./backup-manifest.ts";
import { pgTables, runPgTool, toolConnection } from "./database-snapshot.ts";
import { openBackup } from "./open-backup.ts";
import { copySqliteIntoPostgres } from "./sqlite-to-postgres.ts";
import { type RestoreReport, verifyRestored } from "./verify-restored.ts";

export type RestoreConfig = Pick<Config, "dataDir" | "databaseUrl" | "checkpointDir">;

/** What a restore would replace in its target; empty when the target is empty. */
export async function occupiedTarget(
	config: RestoreConfig,
	manifest: BackupManifest,
): Promise<string[]> {
	const found: string[] = [];
	const dataDir = resolve(config.dataDir);
	if (config.databaseUrl) {
		const client = new pg.Client({ connectionString: config.databaseUrl });
		await client.connect();
		try {
			const tables = await pgTables(client);
			if (tables.length > 0) {
				let tenants = "";
				if (tables.includes("tenants")) {
					const { rows } = await client.query<{ n: number }>(
						"SELECT count(*)::int AS n FROM tenants",
					);
					tenants = `, ${rows[0]?.n ?? 0} tenants`;
				}
				found.push(`the PostgreSQL database (${tables.length} tables${tenants})`);
			}
		} finally {
			await client.end();
		}
	} else if (existsSync(join(dataDir, "mamori.sqlite"))) {
		found.push(join(dataDir, "mamori.sqlite"));
	}
	for (const part of manifest.parts) {
		if (part.kind !== "file") continue;
		const target = fileTarget(config, part.root, part.path);
		if (existsSync(target)) found.push(target);
	}
	return found;
}

function fileTarget(config: RestoreConfig, root: "data" | "checkpoints", path: string): string {
	const base = root === "data" ? resolve(config.dataDir) : resolve(checkpointDirOf(config));
	return join(base, ...path.split("/"));
}

export interface RestoreResult {
	manifest: BackupManifest;
	/** What was replaced (restores with `force` only). */
	replaced: string[];
	report: RestoreReport;
}

/**
 * Restore the backup in `from` into the instance of `config`: the manifest, every part's hash
 * and every chunk are checked, and the target must be empty (or `force` given), before anything
 * is written; then the database goes back by its engine's own means (the SQLite file; pg_restore;
 * a row copy from a SQLite backup into PostgreSQL), the state files after it, and the result is
 * checked against the manifest: every audit chain up to its recorded head, every table's rows.
 */
export async function restoreBackup(options: {
	config: RestoreConfig;
	from: string;
	key: KeySource;
	force?: boolean;
	/** Told, before anything is written, what a forced restore is about to replace. */
	onReplace?: (what: string[]) => void;
}): Promise<RestoreResult> {
	const { config } = options;
	const opened = await openBackup(options.from, options.key);
	try {
		const { manifest } = opened;
		const targetEngine = config.databaseUrl ? "postgres" : "sqlite";
		if (manifest.engine === "postgres" && targetEngine === "sqlite") {
			throw new BackupRefused(
				"this is a PostgreSQL backup: restore it into PostgreSQL (set DATABASE_URL to an empty database)",
			);
		}
		const replaced = await occupiedTarget(config, manifest);
		if (replaced.length > 0 && !options.force) {
			throw new BackupRefused(
				`the target is not empty; --force would replace: ${replaced.join("; ")}`,
			);
		}
		if (replaced.length > 0) options.onReplace?.(replaced);
		const dataDir = resolve(config.dataDir);
		await mkdir(dataDir, { recursive: true, mode: 0o700 });
		if (!config.databaseUrl) {
			for (const suffix of ["", "-wal", "-shm", "-journal"]) {
				await rm(join(dataDir, `mamori.sqlite${suffix}`), { force: true });
			}
			const pending = join(dataDir, "mamori.sqlite.restoring");
			await copyFile(opened.database, pending);
			await rename(pending, join(dataDir, "mamori.sqlite"));
		} else {
			if (replaced.some((r) => r.startsWith("the PostgreSQL database")))
				await emptyPostgres(config.databaseUrl);
			if (manifest.engine === "postgres") {
				const { dbname, env } = toolConnection(config.databaseUrl);
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
			} else {
				await copySqliteIntoPostgres(opened.database, config.databaseUrl, manifest.schemaVersion);
			}
		}
		for (const file of opened.files) {
			const target = fileTarget(config, file.root, file.path);
			await mkdir(dirname(target), { recursive: true, mode: 0o700 });
			await copyFile(file.staged, target);
		}
		const report = await verifyRestored({ dataDir, databaseUrl: config.databaseUrl }, manifest);
		return { manifest, replaced, report };
	} finally {
		await opened.close();
	}
}

async function emptyPostgres(url: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ schema: string }>("SELECT current_schema() AS schema");
		const schema = `"${String(rows[0]?.schema ?? "public").replaceAll('"', '""')}"`;
		await client.query(`DROP SCHEMA ${schema} CASCADE`);
		await client.query(`CREATE SCHEMA ${schema}`);
	} finally {
		await client.end();
	}
}

/** Whether a directory holds nothing at all (or does not exist). */
export async function isEmptyDir(dir: string): Promise<boolean> {
	return !existsSync(dir) || (await readdir(dir)).length === 0;
}
