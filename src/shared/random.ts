import { randomBytes } from "node:crypto";

/**
 * `length` characters drawn uniformly from `alphabet` (rejection sampling, so no character is
 * likelier than another, whatever the alphabet's size).
 *
 * @example
 * randomString("0123456789", 6) // "402917"
 */
export function randomString(alphabet: string, length: number): string {
	if (alphabet.length < 2 || alphabet.length > 256)
		throw new Error("alphabet must have 2 to 256 characters");
	const limit = 256 - (256 % alphabet.length);
	let out = "";
	while (out.length < length) {
		for (const byte of randomBytes(length * 2)) {
			if (byte >= limit) continue;
			out += alphabet[byte % alphabet.length];
			if (out.length === length) break;
		}
	}
	return out;
}
