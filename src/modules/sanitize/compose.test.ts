import assert from "node:assert/strict";
import { test } from "node:test";
import { composeMessage, quotedPrintable, safeFilename } from "./compose.ts";
import { decodeQuotedPrintable } from "./mime.ts";

test("quoted-printable round-trips and keeps lines within 76 columns", () => {
	const text = `${"長い行".repeat(60)} \r\n= tab\t\r\nend`;
	const encoded = quotedPrintable(Buffer.from(text));
	assert.ok(
		encoded
			.toString("latin1")
			.split("\r\n")
			.every((line) => line.length <= 76),
	);
	assert.equal(decodeQuotedPrintable(encoded).toString(), `${text}\r\n`);
});

test("file names lose paths, controls and direction overrides", () => {
	assert.equal(safeFilename("..\\..\\evil\u202Efdp.exe"), "evil fdp.exe");
	assert.equal(safeFilename("a/b/c.pdf"), "c.pdf");
	assert.equal(safeFilename(""), "attachment");
});

test("the composed message is 7-bit with encoded Japanese headers and file names", () => {
	const raw = composeMessage({
		from: [{ name: "山田 太郎", address: "taro@example.jp" }],
		to: [{ name: "", address: "b@example.jp" }],
		cc: [],
		subject: "住民票\r\nBcc: injected@example.jp",
		date: new Date("2024-04-02T01:00:00Z"),
		messageId: "<a@example.jp>",
		inReplyTo: null,
		references: [],
		sanitized: "attachment-removed=請求書.exe",
		text: "本文です\n",
		attachments: [
			{ filename: "資料.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4") },
		],
	});
	const text = raw.toString("latin1");
	assert.ok(
		[...raw].every((b) => b < 0x80),
		"8-bit byte in output",
	);
	assert.doesNotMatch(text, /^Bcc:/m);
	assert.match(text, /^Subject: =\?UTF-8\?B\?/m);
	assert.match(text, /filename\*0\*=utf-8''%E8%B3%87%E6%96%99\.pdf/);
	assert.match(text, /^Date: Tue, 02 Apr 2024 01:00:00 \+0000$/m);
});

test("an attachment keeps a charset parameter; any other parameter makes it octet-stream", () => {
	const message = (contentType: string) =>
		composeMessage({
			from: [],
			to: [{ name: "", address: "b@example.jp" }],
			cc: [],
			subject: null,
			date: null,
			messageId: null,
			inReplyTo: null,
			references: [],
			sanitized: "headers-reduced",
			text: "本文",
			attachments: [{ filename: "a.txt", contentType, content: Buffer.from("x") }],
		}).toString("latin1");
	assert.match(
		message("text/plain; charset=utf-8"),
		/Content-Type: text\/plain; charset=utf-8; name=a\.txt/,
	);
	assert.match(message("text/csv; charset=UTF-8"), /Content-Type: text\/csv; charset=utf-8;/);
	assert.match(
		message('text/plain; boundary="x"'),
		/Content-Type: application\/octet-stream; name=a\.txt/,
	);
	assert.match(
		message("text/plain; charset=utf-8; x=y"),
		/Content-Type: application\/octet-stream;/,
	);
});
