import { argon2, randomBytes, timingSafeEqual } from "node:crypto";
import { randomString } from "../../shared/random.ts";

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
interface Argon2Params {
	memory: number;
	passes: number;
	parallelism: number;
	tagLength: number;
}
const PARAMS: Argon2Params = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 };

function derive(password: string, nonce: Buffer, params: Argon2Params): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		argon2("argon2id", { message: password, nonce, ...params }, (error, key) =>
			error ? reject(error) : resolve(key),
		);
	});
}

/** Hash a password into a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, PARAMS);
	const { memory: m, passes: t, parallelism: p } = PARAMS;
	return `$argon2id$v=19$m=${m},t=${t},p=${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/;

/** Check a password against a stored PHC string, in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const match = PHC.exec(stored);
	if (!match) return false;
	const [, m, t, p, salt, hash] = match as unknown as [
		string,
		string,
		string,
		string,
		string,
		string,
	];
	const expected = Buffer.from(hash, "base64url");
	const key = await derive(password, Buffer.from(salt, "base64url"), {
		memory: Number(m),
		passes: Number(t),
		parallelism: Number(p),
		tagLength: expected.length,
	});
	return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword(randomBytes(24).toString("base64url"));
	return decoyHash;
}

/** A one-time password for a new or reset account: 16 characters, easy to read aloud. */
export function oneTimePassword(): string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
	return randomString(alphabet, 16);
}
