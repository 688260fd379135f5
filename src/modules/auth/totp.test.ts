import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import {
	currentTotp,
	hashRecoveryCode,
	matchTotp,
	newRecoveryCodes,
	newTotpSecret,
	totpEnrollment,
} from "./totp.ts";

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32. */
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: [number, string][] = [
	[59, "287082"],
	[1111111109, "081804"],
	[1111111111, "050471"],
	[1234567890, "005924"],
	[2000000000, "279037"],
	[20000000000, "353130"],
];

test("codes follow RFC 6238 (SHA-1, 30-second steps, last six digits)", () => {
	for (const [seconds, code] of RFC_VECTORS) {
		assert.equal(currentTotp(RFC_SECRET, seconds * 1000), code, `T=${seconds}`);
		assert.equal(matchTotp(RFC_SECRET, code, seconds * 1000), Math.floor(seconds / 30));
	}
});

test("matchTotp accepts one step of drift either way and returns the step of the code", () => {
	const now = 1_800_000_015_000; // 15 s into a step
	const step = Math.floor(now / 30_000);
	const at = (offset: number) => currentTotp(RFC_SECRET, now + offset * 30_000);
	assert.equal(matchTotp(RFC_SECRET, at(0), now), step);
	assert.equal(matchTotp(RFC_SECRET, at(-1), now), step - 1, "the previous code");
	assert.equal(matchTotp(RFC_SECRET, at(1), now), step + 1, "the next code");
	for (const offset of [-3, -2, 2, 3]) {
		const code = at(offset);
		if ([at(-1), at(0), at(1)].includes(code)) continue; // a coincidence of six digits
		assert.equal(matchTotp(RFC_SECRET, code, now), null, `${offset} steps away`);
	}
});

test("matchTotp refuses anything but six digits", () => {
	const now = 1_800_000_000_000;
	const code = currentTotp(RFC_SECRET, now);
	for (const bad of ["", "12345", "1234567", ` ${code}`, `${code.slice(0, 5)}x`, "１２３４５６"]) {
		assert.equal(matchTotp(RFC_SECRET, bad, now), null, JSON.stringify(bad));
	}
	assert.equal(matchTotp("JBSWY3DPEHPK3PXP", code, now), null, "another secret's code");
});

test("new secrets are 160 random bits in base32", () => {
	const secrets = Array.from({ length: 50 }, newTotpSecret);
	for (const secret of secrets) assert.match(secret, /^[A-Z2-7]{32}$/);
	assert.equal(new Set(secrets).size, secrets.length);
});

test("enrolment gives an otpauth URI and a QR code, made locally", async () => {
	const { uri, qrSvg } = await totpEnrollment(RFC_SECRET, "tanaka@demo", "Mamori");
	const parsed = new URL(uri);
	assert.equal(parsed.protocol, "otpauth:");
	assert.equal(parsed.host, "totp");
	assert.match(decodeURIComponent(parsed.pathname), /^\/Mamori:tanaka@demo$/);
	assert.equal(parsed.searchParams.get("secret"), RFC_SECRET);
	assert.equal(parsed.searchParams.get("issuer"), "Mamori");
	assert.equal(parsed.searchParams.get("digits"), "6");
	assert.equal(parsed.searchParams.get("period"), "30");
	assert.match(qrSvg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
	assert.doesNotMatch(qrSvg, /<script|href=/i);
});

test("recovery codes: ten distinct readable codes, stored as SHA-256 of the normalised code", () => {
	const { codes, hashes } = newRecoveryCodes();
	assert.equal(codes.length, 10);
	assert.equal(new Set(codes).size, 10);
	for (const [i, code] of codes.entries()) {
		assert.match(code, /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
		assert.equal(hashes[i], createHash("sha256").update(code).digest("hex"));
		assert.equal(hashRecoveryCode(`  ${code.toUpperCase()}\n`), hashes[i], "typed loosely");
	}
	assert.notDeepEqual(newRecoveryCodes().codes, codes);
});
