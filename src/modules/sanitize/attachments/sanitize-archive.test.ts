import assert from "node:assert/strict";
import { test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import {
	EICAR,
	nestedEicarZip,
	overlappingZip,
	ratioBombZip,
	rawZip,
} from "../../../../tests/helpers/attachment-corpus.ts";
import { DEFAULT_POLICY, type SanitizePolicy } from "../sanitize.contract.ts";
import { processAttachment } from "./process-attachment.ts";

function withLimits(limits: Partial<SanitizePolicy["limits"]>): SanitizePolicy {
	return { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, ...limits } };
}

function archive(content: Buffer, policy: SanitizePolicy = DEFAULT_POLICY) {
	return processAttachment(
		{ filename: "in.zip", declaredType: "application/zip", content },
		policy,
	);
}

test("EICAR three archives deep is removed; the rest is rebuilt", async () => {
	const outcome = await archive(nestedEicarZip());
	assert.equal(outcome.action, "sanitized");
	const middle = outcome.members?.find((member) => member.filename === "middle.zip");
	const inner = middle?.members?.find((member) => member.filename === "level2/inner.zip");
	const eicar = inner?.members?.find((member) => member.filename === "eicar.com");
	assert.equal(eicar?.action, "removed");
	assert.equal(eicar?.category, "executable");
	assert.ok(
		outcome.findings.includes("middle.zip: level2/inner.zip: eicar.com: EICAR test signature"),
	);
	const level1 = unzipSync(outcome.output?.content ?? new Uint8Array());
	assert.deepEqual(Object.keys(level1).sort(), ["middle.zip", "note.txt"]);
	assert.equal(strFromU8(level1["note.txt"] ?? new Uint8Array()), "お知らせ\n");
	const level3 = unzipSync(
		unzipSync(level1["middle.zip"] ?? new Uint8Array())["level2/inner.zip"] ?? new Uint8Array(),
	);
	assert.deepEqual(Object.keys(level3), ["readme.txt"]);
	assert.ok(!outcome.output?.content.includes(EICAR));
});

test("nesting deeper than the limit holds the archive", async () => {
	const outcome = await archive(nestedEicarZip(), withLimits({ maxArchiveDepth: 2 }));
	assert.equal(outcome.action, "held");
	assert.match(outcome.reason, /nested more than 2 deep/);
});

test("bombs by ratio, by overlap, and by entry count are held", async () => {
	const ratio = await archive(ratioBombZip());
	assert.equal(ratio.action, "held");
	assert.match(ratio.reason, /expands more than 100×/);
	const overlap = await archive(overlappingZip());
	assert.equal(overlap.action, "held");
	assert.match(overlap.reason, /overlap/);
	const many = rawZip(
		Array.from({ length: 20 }, (_, index) => ({ name: `f${index}.txt`, data: Buffer.from("x") })),
	);
	const counted = await archive(many, withLimits({ maxArchiveEntries: 10 }));
	assert.equal(counted.action, "held");
	assert.match(counted.reason, /more than the limit of 10/);
	const total = await archive(
		ratioBombZip(2),
		withLimits({ maxExpandedBytes: 1024 * 1024, maxCompressionRatio: 10_000 }),
	);
	assert.equal(total.action, "held");
	assert.match(total.reason, /past the limit/);
});

test("traversal names and encrypted members hold the archive", async () => {
	for (const name of ["../evil.txt", "/abs.txt", "C:/x.txt", "a\\b.txt"]) {
		const outcome = await archive(rawZip([{ name, data: Buffer.from("x") }]));
		assert.equal(outcome.action, "held", name);
	}
	const encrypted = await archive(
		rawZip([{ name: "a.txt", data: Buffer.from("x"), flags: 1, deflate: false }]),
	);
	assert.equal(encrypted.action, "held");
	assert.match(encrypted.reason, /encrypted/);
});

test("a member that is held holds the archive; gzip is unpacked", async () => {
	const withOle = rawZip([
		{ name: "old.doc", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]) },
	]);
	const policy: SanitizePolicy = {
		...DEFAULT_POLICY,
		attachments: { ...DEFAULT_POLICY.attachments, ole: "hold" },
	};
	const outcome = await archive(withOle, policy);
	assert.equal(outcome.action, "held");
	assert.match(outcome.reason, /member "old.doc" held/);
	const { gzipSync } = await import("node:zlib");
	const gz = await processAttachment(
		{ filename: "memo.txt.gz", declaredType: "", content: gzipSync("こんにちは\n") },
		DEFAULT_POLICY,
	);
	assert.equal(gz.action, "sanitized");
	assert.equal(gz.output?.filename, "memo.txt");
	assert.equal(gz.output?.content.toString(), "こんにちは\n");
});
