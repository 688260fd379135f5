import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomInt } from "node:crypto";
import { test } from "node:test";
import { promisify } from "node:util";
import { type PasswordOwner, passwordIssues } from "./password-rule.ts";
import { dictionaryEntryCount } from "./password-strength.ts";

const TANAKA: PasswordOwner = {
	username: "tanaka",
	displayName: "Tanaka Ichiro",
	tenantSlug: "saga-city",
};

async function codeOf(password: string, owner: PasswordOwner = TANAKA) {
	const issues = await passwordIssues(password, owner);
	return issues.map((i) => [i.code, i.params]);
}

test("the loaded dictionaries know at least 100,000 distinct common passwords and words", async () => {
	const count = await dictionaryEntryCount();
	assert.ok(count >= 100_000, `only ${count} entries`);
});

test("one character repeated, and whitespace only (ASCII and ideographic), are low entropy", async () => {
	assert.deepEqual(await codeOf("aaaaaaaaaaaa"), [["password_low_entropy", { kind: "repeated" }]]);
	assert.deepEqual(await codeOf(" ".repeat(12)), [
		["password_low_entropy", { kind: "whitespace" }],
	]);
	assert.deepEqual(await codeOf("\u3000".repeat(12)), [
		["password_low_entropy", { kind: "whitespace" }],
	]);
	assert.deepEqual(await codeOf(" \u3000\t".repeat(5)), [
		["password_low_entropy", { kind: "whitespace" }],
	]);
	assert.deepEqual(await codeOf("abababababab"), [["password_low_entropy", { kind: "repeated" }]]);
});

test("short repeated patterns, sequences and keyboard walks are low entropy", async () => {
	for (const password of ["sakurasakura", "abcdefghijklmn", "zxcvbnm,./;lkj"]) {
		assert.deepEqual(
			await codeOf(password),
			[["password_low_entropy", { kind: "pattern" }]],
			password,
		);
	}
});

test("common and breached passwords are refused, also in full-width letters", async () => {
	for (const password of [
		"password1234",
		"qwertyuiop12",
		"1qaz2wsx3edc4rfv",
		"iloveyou1234",
		"ｐａｓｓｗｏｒｄ１２３４",
		"Password1234",
	]) {
		assert.deepEqual(await codeOf(password), [["password_common", {}]], password);
	}
});

test("common Japanese words in romaji are refused", async () => {
	for (const password of [
		"konnichiwa123",
		"arigatou1234",
		"sayonara1234",
		"daisuki12345",
		"sakura123456",
	]) {
		assert.deepEqual(await codeOf(password), [["password_common", {}]], password);
	}
});

test("the owner's user name, display name and tenant are refused in any case or width", async () => {
	assert.deepEqual(await codeOf("tanaka2026!!"), [
		["password_contains_name", { field: "username" }],
	]);
	assert.deepEqual(await codeOf("I am ＴＡＮＡＫＡ from 総務課"), [
		["password_contains_name", { field: "username" }],
	]);
	assert.deepEqual(await codeOf("ichiro-loves-mountains-7"), [
		["password_contains_name", { field: "displayName" }],
	]);
	assert.deepEqual(await codeOf("blue saga-city harbour 42"), [
		["password_contains_name", { field: "tenant" }],
	]);
	const suzuki = { username: "suzuki.hanako", displayName: "鈴木 花子" };
	assert.deepEqual(await codeOf("my name is suzuki.hanako!", suzuki), [
		["password_contains_name", { field: "username" }],
	]);
	assert.deepEqual(await codeOf("窓辺の鈴木花子と青い猫たち", suzuki), [
		["password_contains_name", { field: "displayName" }],
	]);
});

test("length: at least 12 characters (counted as characters, not UTF-16 units), at most 256", async () => {
	assert.deepEqual(await codeOf("short pw"), [["password_too_short", { min: 12 }]]);
	assert.deepEqual(await codeOf("ぱすわーど"), [["password_too_short", { min: 12 }]]);
	assert.deepEqual(await codeOf("𩸽".repeat(6)), [["password_too_short", { min: 12 }]]);
	assert.deepEqual(await codeOf("x".repeat(257)), [["password_too_long", { max: 256 }]]);
	assert.deepEqual(await codeOf("ひらがなだけのぱすふれーず"), [], "kana passphrase");
});

test("random strong passphrases are accepted", async () => {
	const words = [
		"umbrella",
		"lantern",
		"quietly",
		"folded",
		"harbour",
		"cedar",
		"violet",
		"kettle",
	];
	for (let round = 0; round < 20; round++) {
		// Four different words: a repeated word ("cedar cedar …") is a pattern the rule refuses.
		const pool = [...words];
		const phrase = Array.from(
			{ length: 4 },
			() => pool.splice(randomInt(pool.length), 1)[0] ?? "",
		).join(" ");
		const password = `${phrase} ${randomInt(10, 100)}`;
		assert.deepEqual(await codeOf(password), [], password);
	}
	assert.deepEqual(await codeOf("correct horse battery staple"), []);
	assert.deepEqual(await codeOf("Zebra-Kettle-Orbit-91"), []);
});

test("the server process never loads the dictionaries, and an idle helper does not keep it alive", async () => {
	const rule = new URL("./password-rule.ts", import.meta.url).href;
	const app = new URL("../../http/app.ts", import.meta.url).href;
	const script = `
		import { registerHooks } from "node:module";
		const seen = [];
		registerHooks({ resolve(specifier, context, next) {
			const resolved = next(specifier, context);
			seen.push(resolved.url);
			return resolved;
		} });
		await import(${JSON.stringify(app)});
		const { passwordIssues } = await import(${JSON.stringify(rule)});
		const issues = await passwordIssues("password1234", { username: "x" });
		console.log(JSON.stringify({
			codes: issues.map((i) => i.code),
			zxcvbn: seen.filter((url) => url.includes("zxcvbn")),
		}));
	`;
	const started = Date.now();
	const { stdout } = await promisify(execFile)(
		process.execPath,
		["--input-type=module", "-e", script],
		{ timeout: 30_000 },
	);
	assert.deepEqual(JSON.parse(stdout), { codes: ["password_common"], zxcvbn: [] });
	assert.ok(Date.now() - started < 30_000, "exits without waiting for the helper's idle timeout");
});

test("names too short to be telling refuse nothing", async () => {
	assert.deepEqual(
		await codeOf("quietly folded lantern 42", { username: "it", displayName: "李" }),
		[],
	);
});
