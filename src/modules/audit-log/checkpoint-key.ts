import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	type KeyObject,
	sign,
	verify,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The Ed25519 key that signs audit checkpoints, kept outside the database like `secret.key`:
 * `checkpoint.key` (PKCS #8 PEM, mode 0600) in the data directory, generated on first use.
 * Whoever can rewrite the database cannot forge a checkpoint without this file.
 */
export interface CheckpointKey {
	/** First 16 hex digits of the SHA-256 of the raw public key; named in every checkpoint. */
	keyId: string;
	privateKey: KeyObject;
	publicKey: KeyObject;
}

export const CHECKPOINT_KEY_FILE = "checkpoint.key";

/** The key id of an Ed25519 public key: a short fingerprint of its 32 raw bytes. */
export function keyIdOf(publicKey: KeyObject): string {
	const raw = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url");
	return createHash("sha256").update(raw).digest("hex").slice(0, 16);
}

/** The public key as PEM (SPKI), as written beside the checkpoints. */
export function publicKeyPem(key: CheckpointKey): string {
	return key.publicKey.export({ format: "pem", type: "spki" }).toString();
}

/**
 * Read `<dataDir>/checkpoint.key`, or create it (mode 0600) with a warning to back it up.
 *
 * @example
 * const key = loadCheckpointKey(config.dataDir); // key.keyId names it in each checkpoint
 */
export function loadCheckpointKey(
	dataDir: string,
	warn: (message: string) => void = console.warn,
): CheckpointKey {
	const path = join(dataDir, CHECKPOINT_KEY_FILE);
	let privateKey: KeyObject;
	if (existsSync(path)) {
		privateKey = createPrivateKey(readFileSync(path, "utf8"));
		if (privateKey.asymmetricKeyType !== "ed25519") {
			throw new Error(`${path} must hold an Ed25519 private key`);
		}
	} else {
		mkdirSync(dataDir, { recursive: true });
		privateKey = generateKeyPairSync("ed25519").privateKey;
		const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
		writeFileSync(path, pem, { mode: 0o600, flag: "wx" });
		warn(
			`generated ${path}, the key that signs audit checkpoints. Back it up with secret.key; ` +
				"keep it off the database server's backups that a database administrator can reach.",
		);
	}
	const publicKey = createPublicKey(privateKey);
	return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/** What a checkpoint says: the head of one tenant's chain at a moment, under one key. */
export interface CheckpointClaim {
	tenantId: string;
	tenant: string;
	seq: number;
	hash: string;
	at: string;
	keyId: string;
}

/** The bytes signed: a JSON array in a fixed order, prefixed with the format's name. */
export function canonicalClaim(claim: CheckpointClaim): Buffer {
	return Buffer.from(
		JSON.stringify([
			"mamori.audit-checkpoint.v1",
			claim.tenantId,
			claim.tenant,
			claim.seq,
			claim.hash,
			claim.at,
			claim.keyId,
		]),
	);
}

export function signClaim(key: CheckpointKey, claim: CheckpointClaim): string {
	return sign(null, canonicalClaim(claim), key.privateKey).toString("base64");
}

export function claimSignatureValid(
	publicKey: KeyObject,
	claim: CheckpointClaim,
	signature: string,
): boolean {
	try {
		return verify(null, canonicalClaim(claim), publicKey, Buffer.from(signature, "base64"));
	} catch {
		return false;
	}
}
