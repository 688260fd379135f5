// The whole hostile corpus through sanitizeAttachments (worker process included): each file's
// fate is as the table says, and nothing delivered carries active content.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";
import { detectType } from "../../src/modules/sanitize/attachments/detect-type.ts";
import { scanPdf } from "../../src/modules/sanitize/attachments/pdf-scan.ts";
import { sanitizeAttachments } from "../../src/modules/sanitize/attachments/sanitize-attachments.ts";
import {
	type AttachmentOutcome,
	DEFAULT_POLICY,
	NEVER_DELIVERED,
} from "../../src/modules/sanitize/sanitize.contract.ts";
import { buildCorpus, type CorpusItem, EICAR } from "../helpers/attachment-corpus.ts";

let corpus: CorpusItem[] = [];
let outcomes: AttachmentOutcome[] = [];

before(async () => {
	corpus = await buildCorpus();
	outcomes = await sanitizeAttachments(
		corpus.map((item) => item.input),
		DEFAULT_POLICY,
	);
});

test("each file gets the action and category the table expects", () => {
	assert.equal(outcomes.length, corpus.length);
	const actual = outcomes.map((outcome) => [outcome.filename, outcome.category, outcome.action]);
	const expected = corpus.map((item) => [
		item.input.filename,
		item.expected.category,
		item.expected.action,
	]);
	assert.deepEqual(actual, expected);
});

test("every outcome describes the original: size, SHA-256, true type, a reason", async () => {
	const { createHash } = await import("node:crypto");
	outcomes.forEach((outcome, index) => {
		const original = corpus[index]?.input.content ?? Buffer.alloc(0);
		assert.equal(outcome.size, original.length);
		assert.equal(outcome.sha256, createHash("sha256").update(original).digest("hex"));
		assert.ok(outcome.reason.length > 0);
		assert.ok(outcome.trueType.includes("/"));
		assert.equal(
			outcome.output !== undefined,
			outcome.action === "sanitized" || outcome.action === "passed",
			outcome.filename,
		);
	});
});

const ACTIVE_PDF =
	/\/(JavaScript|JS|OpenAction|Launch|EmbeddedFiles?|AA|URI|RichMedia|XFA|AcroForm)\b/;

/** Walk a delivered file (into ZIPs) and fail on anything active. */
async function assertInert(name: string, content: Buffer, depth = 0): Promise<void> {
	const detected = await detectType(content);
	assert.ok(!NEVER_DELIVERED.has(detected.category), `${name} is ${detected.category}`);
	assert.ok(!content.includes(EICAR), `${name} carries EICAR`);
	if (detected.category === "pdf") {
		assert.doesNotMatch(content.toString("latin1"), ACTIVE_PDF, name);
		assert.deepEqual(scanPdf(content).findings, [], name);
	}
	if (detected.category === "image") {
		const metadata = await sharp(content).metadata();
		assert.equal(metadata.exif, undefined, `${name} has EXIF`);
		assert.equal(metadata.xmp, undefined, `${name} has XMP`);
	}
	if (detected.category === "ooxml" || detected.category === "archive") {
		for (const [entry, data] of Object.entries(unzipSync(content))) {
			assert.doesNotMatch(
				entry,
				/vbaProject|vbaData|embeddings\/|activeX\/|oleObject|customUI/i,
				`${name}/${entry}`,
			);
			if (detected.category === "ooxml") {
				const xml = strFromU8(data);
				assert.doesNotMatch(xml, /TargetMode\s*=\s*"External"/i, `${name}/${entry}`);
				assert.doesNotMatch(xml, /\bDDE(AUTO)?\b|<ddeLink/, `${name}/${entry}`);
				assert.doesNotMatch(xml, /macroEnabled/, `${name}/${entry}`);
			} else {
				await assertInert(`${name}/${entry}`, Buffer.from(data), depth + 1);
			}
		}
	}
}

test("nothing delivered carries active content", async () => {
	const delivered = outcomes.filter((outcome) => outcome.output);
	assert.ok(delivered.length >= 8);
	for (const outcome of delivered) {
		const output = outcome.output;
		assert.ok(output);
		await assertInert(output.filename, output.content);
	}
});

test("what was found in the originals is reported", () => {
	const findings = new Map(outcomes.map((outcome) => [outcome.filename, outcome.findings]));
	assert.ok(findings.get("active.pdf")?.includes("/OpenAction"));
	assert.ok(
		findings.get("obfuscated.pdf")?.includes("/JavaScript (hex-obfuscated as /J#61vaScript)"),
	);
	assert.ok(findings.get("objstm.pdf")?.includes("/JavaScript (in object stream)"));
	assert.ok(findings.get("macro.docm")?.includes("word/vbaProject.bin: VBA macro project"));
	assert.ok(findings.get("template.docx")?.includes("DDEAUTO field in word/document.xml ×2"));
	assert.ok(findings.get("gps.jpg")?.includes("EXIF metadata"));
	assert.ok(
		findings
			.get("invoice.zip")
			?.some((finding) => finding.endsWith("eicar.com: EICAR test signature")),
	);
});

test("delivered names follow the content: docm becomes docx, a removed member is listed", () => {
	const byName = new Map(outcomes.map((outcome) => [outcome.filename, outcome]));
	assert.equal(byName.get("macro.docm")?.output?.filename, "macro.docx");
	assert.equal(byName.get("budget.xlsm")?.output?.filename, "budget.xlsx");
	assert.equal(byName.get("slides.pptm")?.output?.filename, "slides.pptx");
	assert.equal(byName.get("drawing.bmp")?.output?.filename, "drawing.png");
	assert.equal(byName.get("gps.jpg")?.output?.contentType, "image/jpeg");
	const invoice = byName.get("invoice.zip");
	const flatten = (members: readonly AttachmentOutcome[] = []): AttachmentOutcome[] =>
		members.flatMap((member) => [member, ...flatten(member.members)]);
	const removed = flatten(invoice?.members).filter((member) => member.action === "removed");
	assert.deepEqual(
		removed.map((member) => member.filename),
		["eicar.com"],
	);
});

test("the inertness check itself rejects the hostile originals", async () => {
	for (const name of [
		"active.pdf",
		"obfuscated.pdf",
		"macro.docm",
		"template.docx",
		"budget.xlsm",
		"slides.pptm",
		"gps.jpg",
		"invoice.zip",
	]) {
		const original = corpus.find((item) => item.input.filename === name)?.input.content;
		assert.ok(original, name);
		await assert.rejects(assertInert(name, original), assert.AssertionError, name);
	}
});
