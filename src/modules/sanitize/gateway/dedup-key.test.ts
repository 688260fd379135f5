import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { bodyHash, dedupKey, headerBlock, normaliseMessageId } from "./dedup-key.ts";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const envelope = { from: "s@outside.example", to: ["b@city.example.jp", "a@city.example.jp"] };

test("the body hash covers the bytes after the header block, so added trace headers do not change it", () => {
	const raw = Buffer.from("Subject: a\r\nMessage-ID: <1@x>\r\n\r\nhello\r\n\r\nworld\r\n");
	assert.equal(bodyHash(raw), sha("hello\r\n\r\nworld\r\n"));
	const relayed = Buffer.concat([Buffer.from("Received: from mx2 by gw; now\r\n"), raw]);
	assert.equal(bodyHash(relayed), bodyHash(raw));
	assert.equal(bodyHash(Buffer.from("Subject: a\n\nbare LF")), sha("bare LF"));
	assert.equal(bodyHash(Buffer.from("Subject: only headers")), sha(""));
	assert.equal(headerBlock(raw).toString(), "Subject: a\r\nMessage-ID: <1@x>\r\n\r\n");
});

test("a Message-ID is compared without brackets or folding, its domain in lower case", () => {
	assert.equal(normaliseMessageId(" <Abc.1@Mail.Example.JP>"), "Abc.1@mail.example.jp");
	assert.equal(normaliseMessageId("<Abc.1@\r\n mail.example.jp>"), "Abc.1@mail.example.jp");
	assert.equal(normaliseMessageId("no-brackets@X.JP"), "no-brackets@x.jp");
	assert.equal(normaliseMessageId("<>"), null);
	assert.equal(normaliseMessageId(null), null);
});

test("the key is the Message-ID, the body and the envelope; the recipients as a set", () => {
	const facts = { messageId: "<1@x.jp>", date: null, envelope, bodyHash: sha("b") };
	const key = dedupKey(facts);
	assert.match(key ?? "", /^[0-9a-f]{64}$/);
	assert.equal(dedupKey({ ...facts, messageId: "<1@X.JP>" }), key);
	assert.equal(
		dedupKey({
			...facts,
			envelope: { ...envelope, to: ["A@city.example.jp", "b@city.example.jp"] },
		}),
		key,
		"recipients in another order or case",
	);
	assert.equal(
		dedupKey({ ...facts, date: "2026-12-06T00:00:00.000Z" }),
		key,
		"the Date is not used",
	);
	assert.notEqual(dedupKey({ ...facts, bodyHash: sha("c") }), key, "another body");
	assert.notEqual(dedupKey({ ...facts, messageId: "<2@x.jp>" }), key, "another Message-ID");
	assert.notEqual(
		dedupKey({ ...facts, envelope: { ...envelope, to: ["c@city.example.jp"] } }),
		key,
		"the same message split into another transaction for other recipients",
	);
});

test("without a Message-ID the Date stands in for it; without both there is no key", () => {
	const facts = { messageId: null, date: "2026-12-06T00:00:00.000Z", envelope, bodyHash: sha("b") };
	const key = dedupKey(facts);
	assert.ok(key);
	assert.notEqual(dedupKey({ ...facts, date: "2026-12-06T00:00:01.000Z" }), key);
	assert.notEqual(dedupKey({ ...facts, messageId: "2026-12-06T00:00:00.000Z" }), key);
	assert.equal(dedupKey({ ...facts, date: null }), null);
});
