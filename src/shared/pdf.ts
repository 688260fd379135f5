import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { Problem } from "../shared/problem.ts";

/**
 * Noto Sans JP Regular (SIL Open Font License 1.1), installed by `npm install` with the package
 * `@expo-google-fonts/noto-sans-jp`: a machine with only Node and npm can write Japanese PDFs.
 */
export const DEFAULT_PDF_FONT = createRequire(import.meta.url).resolve(
	"@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
);

/** Debian's IPAexGothic (package `fonts-ipaexfont-gothic`): an option through `MAMORI_PDF_FONT`. */
export const IPAEX_PDF_FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

/** One block of a document, drawn top to bottom. */
export type PdfBlock =
	| { kind: "heading"; text: string }
	| { kind: "paragraph"; text: string; muted?: boolean }
	| {
			kind: "table";
			columns: { header: string; width: number }[];
			rows: string[][];
	  };

export interface PdfDocumentSpec {
	title: string;
	/** Document metadata; shown by viewers, not on the page. */
	author?: string;
	blocks: PdfBlock[];
}

/**
 * The font file to embed: `MAMORI_PDF_FONT` if set (for example IPAexGothic, `IPAEX_PDF_FONT`),
 * else the bundled Noto Sans JP. Japanese text needs a font that carries it, and the closed
 * networks we run on have no font service to fall back on. pdfkit embeds only the glyphs used.
 *
 * @throws Problem `unavailable` naming the variable and the package when no font file is found.
 */
export function resolvePdfFont(env: NodeJS.ProcessEnv = process.env): string {
	const configured = env.MAMORI_PDF_FONT?.trim();
	const path = configured || DEFAULT_PDF_FONT;
	if (!existsSync(path)) {
		throw new Problem(
			"unavailable",
			configured
				? `MAMORI_PDF_FONT points to ${path}, which does not exist; set it to a TrueType/OpenType font with Japanese glyphs`
				: `no Japanese font for PDF output at ${path}: run npm install (it brings @expo-google-fonts/noto-sans-jp) or set MAMORI_PDF_FONT to a TrueType/OpenType font file`,
		);
	}
	return path;
}

const MARGIN = 40;
const CELL_PAD = 4;
const FONT_NAME = "body";

/**
 * Render a simple A4 document (title, headings, paragraphs, ruled tables) with the Japanese font
 * embedded as a subset, so the file reads the same on any machine.
 *
 * @example
 * const bytes = await renderPdf({
 *   title: "ギャップ分析",
 *   blocks: [{ kind: "table", columns: [{ header: "項目", width: 1 }], rows: [["目的"]] }],
 * });
 */
export async function renderPdf(
	spec: PdfDocumentSpec,
	fontPath: string = resolvePdfFont(),
): Promise<Buffer> {
	// pdfkit is large: loaded on the first PDF, not at start-up.
	const { default: PdfDocument } = await import("pdfkit");
	const doc = new PdfDocument({
		size: "A4",
		margin: MARGIN,
		info: { Title: spec.title, ...(spec.author ? { Author: spec.author } : {}) },
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolveDone, reject) => {
		doc.on("data", (chunk: Buffer) => chunks.push(chunk));
		doc.on("end", () => resolveDone(Buffer.concat(chunks)));
		doc.on("error", reject);
	});
	doc.registerFont(FONT_NAME, fontPath);
	doc.font(FONT_NAME);

	doc.fontSize(16).text(spec.title);
	doc.moveDown(0.5);
	for (const block of spec.blocks) {
		switch (block.kind) {
			case "heading":
				doc.moveDown(0.5).fontSize(12).fillColor("black").text(block.text).moveDown(0.3);
				break;
			case "paragraph":
				doc
					.fontSize(9)
					.fillColor(block.muted ? "#555555" : "black")
					.text(block.text)
					.moveDown(0.3);
				doc.fillColor("black");
				break;
			case "table":
				drawTable(doc, block.columns, block.rows);
				break;
		}
	}
	doc.end();
	return done;
}

/** A ruled table; columns share the page width by their relative `width`; rows never split. */
function drawTable(
	doc: PDFKit.PDFDocument,
	columns: { header: string; width: number }[],
	rows: string[][],
): void {
	const usable = doc.page.width - MARGIN * 2;
	const total = columns.reduce((sum, column) => sum + column.width, 0) || 1;
	const widths = columns.map((column) => (usable * column.width) / total);
	const drawRow = (cells: string[], header: boolean) => {
		doc.fontSize(header ? 8.5 : 8);
		const height =
			Math.max(
				...cells.map((cell, i) =>
					doc.heightOfString(cell || " ", { width: (widths[i] ?? 0) - CELL_PAD * 2 }),
				),
			) +
			CELL_PAD * 2;
		if (doc.y + height > doc.page.height - MARGIN) {
			doc.addPage();
			doc.fontSize(header ? 8.5 : 8);
		}
		const top = doc.y;
		let x = MARGIN;
		cells.forEach((cell, i) => {
			const width = widths[i] ?? 0;
			if (header) doc.rect(x, top, width, height).fillAndStroke("#eeeeee", "#999999");
			else doc.rect(x, top, width, height).stroke("#999999");
			doc.fillColor("black").text(cell, x + CELL_PAD, top + CELL_PAD, {
				width: width - CELL_PAD * 2,
			});
			x += width;
		});
		doc.x = MARGIN;
		doc.y = top + height;
	};
	doc.lineWidth(0.5);
	drawRow(
		columns.map((column) => column.header),
		true,
	);
	for (const row of rows) drawRow(row, false);
	doc.moveDown(0.5);
}
