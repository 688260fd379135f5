import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { simpleParser } from "mailparser";
import {
	type AttachmentOutcome,
	DEFAULT_POLICY,
	type SanitizeResult,
} from "../../src/modules/sanitize/sanitize.contract.ts";
import { sanitizeMessage } from "../../src/modules/sanitize/sanitize-message.ts";
import { EICAR, EXE, mailCorpus, stubAttachments } from "../helpers/mail-corpus.ts";

const ACTIVE: [string, RegExp][] = [
	["<script", /<script/i],
	["<html", /<html/i],
	["javascript:", /javascript:/i],
	["data: URL", /\bdata:\s*(?:[\w.+-]+\/[\w.+-]+)?[;,]/i],
	["event handler attribute", /<[^>]*\son\w+\s*=/i],
	["live link", /(?:https?|ftp):\/\//i],
	["EICAR", new RegExp(EICAR.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&"))],
];
/** mailparser without its own HTML work, which these tests do not need. */
const PLAIN = {
	skipHtmlToText: true,
	skipTextToHtml: true,
	skipImageLinks: true,
	skipTextLinks: true,
} as const;
const FORBIDDEN_TYPES =
	/^(?:text\/html|image\/svg\+xml|application\/(?:x-msdownload|x-dosexec|javascript|x-sh|hta|octet-stream))/i;

/**
 * Re-read a sanitised message with mailparser (not the engine's own reader) and fail on anything
 * active: HTML, scripts, live links, data: URLs, handlers, EICAR, executable or HTML parts.
 */
async function assertInert(raw: Buffer, where: string): Promise<void> {
	for (const match of raw.toString("latin1").matchAll(/^content-type:\s*([^;\s]+)/gim)) {
		assert.doesNotMatch(match[1] ?? "", FORBIDDEN_TYPES, `${where}: part of type ${match[1]}`);
	}
	const parsed = await simpleParser(raw, PLAIN);
	assert.equal(parsed.html, false, `${where}: has an HTML body`);
	const texts = [parsed.text ?? "", parsed.subject ?? ""];
	for (const attachment of parsed.attachments) {
		assert.doesNotMatch(
			attachment.contentType,
			FORBIDDEN_TYPES,
			`${where}: attachment ${attachment.filename}`,
		);
		if (attachment.contentType === "message/rfc822")
			await assertInert(attachment.content, `${where} › ${attachment.filename}`);
		else texts.push(attachment.content.toString("latin1"));
	}
	for (const text of texts) {
		for (const [label, pattern] of ACTIVE) assert.doesNotMatch(text, pattern, `${where}: ${label}`);
	}
}

function bodyOf(result: SanitizeResult): Promise<string> {
	assert.equal(result.status, "sanitized");
	return simpleParser(result.status === "sanitized" ? result.message : Buffer.alloc(0), PLAIN).then(
		(p) => p.text ?? "",
	);
}

describe("sanitising the generated corpus", () => {
	const corpus = mailCorpus();

	test("with fixed attachment rules: each item sanitised or held as expected, nothing active delivered", async () => {
		for (const item of corpus) {
			const result = await sanitizeMessage(item.raw, DEFAULT_POLICY, {
				sanitizeAttachments: stubAttachments,
			});
			const reason = result.status === "held" ? result.reason : "";
			assert.equal(result.status, item.expect, `${item.name}: ${reason}`);
			if (item.reason) assert.match(reason, new RegExp(item.reason), item.name);
			if (result.status !== "sanitized") continue;
			await assertInert(result.message, item.name);
			const parsed = await simpleParser(result.message, PLAIN);
			for (const expected of item.bodyIncludes ?? []) {
				assert.ok(
					parsed.text?.includes(expected),
					`${item.name}: body lacks ${JSON.stringify(expected)}:\n${parsed.text}`,
				);
			}
			if (item.subject) assert.equal(parsed.subject, item.subject, item.name);
			assert.ok(parsed.headers.get("x-mamori-sanitized"), `${item.name}: no X-Mamori-Sanitized`);
		}
	});

	test("with the real attachment sanitisers: text-only items as expected, the rest sanitised or held", async () => {
		for (const item of corpus) {
			const result = await sanitizeMessage(item.raw, DEFAULT_POLICY);
			if (!item.attachments) assert.equal(result.status, item.expect, item.name);
			if (result.status === "sanitized") await assertInert(result.message, item.name);
			assert.ok(result.status === "held" || result.status === "sanitized");
		}
	});

	test("a removed attachment leaves a notice with its name, true type, size and SHA-256", async () => {
		const item = corpus.find((i) => i.name === "executable named as a PDF");
		assert.ok(item);
		const result = await sanitizeMessage(item.raw, DEFAULT_POLICY, {
			sanitizeAttachments: stubAttachments,
		});
		const text = await bodyOf(result);
		assert.match(text, /削除した添付ファイル \/ Removed attachments/);
		assert.match(
			text,
			new RegExp(`invoice\\.pdf \\(application/x-msdownload, ${EXE.length} bytes\\)`),
		);
		assert.ok(text.includes(result.report.attachments[0]?.sha256 ?? "?"));
		// The reason in the catalogue's words, Japanese then English, as the mail screens word it.
		assert.match(text, /^ {4}理由: 実行ファイルは、どの設定でも届けない種類のため削除しました。$/m);
		assert.match(text, /^ {4}Reason: Executables: never delivered; removed\.$/m);
		assert.doesNotMatch(text, /executables are never delivered/, "not the sanitiser's own words");
		assert.ok(text.includes("invoice attached"));
		assert.ok(result.report.actions.includes("attachment-removed=invoice.pdf"));
		const parsed = await simpleParser(
			result.status === "sanitized" ? result.message : Buffer.alloc(0),
			PLAIN,
		);
		assert.equal(parsed.attachments.length, 0);
		assert.match(
			String(parsed.headers.get("x-mamori-sanitized")),
			/attachment-removed=invoice\.pdf/,
		);
	});

	test("headers are reduced to the safe set", async () => {
		const raw = Buffer.from(
			"Received: from evil\r\nFrom: a@example.jp\r\nTo: b@example.jp\r\nReply-To: phish@evil.example\r\nX-Custom: 1\r\nSubject: s\r\nMessage-ID: <id1@example.jp>\r\nIn-Reply-To: <id0@example.jp>\r\nReferences: <r1@example.jp> <id0@example.jp>\r\n\r\nhi\r\n",
		);
		const result = await sanitizeMessage(raw, DEFAULT_POLICY);
		assert.equal(result.status, "sanitized");
		const head =
			result.status === "sanitized"
				? (result.message.toString("latin1").split("\r\n\r\n")[0] ?? "")
				: "";
		const names = head
			.split("\r\n")
			.filter((l) => /^\S/.test(l))
			.map((l) => l.slice(0, l.indexOf(":")));
		assert.deepEqual(
			names.sort(),
			[
				"Content-Transfer-Encoding",
				"Content-Type",
				"Date",
				"From",
				"In-Reply-To",
				"MIME-Version",
				"Message-ID",
				"References",
				"Subject",
				"To",
				"X-Mamori-Sanitized",
			].sort(),
		);
		assert.match(head, /Message-ID: <id1@example\.jp>/);
		assert.match(head, /References: <r1@example\.jp> <id0@example\.jp>/);
	});

	test("a held attachment holds the whole message, naming it", async () => {
		const item = corpus.find((i) => i.name === "UTF-8 RFC 2231 file name on a PDF");
		assert.ok(item);
		const result = await sanitizeMessage(item.raw, DEFAULT_POLICY, {
			sanitizeAttachments: async (inputs) =>
				inputs.map(
					(input): AttachmentOutcome => ({
						filename: input.filename,
						trueType: "application/pdf",
						category: "pdf",
						size: input.content.length,
						sha256: "",
						action: "held",
						reason: "encrypted PDF",
						findings: [],
					}),
				),
		});
		assert.equal(result.status, "held");
		assert.match(
			result.status === "held" ? result.reason : "",
			/attachment "資料\.pdf" held: encrypted PDF/,
		);
	});

	test("a sanitiser that tries to deliver HTML or an executable is overruled", async () => {
		const item = corpus.find((i) => i.name === "executable named as a PDF");
		assert.ok(item);
		for (const [category, contentType] of [
			["html", "text/html"],
			["pdf", "application/x-msdownload"],
		] as const) {
			const result = await sanitizeMessage(item.raw, DEFAULT_POLICY, {
				sanitizeAttachments: async (inputs) =>
					inputs.map(
						(input): AttachmentOutcome => ({
							filename: input.filename,
							trueType: contentType,
							category,
							size: 1,
							sha256: "",
							action: "passed",
							reason: "",
							findings: [],
							output: { filename: "x", contentType, content: input.content },
						}),
					),
			});
			assert.equal(result.status, "held", contentType);
		}
	});

	test("embedded messages are sanitised and attached as message/rfc822", async () => {
		const item = corpus.find((i) => i.name === "message/rfc822 nested 3 deep");
		assert.ok(item);
		const result = await sanitizeMessage(item.raw, DEFAULT_POLICY);
		assert.equal(result.status, "sanitized");
		const nested = result.report.attachments[0];
		assert.equal(nested?.trueType, "message/rfc822");
		assert.equal(nested?.members?.[0]?.trueType, "message/rfc822");
		const inner = await simpleParser(nested?.output?.content ?? Buffer.alloc(0), PLAIN);
		assert.match(inner.text ?? "", /forwarded 1/);
	});

	test("limits: size, parts and time are each enforced by holding", async () => {
		const small = { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, maxMessageBytes: 100 } };
		const big = await sanitizeMessage(Buffer.alloc(101, 0x61), small);
		assert.equal(big.status, "held");
		assert.match(big.status === "held" ? big.reason : "", /over the limit of 100/);

		const fewParts = { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, maxParts: 3 } };
		const item = corpus.find((i) => i.name === "message/rfc822 nested 3 deep");
		assert.equal((await sanitizeMessage(item?.raw ?? Buffer.alloc(0), fewParts)).status, "held");

		const quick = { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, timeoutMs: 150 } };
		const pdf = corpus.find((i) => i.name === "UTF-8 RFC 2231 file name on a PDF");
		const started = performance.now();
		const slow = await sanitizeMessage(pdf?.raw ?? Buffer.alloc(0), quick, {
			sanitizeAttachments: () => new Promise(() => {}),
		});
		assert.equal(slow.status, "held");
		assert.match(slow.status === "held" ? slow.reason : "", /time limit/);
		assert.ok(performance.now() - started < 1000);
	});

	test("deep nesting and many parts are held fast", async () => {
		for (const name of ["message/rfc822 nested 100 deep", "10,000 parts"]) {
			const item = corpus.find((i) => i.name === name);
			const result = await sanitizeMessage(item?.raw ?? Buffer.alloc(0), DEFAULT_POLICY);
			assert.equal(result.status, "held");
			assert.ok(result.report.durationMs < 500, `${name} took ${result.report.durationMs} ms`);
		}
	});
});
