import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (TOTP seeds). Output: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 *
 * @example
 * const box = new SecretBox(key); box.open(box.seal("JBSWY3DP")) === "JBSWY3DP";
 */
export class SecretBox {
	readonly #key: Buffer;
	constructor(key: Buffer) {
		if (key.length !== 32) throw new Error("MAMORI_SECRET_KEY must decode to 32 bytes");
		this.#key = key;
	}

	/** A copy of the key for a worker thread of this process (an import), which opens its own box. */
	keyForWorkerThread(): Buffer {
		return Buffer.from(this.#key);
	}

	seal(plaintext: string): string {
		const iv = randomBytes(12);
		const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
		const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
		return ["v1", iv, cipher.getAuthTag(), body]
			.map((p) => (typeof p === "string" ? p : p.toString("base64url")))
			.join(".");
	}

	open(sealed: string): string {
		const [version, iv, tag, body] = sealed.split(".");
		if (version !== "v1" || !iv || !tag || body === undefined)
			throw new Error("sealed secret is malformed");
		const decipher = createDecipheriv("aes-256-gcm", this.#key, Buffer.from(iv, "base64url"));
		decipher.setAuthTag(Buffer.from(tag, "base64url"));
		return Buffer.concat([
			decipher.update(Buffer.from(body, "base64url")),
			decipher.final(),
		]).toString("utf8");
	}
}
