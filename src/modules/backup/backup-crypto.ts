import {
	createCipheriv,
	createDecipheriv,
	createHash,
	createHmac,
	hkdfSync,
	randomBytes,
	scrypt,
	timingSafeEqual,
} from "node:crypto";
import { open } from "node:fs/promises";

/**
 * The encryption of a backup: AES-256-GCM from node:crypto, over chunks of at most `CHUNK_BYTES`.
 * Each chunk has its own random nonce and authenticates, besides its bytes, the part's name, its
 * index and whether it is the last one; so a reordered, swapped, cut-off or extended part fails
 * to open. The key comes from a passphrase through scrypt, or from a key file through HKDF, with
 * a salt of the backup; a key check (an HMAC under a sibling key) tells a wrong key from damage.
 */

export const CHUNK_BYTES = 1024 * 1024;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 128 * SCRYPT.N * SCRYPT.r * 2;

export type KeySource =
	| { kind: "passphrase"; passphrase: string }
	| { kind: "key-file"; bytes: Buffer };

export type KdfRecord =
	| { kind: "scrypt"; salt: string; N: number; r: number; p: number }
	| { kind: "key-file"; salt: string };

export interface BackupKeys {
	/** Encrypts the manifest and the parts. */
	data: Buffer;
	/** Proves the key without decrypting anything. */
	check: Buffer;
}

/** A wrong passphrase or key file: the key check of the backup does not match. */
export class WrongKeyError extends Error {}

/** Bytes that do not authenticate under the right key: damaged, truncated or altered. */
export class DamagedError extends Error {}

function scryptAsync(passphrase: string, salt: Buffer, params: typeof SCRYPT): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(
			passphrase.normalize("NFC"),
			salt,
			32,
			{ ...params, maxmem: SCRYPT_MAXMEM },
			(error, key) => (error ? reject(error) : resolve(key)),
		),
	);
}

function expand(master: Buffer, salt: Buffer, info: string): Buffer {
	return Buffer.from(hkdfSync("sha256", master, salt, info, 32));
}

/** A new KDF record (fresh salt) for a backup about to be written. */
export function newKdf(source: KeySource): KdfRecord {
	const salt = randomBytes(16).toString("hex");
	return source.kind === "passphrase"
		? { kind: "scrypt", salt, ...SCRYPT }
		: { kind: "key-file", salt };
}

/** Derive the keys of a backup from its KDF record and the key the operator gave. */
export async function deriveKeys(source: KeySource, kdf: KdfRecord): Promise<BackupKeys> {
	const salt = Buffer.from(kdf.salt, "hex");
	let master: Buffer;
	if (kdf.kind === "scrypt") {
		if (source.kind !== "passphrase") {
			throw new WrongKeyError("this backup was encrypted with a passphrase, not a key file");
		}
		if (kdf.N > 2 ** 20 || kdf.r > 32 || kdf.p > 16)
			throw new DamagedError("unreasonable scrypt parameters");
		master = await scryptAsync(source.passphrase, salt, {
			N: kdf.N,
			r: kdf.r,
			p: kdf.p,
		} as typeof SCRYPT);
	} else {
		if (source.kind !== "key-file") {
			throw new WrongKeyError("this backup was encrypted with a key file, not a passphrase");
		}
		master = expand(source.bytes, salt, "mamori-backup key file");
	}
	return {
		data: expand(master, salt, "mamori-backup data"),
		check: expand(master, salt, "mamori-backup check"),
	};
}

export function keyCheck(keys: BackupKeys): string {
	return createHmac("sha256", keys.check).update("mamori-backup key check").digest("hex");
}

export function assertKey(keys: BackupKeys, expected: string): void {
	const actual = Buffer.from(keyCheck(keys), "hex");
	const wanted = Buffer.from(expected, "hex");
	if (actual.length !== wanted.length || !timingSafeEqual(actual, wanted)) {
		throw new WrongKeyError("wrong passphrase or key file for this backup");
	}
}

/** Seal a small value (the manifest) in one piece. */
export function sealValue(
	key: Buffer,
	label: string,
	plain: Buffer,
): { nonce: string; sealed: string } {
	const nonce = randomBytes(NONCE_BYTES);
	const cipher = createCipheriv("aes-256-gcm", key, nonce);
	cipher.setAAD(Buffer.from(label));
	const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
	return { nonce: nonce.toString("base64"), sealed: body.toString("base64") };
}

export function openValue(key: Buffer, label: string, nonce: string, sealed: string): Buffer {
	const body = Buffer.from(sealed, "base64");
	if (body.length < TAG_BYTES) throw new DamagedError("too short");
	try {
		const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
		decipher.setAAD(Buffer.from(label));
		decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
		return Buffer.concat([
			decipher.update(body.subarray(0, body.length - TAG_BYTES)),
			decipher.final(),
		]);
	} catch {
		throw new DamagedError("does not authenticate");
	}
}

function chunkAad(part: string, index: number, final: boolean): Buffer {
	const tail = Buffer.alloc(9);
	tail.writeBigUInt64BE(BigInt(index), 0);
	tail.writeUInt8(final ? 1 : 0, 8);
	return Buffer.concat([Buffer.from(part), Buffer.from([0]), tail]);
}

export interface SealedFile {
	/** Bytes and SHA-256 of the encrypted file, checked before anything is decrypted. */
	size: number;
	sha256: string;
	/** Bytes and SHA-256 of the content, checked after decryption. */
	plainSize: number;
	plainSha256: string;
}

/** Encrypt the file at `from` into `to`, chunk by chunk, as part `part` of a backup. */
export async function sealFile(
	key: Buffer,
	part: string,
	from: string,
	to: string,
): Promise<SealedFile> {
	const input = await open(from, "r");
	const output = await open(to, "wx", 0o600);
	const plainHash = createHash("sha256");
	const sealedHash = createHash("sha256");
	let size = 0;
	try {
		const total = (await input.stat()).size;
		const buffer = Buffer.alloc(CHUNK_BYTES);
		let position = 0;
		for (let index = 0; ; index++) {
			const want = Math.min(CHUNK_BYTES, total - position);
			const { bytesRead } = await input.read(buffer, 0, want, position);
			if (bytesRead !== want) throw new Error(`${from} changed while it was being backed up`);
			position += bytesRead;
			const final = position >= total;
			const plain = buffer.subarray(0, bytesRead);
			plainHash.update(plain);
			const nonce = randomBytes(NONCE_BYTES);
			const cipher = createCipheriv("aes-256-gcm", key, nonce);
			cipher.setAAD(chunkAad(part, index, final));
			const length = Buffer.alloc(LENGTH_BYTES);
			length.writeUInt32BE(bytesRead, 0);
			const chunk = Buffer.concat([
				length,
				nonce,
				cipher.update(plain),
				cipher.final(),
				cipher.getAuthTag(),
			]);
			sealedHash.update(chunk);
			await output.write(chunk);
			size += chunk.length;
			if (final) break;
		}
		await output.sync();
		return {
			size,
			sha256: sealedHash.digest("hex"),
			plainSize: position,
			plainSha256: plainHash.digest("hex"),
		};
	} finally {
		await input.close();
		await output.close();
	}
}

/** SHA-256 and size of a file as it lies on disk. */
export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
	const handle = await open(path, "r");
	const hash = createHash("sha256");
	let size = 0;
	try {
		const buffer = Buffer.alloc(CHUNK_BYTES);
		for (;;) {
			const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
			if (bytesRead === 0) break;
			hash.update(buffer.subarray(0, bytesRead));
			size += bytesRead;
		}
	} finally {
		await handle.close();
	}
	return { size, sha256: hash.digest("hex") };
}

/**
 * Decrypt part `part` from `from` into `to`; throws `DamagedError` when a chunk does not
 * authenticate, the file ends early, or the content does not hash to `expectedSha256`.
 */
export async function openFile(
	key: Buffer,
	part: string,
	from: string,
	to: string,
	expectedSha256: string,
): Promise<number> {
	const input = await open(from, "r");
	const output = await open(to, "wx", 0o600);
	const plainHash = createHash("sha256");
	let written = 0;
	try {
		const total = (await input.stat()).size;
		let position = 0;
		const head = Buffer.alloc(LENGTH_BYTES + NONCE_BYTES);
		for (let index = 0; ; index++) {
			if (position + head.length > total)
				throw new DamagedError("it ends in the middle of a chunk");
			await input.read(head, 0, head.length, position);
			const length = head.readUInt32BE(0);
			if (length > CHUNK_BYTES) throw new DamagedError("a chunk has an impossible length");
			const bodyLength = length + TAG_BYTES;
			const start = position + head.length;
			if (start + bodyLength > total) throw new DamagedError("it ends in the middle of a chunk");
			const body = Buffer.alloc(bodyLength);
			await input.read(body, 0, bodyLength, start);
			position = start + bodyLength;
			const final = position === total;
			let plain: Buffer;
			try {
				const decipher = createDecipheriv("aes-256-gcm", key, head.subarray(LENGTH_BYTES));
				decipher.setAAD(chunkAad(part, index, final));
				decipher.setAuthTag(body.subarray(length));
				plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
			} catch {
				throw new DamagedError(`chunk ${index} does not authenticate`);
			}
			plainHash.update(plain);
			await output.write(plain);
			written += plain.length;
			if (final) break;
		}
		if (plainHash.digest("hex") !== expectedSha256) {
			throw new DamagedError("its content does not match the manifest's SHA-256");
		}
		await output.sync();
		return written;
	} finally {
		await input.close();
		await output.close();
	}
}
