import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MIGRATION_NAMES } from "../../db/migrate.ts";
import { DamagedError, hashFile, type KeySource, openFile } from "./backup-crypto.ts";
import {
	type BackupManifest,
	type BackupPart,
	BackupRefused,
	type FileRoot,
	readManifest,
} from "./backup-manifest.ts";

export interface OpenedBackup {
	dir: string;
	manifest: BackupManifest;
	/** Private temporary directory holding the decrypted parts; `close()` removes it. */
	staging: string;
	/** The decrypted database: a SQLite file, or a pg_dump archive. */
	database: string;
	files: { root: FileRoot; path: string; staged: string }[];
	close(): Promise<void>;
}

const SAFE_FILE = /^[a-z0-9][a-z0-9.-]*$/;

function safeRelative(path: string): boolean {
	return (
		path.length > 0 &&
		!path.startsWith("/") &&
		!path.includes("\\") &&
		path.split("/").every((s) => s !== "" && s !== "." && s !== "..")
	);
}

/**
 * The checks made before anything is decrypted or written: the manifest opens under the key,
 * was written by a schema this Mamori knows, and names parts that are all there with the size
 * and SHA-256 it records.
 */
export async function checkBackup(
	dir: string,
	key: KeySource,
): Promise<{ manifest: BackupManifest; keys: Awaited<ReturnType<typeof readManifest>>["keys"] }> {
	const { manifest, keys } = await readManifest(resolve(dir), key);
	const unknown = manifest.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
	if (unknown.length > 0) {
		throw new BackupRefused(
			`the backup's schema (${manifest.schemaVersion}) is newer than this Mamori's (${MIGRATION_NAMES.at(-1)}): ` +
				`it has ${unknown.join(", ")}; restore it with the Mamori version that made it or a newer one`,
		);
	}
	const databases = manifest.parts.filter((p) => p.kind === "database");
	if (databases.length !== 1)
		throw new BackupRefused("the manifest does not name exactly one database part");
	for (const part of manifest.parts) {
		if (!SAFE_FILE.test(part.file) || (part.kind === "file" && !safeRelative(part.path))) {
			throw new BackupRefused(`the manifest names an unsafe path (${part.file})`);
		}
		await checkPart(resolve(dir), part);
	}
	return { manifest, keys };
}

async function checkPart(dir: string, part: BackupPart): Promise<void> {
	const path = join(dir, part.file);
	if (!existsSync(path)) throw new BackupRefused(`part ${part.file} is missing`);
	const size = (await stat(path)).size;
	if (size !== part.size) {
		throw new BackupRefused(
			`part ${part.file} has ${size} bytes, the manifest says ${part.size}: ${size < part.size ? "truncated" : "damaged"}`,
		);
	}
	const actual = await hashFile(path);
	if (actual.sha256 !== part.sha256) {
		throw new BackupRefused(
			`part ${part.file} is damaged: its SHA-256 does not match the manifest`,
		);
	}
}

/**
 * Check the backup in `dir` and decrypt every part into a private temporary directory, checking
 * each chunk and each part's content hash; refuses (and leaves nothing behind) on any mismatch.
 */
export async function openBackup(dir: string, key: KeySource): Promise<OpenedBackup> {
	const { manifest, keys } = await checkBackup(dir, key);
	const staging = await mkdtemp(
		join(process.env.MAMORI_BACKUP_TMPDIR || tmpdir(), "mamori-restore-"),
	);
	const close = () => rm(staging, { recursive: true, force: true });
	try {
		let database = "";
		const files: OpenedBackup["files"] = [];
		await mkdir(join(staging, "files"), { mode: 0o700 });
		for (const part of manifest.parts) {
			const staged =
				part.kind === "database"
					? join(staging, part.format === "sqlite" ? "mamori.sqlite" : "database.dump")
					: join(staging, "files", part.file);
			try {
				await openFile(
					keys.data,
					part.file,
					join(resolve(dir), part.file),
					staged,
					part.plainSha256,
				);
			} catch (error) {
				if (error instanceof DamagedError) {
					throw new BackupRefused(`part ${part.file} is damaged: ${error.message}`);
				}
				throw error;
			}
			if (part.kind === "database") database = staged;
			else files.push({ root: part.root, path: part.path, staged });
		}
		return { dir: resolve(dir), manifest, staging, database, files, close };
	} catch (error) {
		await close();
		throw error;
	}
}
