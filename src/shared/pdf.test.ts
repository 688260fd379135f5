import assert from "node:assert/strict";
import { test } from "node:test";
import { pdfText } from "../../tests/helpers/pdf-text.ts";
import { Problem } from "../shared/problem.ts";
import { DEFAULT_PDF_FONT, renderPdf, resolvePdfFont } from "./pdf.ts";

test("a PDF with the Japanese font embedded, and its text readable", async () => {
	const bytes = await renderPdf({
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
	});
	assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
	const raw = bytes.toString("latin1");
	assert.ok(raw.includes("/FontFile2"), "the TrueType font program is embedded");
	assert.match(raw, /IPAexGothic/u, "the embedded font is IPAexGothic");
	const text = pdfText(bytes);
	if (text === null) return; // poppler-utils absent: the checks above still hold
	assert.match(text, /ソーシャルメディアの利用に関する規定がない。/u);
	assert.match(text, /特定個人情報の取扱い 60/u, "long tables continue onto further pages");
});

test("the font comes from MAMORI_PDF_FONT, with a clear error when it is missing", () => {
	assert.equal(resolvePdfFont({}), DEFAULT_PDF_FONT);
	assert.throws(
		() => resolvePdfFont({ MAMORI_PDF_FONT: "/nonexistent/font.ttf" }),
		(error: unknown) =>
			error instanceof Problem &&
			error.code === "unavailable" &&
			/MAMORI_PDF_FONT/u.test(error.message),
	);
});
