import { createHash } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { randomString } from "../../shared/random.ts";

const PERIOD = 30;

function totpFor(secretBase32: string, label = "", issuer = "Mamori"): TOTP {
	return new TOTP({
		issuer,
		label,
		algorithm: "SHA1",
		digits: 6,
		period: PERIOD,
		secret: Secret.fromBase32(secretBase32),
	});
}

/** A fresh 160-bit TOTP secret in base32, as authenticator apps expect. */
export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI and a QR code of it as SVG, both made here (nothing leaves the server). */
export async function totpEnrollment(secretBase32: string, label: string, issuer: string) {
	const uri = totpFor(secretBase32, label, issuer).toString();
	const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
	return { uri, qrSvg };
}

/**
 * Check a 6-digit code, allowing one step of clock drift. Returns the time step it matched, so
 * the caller can refuse a replay of the same or an older step; null when it does not match.
 */
export function matchTotp(secretBase32: string, code: string, now = Date.now()): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 });
	if (delta === null) return null;
	return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code, for tests and the CLI's self-check. */
export function currentTotp(secretBase32: string, now = Date.now()): string {
	return totpFor(secretBase32).generate({ timestamp: now });
}

/** Ten recovery codes like `k7qm-2xrp-9dvt`, and their SHA-256 hashes for storage. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
	const codes = Array.from({ length: 10 }, () => {
		const chars = randomString(alphabet, 12);
		return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
	});
	return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
	return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}
