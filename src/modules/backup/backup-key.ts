import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { KeySource } from "./backup-crypto.ts";
import { BackupRefused } from "./backup-manifest.ts";

/** Shortest passphrase accepted when a backup is written. */
export const MIN_PASSPHRASE_LENGTH = 12;

export interface KeyOptions {
	/** `--key-file FILE`, else `MAMORI_BACKUP_KEY_FILE`. */
	keyFile?: string | undefined;
	/** `--passphrase-file FILE` (its first line), else `MAMORI_BACKUP_PASSPHRASE`. */
	passphraseFile?: string | undefined;
}

function inside(dir: string, path: string): boolean {
	const rel = relative(resolve(dir), resolve(path));
	return rel === "" || (!rel.startsWith("..") && !rel.startsWith("/"));
}

/**
 * The key of a backup, from the options or the environment: a key file, or a passphrase. Never
 * one kept in the backup directory itself (`backupDir`), which would defeat the encryption.
 */
export function backupKeySource(
	options: KeyOptions,
	backupDir: string,
	env: NodeJS.ProcessEnv = process.env,
	purpose: "write" | "read" = "read",
): KeySource {
	const keyFile = options.keyFile ?? env.MAMORI_BACKUP_KEY_FILE;
	const passphraseFile = options.passphraseFile;
	if (keyFile && passphraseFile) {
		throw new BackupRefused("give a key file or a passphrase, not both");
	}
	const file = keyFile || passphraseFile;
	if (file && inside(backupDir, file)) {
		throw new BackupRefused(`the key must not be kept in the backup directory (${file})`);
	}
	if (keyFile) {
		let bytes: Buffer;
		try {
			bytes = readFileSync(keyFile);
		} catch {
			throw new BackupRefused(`cannot read the key file ${keyFile}`);
		}
		if (bytes.length < 32)
			throw new BackupRefused(`the key file ${keyFile} holds fewer than 32 bytes`);
		return { kind: "key-file", bytes };
	}
	let passphrase: string | undefined;
	if (passphraseFile) {
		try {
			passphrase = readFileSync(passphraseFile, "utf8").split(/\r?\n/)[0];
		} catch {
			throw new BackupRefused(`cannot read the passphrase file ${passphraseFile}`);
		}
	} else {
		passphrase = env.MAMORI_BACKUP_PASSPHRASE;
	}
	if (!passphrase) {
		throw new BackupRefused(
			"no backup key: set MAMORI_BACKUP_PASSPHRASE or MAMORI_BACKUP_KEY_FILE, or give --passphrase-file or --key-file",
		);
	}
	if (purpose === "write" && passphrase.length < MIN_PASSPHRASE_LENGTH) {
		throw new BackupRefused(
			`the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`,
		);
	}
	return { kind: "passphrase", passphrase };
}
