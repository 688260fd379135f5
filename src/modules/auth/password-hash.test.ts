import assert from "node:assert/strict";
import { argon2 } from "node:crypto";
import { test } from "node:test";
import {
	decoyPasswordHash,
	hashPassword,
	oneTimePassword,
	verifyPassword,
} from "./password-hash.ts";
import { passwordIssues } from "./password-rule.ts";

const PHC = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$([\w-]{22})\$([\w-]{43})$/;

test("hashPassword makes a salted argon2id PHC string that verifies only the right password", async () => {
	const password = "Mamori に守られた 2026";
	const hash = await hashPassword(password);
	assert.match(hash, PHC);
	assert.notEqual(await hashPassword(password), hash, "a fresh salt each time");
	assert.equal(await verifyPassword(password, hash), true);
	assert.equal(await verifyPassword(`${password} `, hash), false);
	assert.equal(await verifyPassword("mamori に守られた 2026", hash), false, "case matters");
	assert.equal(await verifyPassword("", hash), false);
});

test("verifyPassword reads the parameters from the stored string", async () => {
	// A hash made with other cost parameters (an older policy) still verifies.
	const salt = Buffer.from("0123456789abcdef");
	const key = await new Promise<Buffer>((resolve, reject) =>
		argon2(
			"argon2id",
			{
				message: "old parameters",
				nonce: salt,
				memory: 8192,
				passes: 3,
				parallelism: 1,
				tagLength: 16,
			},
			(error, derived) => (error ? reject(error) : resolve(derived)),
		),
	);
	const stored = `$argon2id$v=19$m=8192,t=3,p=1$${salt.toString("base64url")}$${key.toString("base64url")}`;
	assert.equal(await verifyPassword("old parameters", stored), true);
	assert.equal(await verifyPassword("new parameters", stored), false);
});

test("verifyPassword refuses anything that is not an argon2id PHC string", async () => {
	const good = await hashPassword("some long password");
	for (const stored of [
		"",
		"some long password",
		good.replace("$argon2id$", "$argon2i$"),
		good.replace("v=19", "v=16"),
		good.slice(0, -1).concat("!"),
		`${good}$extra`,
	]) {
		assert.equal(await verifyPassword("some long password", stored), false, stored);
	}
	const [, , , , salt = "", hash = ""] = good.split("$");
	const flipped = `${hash.startsWith("A") ? "B" : "A"}${hash.slice(1)}`;
	assert.equal(
		await verifyPassword(
			"some long password",
			good.replace(`$${salt}$${hash}`, `$${salt}$${flipped}`),
		),
		false,
		"a changed hash",
	);
});

test("the decoy hash is one stable argon2id hash that no ordinary password matches", async () => {
	const decoy = await decoyPasswordHash();
	assert.match(decoy, PHC);
	assert.equal(await decoyPasswordHash(), decoy);
	assert.equal(await verifyPassword("", decoy), false);
	assert.equal(await verifyPassword("password", decoy), false);
});

test("one-time passwords are 16 unambiguous characters, different every time", async () => {
	const passwords = Array.from({ length: 200 }, oneTimePassword);
	for (const password of passwords) {
		assert.match(password, /^[A-HJ-NP-Za-km-z2-9]{16}$/);
		assert.doesNotMatch(password, /[01IOl]/);
	}
	for (const password of passwords.slice(0, 20)) {
		assert.deepEqual(await passwordIssues(password, { username: "x-no-match-user" }), []);
	}
	assert.equal(new Set(passwords).size, passwords.length);
});
