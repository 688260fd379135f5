import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { simpleParser } from "mailparser";
import { DEFAULT_POLICY } from "../../src/modules/sanitize/sanitize.contract.ts";
import { sanitizeMessage } from "../../src/modules/sanitize/sanitize-message.ts";
import { mailCorpus, stubAttachments } from "../helpers/mail-corpus.ts";

/** Small, valid messages to mutate (the huge and the over-limit ones would only slow the runs). */
const seeds = mailCorpus()
	.filter((item) => item.raw.length < 64 * 1024)
	.map((item) => item.raw);
const policy = { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, timeoutMs: 2_000 } };

type Mutation =
	| { kind: "truncate"; at: number }
	| { kind: "insert"; at: number; bytes: Uint8Array }
	| { kind: "duplicate-header"; line: number }
	| { kind: "break-boundary"; which: number; bytes: Uint8Array }
	| { kind: "flip"; at: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
	fc.record({
		kind: fc.constant("insert" as const),
		at: fc.nat(),
		bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
	}),
	fc.record({ kind: fc.constant("duplicate-header" as const), line: fc.nat() }),
	fc.record({
		kind: fc.constant("break-boundary" as const),
		which: fc.nat(),
		bytes: fc.uint8Array({ maxLength: 8 }),
	}),
	fc.record({
		kind: fc.constant("flip" as const),
		at: fc.nat(),
		value: fc.integer({ min: 0, max: 255 }),
	}),
);

function mutate(raw: Buffer, change: Mutation): Buffer {
	switch (change.kind) {
		case "truncate":
			return raw.subarray(0, change.at % (raw.length + 1));
		case "insert": {
			const at = change.at % (raw.length + 1);
			return Buffer.concat([raw.subarray(0, at), change.bytes, raw.subarray(at)]);
		}
		case "duplicate-header": {
			const text = raw.toString("latin1");
			const head = text.slice(0, Math.max(0, text.indexOf("\r\n\r\n")));
			const lines = head.split("\r\n");
			const line = lines[change.line % Math.max(lines.length, 1)] ?? "";
			return Buffer.from(`${line}\r\n${text}`, "latin1");
		}
		case "break-boundary": {
			const text = raw.toString("latin1");
			const starts = [...text.matchAll(/\r\n--/g)].map((m) => m.index ?? 0);
			if (starts.length === 0) return raw;
			const at = (starts[change.which % starts.length] ?? 0) + 4;
			return Buffer.concat([raw.subarray(0, at), change.bytes, raw.subarray(at + 2)]);
		}
		case "flip": {
			const copy = Buffer.from(raw);
			if (copy.length > 0) copy[change.at % copy.length] = change.value;
			return copy;
		}
	}
}

test("mutated messages: never a throw, always within the time limit, output text-only", async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.nat({ max: seeds.length - 1 }),
			fc.array(mutation, { minLength: 1, maxLength: 4 }),
			async (index, changes) => {
				const raw = changes.reduce(mutate, seeds[index] as Buffer);
				const started = performance.now();
				const result = await sanitizeMessage(raw, policy, { sanitizeAttachments: stubAttachments });
				assert.ok(
					performance.now() - started < policy.limits.timeoutMs + 500,
					"over the time limit",
				);
				if (result.status === "held") {
					assert.ok(result.reason.length > 0);
					return;
				}
				const parsed = await simpleParser(result.message, {
					skipHtmlToText: true,
					skipTextToHtml: true,
					skipTextLinks: true,
				});
				assert.equal(parsed.html, false);
				assert.doesNotMatch(parsed.text ?? "", /<script|javascript:|(?:https?|ftp):\/\//i);
				for (const attachment of parsed.attachments) {
					assert.match(
						attachment.contentType,
						/^(?:text\/plain|application\/pdf|message\/rfc822)$/,
					);
				}
			},
		),
		{ seed: 20240402, numRuns: 200, interruptAfterTimeLimit: 60_000 },
	);
});
