import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { pdfText } from "../../tests/helpers/pdf-text.ts";
import { Problem } from "../shared/problem.ts";
import { DEFAULT_PDF_FONT, IPAEX_PDF_FONT, renderPdf, resolvePdfFont } from "./pdf.ts";

/** Japanese text over pages, written with `font` (the default: the bundled one). */
function sample(font?: string) {
	return renderPdf(
		{
			title: "ギャップ分析",
			blocks: [
				{ kind: "heading", text: "欠落している規定" },
				{ kind: "paragraph", text: "ソーシャルメディアの利用に関する規定がない。" },
				{
					kind: "table",
					columns: [
						{ header: "規定", width: 2 },
						{ header: "判定", width: 1 },
					],
					rows: Array.from({ length: 60 }, (_, i) => [`特定個人情報の取扱い ${i + 1}`, "欠落"]),
				},
			],
		},
		font,
	);
}

function assertReadable(bytes: Buffer, fontName: RegExp) {
	assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
	const raw = bytes.toString("latin1");
	assert.ok(raw.includes("/FontFile2"), "the TrueType font program is embedded");
	assert.match(raw, fontName, "the embedded font is the one asked for");
	const text = pdfText(bytes);
	if (text === null) return; // poppler-utils absent: the checks above still hold
	assert.match(text, /ソーシャルメディアの利用に関する規定がない。/u);
	assert.match(text, /特定個人情報の取扱い 60/u, "long tables continue onto further pages");
}

test("with nothing but npm install, a PDF carries the bundled Japanese font and reads back", async () => {
	assert.ok(DEFAULT_PDF_FONT.includes("node_modules"), DEFAULT_PDF_FONT);
	assert.ok(!DEFAULT_PDF_FONT.startsWith("/usr/share/fonts"), "no system font is needed");
	const bytes = await sample();
	assertReadable(bytes, /NotoSansJP/u);
	assert.ok(
		bytes.length < 1_000_000,
		`a subset is embedded, not the whole font (${bytes.length} bytes)`,
	);
});

test("IPAexGothic stays an option through MAMORI_PDF_FONT", async (t) => {
	if (!existsSync(IPAEX_PDF_FONT)) return t.skip("fonts-ipaexfont-gothic is not installed");
	assertReadable(await sample(resolvePdfFont({ MAMORI_PDF_FONT: IPAEX_PDF_FONT })), /IPAexGothic/u);
});

test("the font comes from MAMORI_PDF_FONT when set, with a clear error when it is missing", () => {
	assert.equal(resolvePdfFont({}), DEFAULT_PDF_FONT);
	assert.throws(
		() => resolvePdfFont({ MAMORI_PDF_FONT: "/nonexistent/font.ttf" }),
		(error: unknown) =>
			error instanceof Problem &&
			error.code === "unavailable" &&
			/MAMORI_PDF_FONT/u.test(error.message),
	);
});
