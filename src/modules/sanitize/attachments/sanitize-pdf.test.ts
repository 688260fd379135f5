import assert from "node:assert/strict";
import { test } from "node:test";
import {
	activePdf,
	cleanPdf,
	encryptedPdf,
	handPdf,
	obfuscatedPdf,
	objectStreamPdf,
} from "../../../../tests/helpers/attachment-corpus.ts";
import {
	encryptedAttachmentsPdf,
	ownerPasswordPdf,
	userPasswordPdf,
} from "../../../../tests/helpers/pdf-encrypt.ts";
import { pdfText } from "../../../../tests/helpers/pdf-text.ts";
import { DEFAULT_POLICY, type SanitizePolicy } from "../sanitize.contract.ts";
import { scanPdf } from "./pdf-scan.ts";
import { rootContext } from "./process-attachment.ts";
import { PASSWORD_REASON, sanitizePdf } from "./sanitize-pdf.ts";

const ACTIVE = /\/(JavaScript|JS|OpenAction|Launch|EmbeddedFiles?|AA|URI|RichMedia|XFA|ObjStm)\b/;

async function run(content: Buffer, policy: SanitizePolicy = DEFAULT_POLICY) {
	return sanitizePdf(content, policy, rootContext(policy));
}

test("the scan names each kind of active content", () => {
	const { findings } = scanPdf(activePdf());
	for (const name of ["/OpenAction", "/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/AA"]) {
		assert.ok(findings.includes(name), `${name} in ${findings.join(", ")}`);
	}
	assert.deepEqual(
		scanPdf(Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")).findings,
		[],
	);
});

test("hex-escaped names are decoded before matching", () => {
	const { findings } = scanPdf(obfuscatedPdf());
	assert.ok(findings.includes("/JavaScript"));
	assert.ok(findings.includes("/JavaScript (hex-obfuscated as /J#61vaScript)"));
	assert.ok(findings.includes("/OpenAction (hex-obfuscated as /Open#41ction)"));
	assert.ok(findings.includes("/JS"));
});

test("compressed object streams are inflated and scanned", () => {
	const pdf = objectStreamPdf();
	assert.ok(
		!pdf.toString("latin1").includes("/JavaScript"),
		"the JavaScript is only inside the stream",
	);
	const { findings } = scanPdf(pdf);
	assert.ok(findings.includes("/JavaScript (in object stream)"), findings.join(", "));
	assert.ok(findings.includes("/JS (in object stream)"));
});

test("active PDFs come back as image-only PDFs with no active names", async () => {
	for (const pdf of [activePdf(), obfuscatedPdf(), objectStreamPdf()]) {
		const result = await run(pdf);
		assert.ok(result.ok, result.ok ? "" : result.reason);
		const text = result.content.toString("latin1");
		assert.ok(text.startsWith("%PDF-"));
		assert.doesNotMatch(text, ACTIVE);
		assert.doesNotMatch(text, /\/Font\b/, "no text layer survives");
		assert.match(text, /\/Subtype \/Image/);
		assert.deepEqual(scanPdf(result.content).findings, []);
		assert.ok(result.findings.length > 0, "the original's findings are reported");
	}
});

test("every page is rendered, in order", async () => {
	const result = await run(await cleanPdf(3));
	assert.ok(result.ok);
	assert.equal(result.content.toString("latin1").match(/\/Type \/Page\b/g)?.length, 3);
	assert.match(result.reason, /3 page image/);
});

test("encrypted, unreadable and over-long PDFs are held", async () => {
	const encrypted = await run(encryptedPdf());
	assert.deepEqual([encrypted.ok, encrypted.ok ? "" : encrypted.reason], [false, PASSWORD_REASON]);
	const broken = await run(Buffer.from("%PDF-1.7\nthis is not a document\n"));
	assert.equal(broken.ok, false);
	const tight = { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, maxPdfPages: 2 } };
	const long = await run(await cleanPdf(3), tight);
	assert.equal(long.ok, false);
	assert.match(long.ok ? "" : long.reason, /3 pages, more than the limit of 2/);
	const noPages = await run(
		handPdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]),
	);
	assert.equal(noPages.ok, false);
});

test("a deadline already passed stops the renderer", async () => {
	const result = await sanitizePdf(await cleanPdf(1), DEFAULT_POLICY, {
		...rootContext(DEFAULT_POLICY),
		deadline: Date.now() - 1,
	});
	assert.equal(result.ok, false);
});

test("a page too large to rasterise within the memory limit is held, not rendered", async () => {
	const giant = handPdf([
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 1 >>",
	]);
	const policy = { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, workerMemoryMb: 128 } };
	const result = await run(giant, policy);
	assert.equal(result.ok, false);
	assert.equal(result.ok ? "" : result.reason, "page 1 is too large to render");
});

test("a PDF that needs a user password to open is held", async () => {
	const result = await run(userPasswordPdf());
	assert.deepEqual([result.ok, result.ok ? "" : result.reason], [false, PASSWORD_REASON]);
});

test("an owner password alone does not stop rendering; the page text survives as an image", async () => {
	const pdf = ownerPasswordPdf();
	assert.match(pdf.toString("latin1"), /\/Encrypt 6 0 R/);
	assert.doesNotMatch(pdf.toString("latin1"), /Hello/, "the page content is encrypted");
	assert.match(pdfText(pdf) ?? "", /Hello/, "and decrypts with the empty user password");
	const result = await run(pdf);
	assert.ok(result.ok, result.ok ? "" : result.reason);
	assert.match(result.reason, /1 page image/);
	assert.doesNotMatch(result.content.toString("latin1"), /\/Encrypt|\/EmbeddedFiles?\b/);
	assert.ok(result.findings.some((finding) => /owner password only/.test(finding)));
	assert.ok(result.findings.includes("/EmbeddedFiles"));
});

test("encrypted embedded files alone do not stop rendering", async () => {
	const result = await run(encryptedAttachmentsPdf());
	assert.ok(result.ok, result.ok ? "" : result.reason);
	assert.doesNotMatch(result.content.toString("latin1"), /\/Encrypt|\/EmbeddedFiles?\b/);
	assert.ok(result.findings.some((finding) => /only embedded files are encrypted/.test(finding)));
});
