import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { loadSecretKey } from "../../../config.ts";

const MAGIC = Buffer.from("MSB1");
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for binary blobs at rest (quarantined originals), under the instance key that also
 * seals TOTP secrets. Layout: `MSB1 | iv (12) | tag (16) | ciphertext`. The secret box of
 * `modules/auth` seals strings; this is its binary sibling.
 *
 * @example
 * const box = new SealedBytes(key); box.open(box.seal(Buffer.from("x"))).toString() === "x";
 */
export class SealedBytes {
	readonly #key: Buffer;
	constructor(key: Buffer) {
		if (key.length !== 32) throw new Error("the quarantine key must be 32 bytes");
		this.#key = key;
	}

	seal(plaintext: Buffer): Buffer {
		const iv = randomBytes(IV_BYTES);
		const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
		const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
		return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
	}

	open(sealed: Uint8Array): Buffer {
		const bytes = Buffer.from(sealed);
		if (bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, 4).equals(MAGIC))
			throw new Error("sealed blob is malformed");
		const iv = bytes.subarray(4, 4 + IV_BYTES);
		const tag = bytes.subarray(4 + IV_BYTES, 4 + IV_BYTES + TAG_BYTES);
		const decipher = createDecipheriv("aes-256-gcm", this.#key, iv);
		decipher.setAuthTag(tag);
		return Buffer.concat([
			decipher.update(bytes.subarray(4 + IV_BYTES + TAG_BYTES)),
			decipher.final(),
		]);
	}
}

const boxes = new Map<string, SealedBytes>();

/** The box of the instance key (`MAMORI_SECRET_KEY` or the data directory's key file). */
export function quarantineBox(dataDir: string): SealedBytes {
	let box = boxes.get(dataDir);
	if (!box) {
		box = new SealedBytes(loadSecretKey(dataDir));
		boxes.set(dataDir, box);
	}
	return box;
}
