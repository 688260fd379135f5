// The attachment sanitisers' throughput, each against a plain baseline measured in the same run:
// PDF pages rasterised and rebuilt per second (150 dpi, a 20-page document) against pdftoppm
// alone; OOXML rebuild MB/s against a bare unzip + zip; image re-encodes per second against
// sharp's ordinary re-encode; and a worker's cold start against a warm (pooled) one.
// `node bench/sanitize-attachments.ts` prints the markdown section; bench/run.ts may import it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { unzipSync, zipSync } from "fflate";
import sharp from "sharp";
import { detectType } from "../src/modules/sanitize/attachments/detect-type.ts";
import { rootContext } from "../src/modules/sanitize/attachments/process-attachment.ts";
import { sanitizeAttachments } from "../src/modules/sanitize/attachments/sanitize-attachments.ts";
import { sanitizeImage } from "../src/modules/sanitize/attachments/sanitize-image.ts";
import { sanitizeOoxml } from "../src/modules/sanitize/attachments/sanitize-ooxml.ts";
import { PDF_DPI, sanitizePdf } from "../src/modules/sanitize/attachments/sanitize-pdf.ts";
import { closeWorkerPool } from "../src/modules/sanitize/attachments/worker-pool.ts";
import { DEFAULT_POLICY } from "../src/modules/sanitize/sanitize.contract.ts";
import { cleanPdf, docxWithExternals } from "../tests/helpers/attachment-corpus.ts";
import { fixed, median } from "./lib/stats.ts";

const ROUNDS = 3;

async function timeMs(work: () => Promise<unknown> | unknown): Promise<number> {
	const started = performance.now();
	await work();
	return performance.now() - started;
}

async function medianMs(rounds: number, work: () => Promise<unknown> | unknown): Promise<number> {
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) times.push(await timeMs(work));
	return median(times);
}

/** A docx of about `megabytes` MB: many paragraphs, a DDE field, an OLE object, and a photo-like image. */
function bigDocx(megabytes: number): Buffer {
	const parts = unzipSync(docxWithExternals());
	const document = Buffer.from(parts["word/document.xml"] ?? new Uint8Array()).toString("utf8");
	// Numbered, slightly varied paragraphs: compresses like real prose (well under the ratio limit).
	const paragraphs: string[] = [];
	let size = 0;
	for (let index = 0; size < (megabytes * 1024 * 1024) / 2; index++) {
		const paragraph = `<w:p><w:r><w:rPr><w:b w:val="${index % 2}"/></w:rPr><w:t>第${index}条 点検結果 ${randomBytes(12).toString("base64")} を記録する。</w:t></w:r></w:p>`;
		paragraphs.push(paragraph);
		size += paragraph.length;
	}
	parts["word/document.xml"] = Buffer.from(
		document.replace("<w:body>", `<w:body>${paragraphs.join("")}`),
	);
	// The image is referenced by the document, so the allow-list rebuild keeps (and copies) it.
	parts["word/media/image1.jpeg"] = randomBytes(Math.floor((megabytes * 1024 * 1024) / 2));
	const rels = Buffer.from(parts["word/_rels/document.xml.rels"] ?? new Uint8Array()).toString();
	parts["word/_rels/document.xml.rels"] = Buffer.from(
		rels.replace(
			"</Relationships>",
			'<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/></Relationships>',
		),
	);
	const types = Buffer.from(parts["[Content_Types].xml"] ?? new Uint8Array()).toString();
	parts["[Content_Types].xml"] = Buffer.from(
		types.replace("</Types>", '<Default Extension="jpeg" ContentType="image/jpeg"/></Types>'),
	);
	return Buffer.from(zipSync(parts, { level: 6 }));
}

/** A 1600 × 1200 JPEG with noise, so the encoder has real work. */
async function photo(): Promise<Buffer> {
	const width = 1600;
	const height = 1200;
	const pixels = randomBytes(width * height * 3);
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.blur(2)
		.jpeg({ quality: 85 })
		.withExif({ IFD0: { Make: "Bench" } })
		.toBuffer();
}

export async function runAttachmentBench(): Promise<string> {
	const policy = DEFAULT_POLICY;
	const lines: string[] = [];

	// PDF: 20 pages at 150 dpi, the full sanitiser (scan, pdfinfo, pdftoppm, rebuild) vs pdftoppm alone.
	const pdf = await cleanPdf(20);
	const dir = mkdtempSync(join(tmpdir(), "mamori-bench-pdf-"));
	const pdfPath = join(dir, "in.pdf");
	writeFileSync(pdfPath, pdf);
	const renderMs = await medianMs(ROUNDS, () =>
		execFileSync("pdftoppm", ["-r", String(PDF_DPI), "-jpeg", pdfPath, join(dir, "p")]),
	);
	rmSync(dir, { recursive: true, force: true });
	const pdfMs = await medianMs(ROUNDS, async () => {
		const result = await sanitizePdf(pdf, policy, rootContext(policy, Date.now() + 600_000));
		if (!result.ok) throw new Error(`PDF bench: ${result.reason}`);
	});
	lines.push(
		`| PDF → page images → image-only PDF (20 pages, ${PDF_DPI} dpi) | ${fixed(20_000 / pdfMs, 1)} pages/s | pdftoppm alone: ${fixed(20_000 / renderMs, 1)} pages/s |`,
	);

	// OOXML: rebuild of a ~8 MB docx vs unzip + zip with no edits.
	const docx = bigDocx(8);
	const detected = await detectType(docx);
	const megabytes = docx.length / (1024 * 1024);
	const plainMs = await medianMs(ROUNDS, () => zipSync(unzipSync(docx), { level: 6 }));
	const ooxmlMs = await medianMs(ROUNDS, async () => {
		const result = await sanitizeOoxml(docx, detected, policy, rootContext(policy));
		if (!result.ok) throw new Error(`OOXML bench: ${result.reason}`);
	});
	lines.push(
		`| OOXML rebuild (${fixed(megabytes, 1)} MB docx) | ${fixed(megabytes / (ooxmlMs / 1000), 1)} MB/s | fflate unzip + zip: ${fixed(megabytes / (plainMs / 1000), 1)} MB/s |`,
	);

	// Images: decode to pixels and encode fresh vs sharp's ordinary re-encode.
	const jpeg = await photo();
	const jpegType = await detectType(jpeg);
	const images = 10;
	const plainImageMs = await medianMs(ROUNDS, async () => {
		for (let index = 0; index < images; index++) await sharp(jpeg).jpeg({ quality: 90 }).toBuffer();
	});
	const imageMs = await medianMs(ROUNDS, async () => {
		for (let index = 0; index < images; index++) {
			const result = await sanitizeImage(jpeg, jpegType);
			if (!result.ok) throw new Error(`image bench: ${result.reason}`);
		}
	});
	lines.push(
		`| JPEG re-encode without metadata (1600 × 1200) | ${fixed((images * 1000) / imageMs, 1)} images/s | sharp re-encode: ${fixed((images * 1000) / plainImageMs, 1)} images/s |`,
	);

	// Worker: one small PNG per message, through a fresh worker vs a pooled one.
	const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#888" } })
		.png()
		.toBuffer();
	const message = [{ filename: "a.png", declaredType: "image/png", content: png }];
	const coldMs = await medianMs(ROUNDS, async () => {
		closeWorkerPool();
		await sanitizeAttachments(message, policy);
	});
	const warmMs = await medianMs(ROUNDS * 3, () => sanitizeAttachments(message, policy));
	closeWorkerPool();
	lines.push(
		`| One message with one small image, through the worker | ${fixed(warmMs, 0)} ms (pooled worker) | fresh worker per message: ${fixed(coldMs, 0)} ms |`,
	);

	return [
		"## Attachment sanitising",
		"",
		`Medians of ${ROUNDS} rounds on one core's worth of work; baselines are the plain library or tool doing the same I/O.`,
		"",
		"| What | Mamori | Baseline |",
		"| --- | --- | --- |",
		...lines,
		"",
	].join("\n");
}

if (import.meta.main) {
	console.log(await runAttachmentBench());
}
