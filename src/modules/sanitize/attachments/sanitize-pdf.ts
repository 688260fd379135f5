import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { because, type CodedReason, type SanitizePolicy } from "../sanitize.contract.ts";
import { scanPdf } from "./pdf-scan.ts";
import type { ProcessContext, SanitizerResult } from "./process-attachment.ts";

/** Rendering resolution: legible for text, and what the benchmark measures. */
export const PDF_DPI = 150;
const PRLIMIT = "/usr/bin/prlimit";

interface ToolResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/**
 * Run a poppler tool with a wall-clock limit and an address-space limit (through `prlimit`, so a
 * hostile PDF cannot make the renderer eat the machine).
 */
function runTool(
	tool: string,
	args: string[],
	timeoutMs: number,
	memoryBytes: number,
): Promise<ToolResult> {
	const [file, argv] = existsSync(PRLIMIT)
		? [PRLIMIT, [`--as=${memoryBytes}`, "--", tool, ...args]]
		: [tool, args];
	return new Promise((resolve) => {
		execFile(
			file,
			argv,
			{
				timeout: Math.max(1, timeoutMs),
				killSignal: "SIGKILL",
				maxBuffer: 4 * 1024 * 1024,
				encoding: "utf8",
			},
			(error, stdout, stderr) => {
				const failure = error as
					| (Error & { code?: number | string; signal?: NodeJS.Signals })
					| null;
				resolve({
					code: failure ? (typeof failure.code === "number" ? failure.code : -1) : 0,
					signal: failure?.signal ?? null,
					stdout,
					stderr,
				});
			},
		);
	});
}

/** Width and height of a baseline or progressive JPEG, from its SOF marker. */
export function jpegSize(jpeg: Buffer): { width: number; height: number } {
	let at = 2;
	while (at + 9 < jpeg.length) {
		if (jpeg[at] !== 0xff) throw new Error("not a JPEG marker");
		const marker = jpeg[at + 1] ?? 0;
		const length = jpeg.readUInt16BE(at + 2);
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
		}
		at += 2 + length;
	}
	throw new Error("no JPEG frame header");
}

/** A new PDF holding only the page images, each page the size of the original page. */
export async function imagesToPdf(pages: readonly Buffer[], dpi = PDF_DPI): Promise<Buffer> {
	const { default: PdfDocument } = await import("pdfkit");
	const doc = new PdfDocument({
		autoFirstPage: false,
		info: { Producer: "Mamori", Creator: "Mamori" },
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolveDone, reject) => {
		doc.on("data", (chunk: Buffer) => chunks.push(chunk));
		doc.on("end", () => resolveDone(Buffer.concat(chunks)));
		doc.on("error", reject);
	});
	for (const page of pages) {
		const { width, height } = jpegSize(page);
		const size: [number, number] = [(width * 72) / dpi, (height * 72) / dpi];
		doc.addPage({ size, margin: 0 });
		doc.image(page, 0, 0, { width: size[0], height: size[1] });
	}
	doc.end();
	return done;
}

/** Pages bigger than this at 150 dpi (an A0 poster is 35 million) are held, not rendered. */
export const MAX_PAGE_PIXELS = 60_000_000;

/** The first page (from `pdfinfo -f -l`) too large to rasterise, as a reason; null if none. */
function oversizedPage(pdfinfo: string): CodedReason | null {
	for (const match of pdfinfo.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
		const pixels = ((Number(match[2]) * PDF_DPI) / 72) * ((Number(match[3]) * PDF_DPI) / 72);
		if (!(pixels <= MAX_PAGE_PIXELS)) {
			return because("pdf_page_too_large", `page ${match[1]} is too large to render`, {
				page: Number(match[1]),
			});
		}
	}
	return null;
}

function pageNumber(file: string): number {
	return Number(/-(\d+)\.jpg$/.exec(file)?.[1] ?? 0);
}

/** What poppler says when a document cannot be opened without its user password. */
const NEEDS_PASSWORD = /incorrect password|password required|encrypted.*password|security handler/i;

/** Held: a PDF that does not open without a password cannot be rendered or inspected. */
export const PASSWORD_REASON = "encrypted PDF: a password is needed to open it";

/**
 * How the report describes an `/Encrypt` dictionary in a PDF that opened without a password:
 * poppler reports the document encrypted when pages and strings are (an owner password only),
 * and not when only embedded files are (`/EFF` with `/StmF /StrF /Identity`).
 */
function encryptionFinding(pdfinfo: string): string {
	return /^Encrypted:\s+yes/m.test(pdfinfo)
		? "/Encrypt: owner password only (opens without a password; permissions ignored)"
		: "/Encrypt: only embedded files are encrypted (the pages are not)";
}

/**
 * Render every page at 150 dpi with pdftoppm and rebuild an image-only PDF; scan the original for
 * active content for the report. PDFs that need a password to open, unrenderable or too-long PDFs
 * are held; an owner password (permissions) or encrypted embedded files alone are not a reason to
 * hold, since poppler opens those with the empty user password.
 */
export async function sanitizePdf(
	content: Buffer,
	policy: SanitizePolicy,
	context: ProcessContext,
): Promise<SanitizerResult> {
	const { findings, encrypted } = scanPdf(content);
	const memory = Math.max(256, policy.limits.workerMemoryMb * 2) * 1024 * 1024;
	const dir = await mkdtemp(join(tmpdir(), "mamori-pdf-"));
	try {
		const source = join(dir, "in.pdf");
		await writeFile(source, content, { mode: 0o600 });
		const info = await runTool(
			"pdfinfo",
			["-f", "1", "-l", String(policy.limits.maxPdfPages), source],
			context.deadline - Date.now(),
			memory,
		);
		if (info.signal)
			return {
				ok: false,
				...because("pdf_analysis_limits", "PDF analysis ran out of time or memory"),
				findings,
			};
		if (info.code !== 0 && NEEDS_PASSWORD.test(info.stderr))
			return { ok: false, ...because("pdf_password", PASSWORD_REASON), findings };
		if (encrypted || /^Encrypted:\s+yes/m.test(info.stdout))
			findings.push(encryptionFinding(info.stdout));
		const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? Number.NaN);
		if (info.code !== 0 || !Number.isInteger(pages) || pages < 1) {
			return { ok: false, ...because("pdf_unreadable", "PDF cannot be read"), findings };
		}
		if (pages > policy.limits.maxPdfPages) {
			return {
				ok: false,
				...because(
					"pdf_too_many_pages",
					`${pages} pages, more than the limit of ${policy.limits.maxPdfPages}`,
					{ pages, max: policy.limits.maxPdfPages },
				),
				findings,
			};
		}
		const oversized = oversizedPage(info.stdout);
		if (oversized) return { ok: false, ...oversized, findings };
		const render = await runTool(
			"pdftoppm",
			[
				"-r",
				String(PDF_DPI),
				"-jpeg",
				"-jpegopt",
				"quality=85",
				"-l",
				String(pages),
				source,
				join(dir, "page"),
			],
			context.deadline - Date.now(),
			memory,
		);
		if (render.signal)
			return {
				ok: false,
				...because("pdf_render_limits", "PDF rendering ran out of time or memory"),
				findings,
			};
		if (render.code !== 0 && NEEDS_PASSWORD.test(render.stderr))
			return { ok: false, ...because("pdf_password", PASSWORD_REASON), findings };
		const files = (await readdir(dir)).filter((file) => /^page-\d+\.jpg$/.test(file));
		// pdftoppm answers an impossible allocation with a 1×1 page and exit status 0.
		if (render.code !== 0 || files.length !== pages || /memory allocation/i.test(render.stderr)) {
			return {
				ok: false,
				...because("pdf_render_failed", "PDF pages cannot be rendered"),
				findings,
			};
		}
		files.sort((a, b) => pageNumber(a) - pageNumber(b));
		const images = await Promise.all(files.map((file) => readFile(join(dir, file))));
		return {
			ok: true,
			content: await imagesToPdf(images),
			contentType: "application/pdf",
			extension: "pdf",
			...because("pdf_rebuilt", `rebuilt from ${pages} page image(s) at ${PDF_DPI} dpi`, {
				pages,
				dpi: PDF_DPI,
			}),
			findings,
		};
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
