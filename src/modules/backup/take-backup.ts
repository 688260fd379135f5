import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { type Config, checkpointDirOf } from "../../config.ts";
import { deriveKeys, type KeySource, newKdf, sealFile } from "./backup-crypto.ts";
import {
	type BackupManifest,
	type BackupPart,
	BackupRefused,
	type FileRoot,
	MANIFEST_FILE,
	renderManifest,
} from "./backup-manifest.ts";
import { type SnapshotFacts, snapshotPostgres, snapshotSqlite } from "./database-snapshot.ts";

export type BackupConfig = Pick<Config, "dataDir" | "databaseUrl" | "checkpointDir">;

/** The SQLite database and its companions: copied through the online backup, never as files. */
const DATABASE_FILES = new Set([
	"mamori.sqlite",
	"mamori.sqlite-wal",
	"mamori.sqlite-shm",
	"mamori.sqlite-journal",
]);

function isInside(dir: string, path: string): boolean {
	const rel = relative(dir, path);
	return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep));
}

/**
 * Every regular file of the instance's state besides the database: under the data directory
 * (secret.key, checkpoint.key, the checkpoints…) and under a checkpoint directory kept elsewhere.
 * Backups found there (a directory with a manifest) and the directories in `exclude` are left out.
 */
export async function stateFiles(
	config: BackupConfig,
	exclude: string[],
): Promise<{ root: FileRoot; path: string; absolute: string }[]> {
	const found: { root: FileRoot; path: string; absolute: string }[] = [];
	const skip = exclude.map((d) => resolve(d));
	async function walk(root: FileRoot, base: string, dir: string): Promise<void> {
		if (skip.some((d) => isInside(d, dir))) return;
		let entries: import("node:fs").Dirent[];
		try {
			entries = await readdir(dir, { withFileTypes: true });
		} catch {
			return;
		}
		if (dir !== base && entries.some((e) => e.name === MANIFEST_FILE)) return;
		for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
			const absolute = join(dir, entry.name);
			if (entry.isDirectory()) await walk(root, base, absolute);
			else if (entry.isFile()) {
				if (dir === base && root === "data" && DATABASE_FILES.has(entry.name)) continue;
				if (skip.some((d) => isInside(d, absolute))) continue;
				found.push({ root, path: relative(base, absolute).split(sep).join("/"), absolute });
			}
		}
	}
	const dataDir = resolve(config.dataDir);
	await walk("data", dataDir, dataDir);
	const checkpoints = resolve(checkpointDirOf(config));
	if (!isInside(dataDir, checkpoints)) await walk("checkpoints", checkpoints, checkpoints);
	return found;
}

export interface BackupResult {
	dir: string;
	manifest: BackupManifest;
	/** Bytes written to the backup directory. */
	bytes: number;
}

/**
 * Back up the instance of `config` into `to` (new or empty), consistent while the server runs:
 * the database through its engine's own online copy (SQLite's backup API; pg_dump in an exported
 * snapshot), then every state file, each encrypted under the key from `key`, then the manifest,
 * written last so that a directory without one is an unfinished backup. Plain copies live only
 * in a private temporary directory that is removed whatever happens.
 *
 * @example
 * await takeBackup({ config, to: "/mnt/backup/2026-12-06", key: { kind: "passphrase", passphrase } });
 */
export async function takeBackup(options: {
	config: BackupConfig;
	to: string;
	key: KeySource;
	/** True when the instance's secret key comes from MAMORI_SECRET_KEY, not `secret.key`. */
	secretKeyFromEnv?: boolean;
	/** Directories under the data directory that are not state (the scheduled backups' root). */
	exclude?: string[];
	now?: Date;
}): Promise<BackupResult> {
	const to = resolve(options.to);
	const dataDir = resolve(options.config.dataDir);
	if (existsSync(to) && (await readdir(to)).length > 0) {
		throw new BackupRefused(`${to} is not empty: back up into a new or empty directory`);
	}
	const createdDir = !existsSync(to);
	await mkdir(to, { recursive: true, mode: 0o700 });
	const staging = await mkdtemp(
		join(process.env.MAMORI_BACKUP_TMPDIR || tmpdir(), "mamori-backup-"),
	);
	try {
		const kdf = newKdf(options.key);
		const keys = await deriveKeys(options.key, kdf);
		const createdAt = (options.now ?? new Date()).toISOString();
		const engine = options.config.databaseUrl ? "postgres" : "sqlite";
		const dbCopy = join(staging, "database");
		let facts: SnapshotFacts;
		if (options.config.databaseUrl) {
			facts = await snapshotPostgres(options.config.databaseUrl, dbCopy);
		} else {
			const live = join(dataDir, "mamori.sqlite");
			if (!existsSync(live)) throw new BackupRefused(`no database at ${live}`);
			facts = await snapshotSqlite(live, dbCopy);
		}
		const parts: BackupPart[] = [];
		const databaseFile = "database.enc";
		parts.push({
			kind: "database",
			format: engine === "postgres" ? "pg_dump" : "sqlite",
			file: databaseFile,
			...(await sealFile(keys.data, databaseFile, dbCopy, join(to, databaseFile))),
		});
		await rm(dbCopy, { force: true });
		const files = await stateFiles(options.config, [to, ...(options.exclude ?? [])]);
		for (const [index, found] of files.entries()) {
			const file = `file-${String(index + 1).padStart(4, "0")}.enc`;
			parts.push({
				kind: "file",
				root: found.root,
				path: found.path,
				file,
				...(await sealFile(keys.data, file, found.absolute, join(to, file))),
			});
		}
		const hasSecretFile = files.some((f) => f.root === "data" && f.path === "secret.key");
		const manifest: BackupManifest = {
			createdAt,
			engine,
			schemaVersion: facts.migrations.at(-1) ?? "",
			migrations: facts.migrations,
			secretKey: options.secretKeyFromEnv || !hasSecretFile ? "environment" : "file",
			parts,
			tenants: facts.tenants,
			tables: facts.tables,
		};
		const pending = join(to, `${MANIFEST_FILE}.partial`);
		await writeFile(pending, renderManifest(manifest, kdf, keys), { mode: 0o600 });
		await rename(pending, join(to, MANIFEST_FILE));
		const bytes = parts.reduce((sum, p) => sum + p.size, 0);
		return { dir: to, manifest, bytes };
	} catch (error) {
		if (createdDir) await rm(to, { recursive: true, force: true });
		else {
			for (const entry of await readdir(to))
				await rm(join(to, entry), { recursive: true, force: true });
		}
		throw error;
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}
