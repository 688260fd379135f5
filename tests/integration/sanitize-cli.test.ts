import assert from "node:assert/strict";
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCli } from "../helpers/cli.ts";
import { HOSTILE_HTML, nestedMessage } from "../helpers/mail-corpus.ts";

const dir = mkdtempSync(join(tmpdir(), "mamori-sanitize-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const place = { dataDir: dir, databaseUrl: undefined };

const html = Buffer.from(
	`From: a@example.jp\r\nTo: b@example.jp\r\nSubject: html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${HOSTILE_HTML}\r\n`,
);

test("a message is sanitised to OUT with exit 0; --explain says what was done", async () => {
	writeFileSync(join(dir, "in.eml"), html);
	const { code, stdout } = await runCli(
		["sanitize", join(dir, "in.eml"), "-o", join(dir, "out.eml"), "--explain"],
		place,
	);
	assert.equal(code, 0);
	const out = readFileSync(join(dir, "out.eml"), "latin1");
	assert.match(out, /Content-Type: text\/plain; charset=utf-8/);
	assert.doesNotMatch(out, /<script|https:\/\//i);
	assert.match(stdout, /in\.eml: sanitised/);
	assert.match(stdout, /html-to-text/);
});

test("a held message exits 3 with the reason on stderr and writes nothing", async () => {
	writeFileSync(join(dir, "deep.eml"), nestedMessage(100));
	const { code, stderr } = await runCli(
		["sanitize", join(dir, "deep.eml"), "-o", join(dir, "deep.out.eml")],
		place,
	);
	assert.equal(code, 3);
	assert.match(stderr, /held: MIME nesting deeper than 20/);
	assert.equal(existsSync(join(dir, "deep.out.eml")), false);
});

test("limits from flags; usage errors exit 2, unreadable input exits 1", async () => {
	writeFileSync(join(dir, "big.eml"), html);
	const tooBig = await runCli(
		["sanitize", join(dir, "big.eml"), "-o", join(dir, "big.out.eml"), "--max-size", "1K"],
		place,
	);
	assert.equal(tooBig.code, 3);
	assert.match(tooBig.stderr, /over the limit of 1024/);
	assert.equal((await runCli(["sanitize", join(dir, "big.eml")], place)).code, 2);
	assert.equal(
		(await runCli(["sanitize", join(dir, "big.eml"), "-o", "x", "--timeout", "soon"], place)).code,
		2,
	);
	const missing = await runCli(
		["sanitize", join(dir, "nope.eml"), "-o", join(dir, "nope.out")],
		place,
	);
	assert.equal(missing.code, 1);
	assert.match(missing.stderr, /cannot read .*nope\.eml: no such file or directory/);
});

test("directory mode writes the sanitised ones, lists the held ones, sums up, exits 3 if any held", async () => {
	const input = join(dir, "inbox");
	mkdirSync(input);
	writeFileSync(join(input, "1.eml"), html);
	writeFileSync(join(input, "2.eml"), nestedMessage(100));
	const output = join(dir, "outbox");
	const { code, stdout, stderr } = await runCli(["sanitize", input, "-o", output], place);
	assert.equal(code, 3);
	assert.deepEqual(readdirSync(output), ["1.eml"]);
	assert.match(stderr, /held: 2\.eml: MIME nesting/);
	assert.match(stdout, /2 messages: 1 sanitised, 1 held; .* MB in, .* MB out; .* s/);
	rmSync(join(input, "2.eml"));
	assert.equal((await runCli(["sanitize", input, "-o", output], place)).code, 0);
});
