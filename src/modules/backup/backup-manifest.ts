import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Engine } from "../../db/connection.ts";
import {
	assertKey,
	type BackupKeys,
	DamagedError,
	deriveKeys,
	type KdfRecord,
	type KeySource,
	keyCheck,
	openValue,
	type SealedFile,
	sealValue,
} from "./backup-crypto.ts";

export const MANIFEST_FILE = "manifest.json";
const FORMAT = "mamori-backup";
const FORMAT_VERSION = 1;
const MANIFEST_LABEL = "mamori-backup manifest v1";

/** Where a file part goes back to: the data directory, or a checkpoint directory outside it. */
export type FileRoot = "data" | "checkpoints";

export type BackupPart = SealedFile & {
	/** The encrypted file in the backup directory. */
	file: string;
} & (
		| { kind: "database"; format: "sqlite" | "pg_dump" }
		| { kind: "file"; root: FileRoot; path: string }
	);

export interface TenantHead {
	id: string;
	slug: string;
	/** The audit chain head in the snapshot: events and the hash of the last (0 and null: none). */
	seq: number;
	hash: string | null;
}

/** What a backup holds; encrypted inside `manifest.json`, the authority on every check. */
export interface BackupManifest {
	createdAt: string;
	engine: Engine;
	/** The newest migration applied in the snapshot, and all of them. */
	schemaVersion: string;
	migrations: string[];
	/** Whether the instance's secret key was the file `secret.key` (in the backup) or the environment. */
	secretKey: "file" | "environment";
	parts: BackupPart[];
	tenants: TenantHead[];
	/** Rows per table in the snapshot. */
	tables: Record<string, number>;
}

/** The file on disk: the KDF, the key check, and the sealed manifest; plus a readable summary. */
interface ManifestFile {
	format: typeof FORMAT;
	version: number;
	summary: {
		createdAt: string;
		engine: Engine;
		schemaVersion: string;
		parts: { file: string; size: number; sha256: string }[];
	};
	kdf: KdfRecord;
	keyCheck: string;
	nonce: string;
	sealed: string;
}

/** A backup that cannot be restored, with the reason for the operator; nothing was written. */
export class BackupRefused extends Error {}

export function renderManifest(manifest: BackupManifest, kdf: KdfRecord, keys: BackupKeys): string {
	const { nonce, sealed } = sealValue(
		keys.data,
		MANIFEST_LABEL,
		Buffer.from(JSON.stringify(manifest)),
	);
	const file: ManifestFile = {
		format: FORMAT,
		version: FORMAT_VERSION,
		summary: {
			createdAt: manifest.createdAt,
			engine: manifest.engine,
			schemaVersion: manifest.schemaVersion,
			parts: manifest.parts.map((p) => ({ file: p.file, size: p.size, sha256: p.sha256 })),
		},
		kdf,
		keyCheck: keyCheck(keys),
		nonce,
		sealed,
	};
	return `${JSON.stringify(file, null, "\t")}\n`;
}

/**
 * Read and open the manifest of the backup in `dir`: refuses a missing or unreadable one, a wrong
 * key (by the key check) and a manifest that does not authenticate.
 */
export async function readManifest(
	dir: string,
	source: KeySource,
): Promise<{ manifest: BackupManifest; keys: BackupKeys }> {
	let text: string;
	try {
		text = await readFile(join(dir, MANIFEST_FILE), "utf8");
	} catch {
		throw new BackupRefused(
			`${dir} holds no ${MANIFEST_FILE}: not a Mamori backup, or an unfinished one`,
		);
	}
	let file: ManifestFile;
	try {
		file = JSON.parse(text) as ManifestFile;
	} catch {
		throw new BackupRefused(`${MANIFEST_FILE} is damaged (not JSON)`);
	}
	if (file.format !== FORMAT || typeof file.kdf !== "object" || typeof file.sealed !== "string") {
		throw new BackupRefused(`${MANIFEST_FILE} is damaged or not a Mamori backup manifest`);
	}
	if (file.version > FORMAT_VERSION) {
		throw new BackupRefused(
			`the backup is in format ${file.version}; this Mamori reads format ${FORMAT_VERSION}: restore it with a newer Mamori`,
		);
	}
	let keys: BackupKeys;
	try {
		keys = await deriveKeys(source, file.kdf);
		assertKey(keys, file.keyCheck);
	} catch (error) {
		if (error instanceof DamagedError)
			throw new BackupRefused(`${MANIFEST_FILE} is damaged (${error.message})`);
		throw new BackupRefused(error instanceof Error ? error.message : String(error));
	}
	try {
		const plain = openValue(keys.data, MANIFEST_LABEL, file.nonce, file.sealed);
		return { manifest: JSON.parse(plain.toString("utf8")) as BackupManifest, keys };
	} catch {
		throw new BackupRefused(
			`${MANIFEST_FILE} is damaged: its sealed content does not authenticate`,
		);
	}
}
