import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { SecretBox } from "./secret-box.ts";

const box = new SecretBox(randomBytes(32));

/** Change one character of a base64url string to another valid one. */
function flip(part: string, index = 0): string {
	const ch = part[index];
	return `${part.slice(0, index)}${ch === "A" ? "B" : "A"}${part.slice(index + 1)}`;
}

test("seal and open round-trip, with a fresh IV each time", () => {
	for (const plaintext of ["JBSWY3DPEHPK3PXP", "", "秘密の鍵 🔑", "x".repeat(10_000)]) {
		const sealed = box.seal(plaintext);
		assert.match(sealed, /^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]*$/);
		assert.ok(!sealed.includes(plaintext) || plaintext === "", "no plaintext in the output");
		assert.equal(box.open(sealed), plaintext);
	}
	assert.notEqual(box.seal("same"), box.seal("same"));
});

test("any change to the sealed text is detected", () => {
	const sealed = box.seal("JBSWY3DPEHPK3PXP");
	const [version, iv = "", tag = "", body = ""] = sealed.split(".");
	const tampered = [
		[version, flip(iv), tag, body],
		[version, iv, flip(tag), body],
		[version, iv, tag, flip(body)],
		[version, iv, tag, flip(body, body.length - 2)],
		[version, iv, tag, body.slice(0, -2)],
	];
	for (const parts of tampered) {
		assert.throws(() => box.open(parts.join(".")), Error, parts.join("."));
	}
});

test("another key cannot open it", () => {
	const sealed = box.seal("JBSWY3DPEHPK3PXP");
	assert.throws(() => new SecretBox(randomBytes(32)).open(sealed));
});

test("malformed input and wrong key sizes are refused with a clear error", () => {
	for (const bad of ["", "v1", "v1.a.b", "v2.a.b.c", "plain text"]) {
		assert.throws(() => box.open(bad), /malformed/, bad);
	}
	assert.throws(() => new SecretBox(randomBytes(16)), /32 bytes/);
	assert.throws(() => new SecretBox(randomBytes(33)), /32 bytes/);
});
