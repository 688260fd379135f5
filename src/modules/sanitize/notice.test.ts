import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { removalNotice } from "./notice.ts";
import type { AttachmentOutcome } from "./sanitize.contract.ts";

const removed: AttachmentOutcome = {
	filename: "請求書.pdf",
	trueType: "application/pdf",
	category: "pdf",
	size: 2048,
	sha256: "ab".repeat(32),
	action: "removed",
	reason: "policy removes: PDF document",
	reasonCode: "policy_removes",
	reasonParams: { category: "pdf" },
	findings: [],
};

describe("the removal notice", () => {
	it("gives a coded reason in the catalogue's Japanese, then its English", () => {
		const text = removalNotice({ removed: [removed], dropped: [] });
		const lines = text.split("\n");
		const at = lines.indexOf("  ・請求書.pdf (application/pdf, 2,048 bytes)");
		assert.ok(at >= 0, text);
		assert.deepEqual(lines.slice(at + 1, at + 4), [
			`    SHA-256: ${"ab".repeat(32)}`,
			"    理由: 無害化の設定により、PDFを削除しました。",
			"    Reason: The sanitising settings remove PDF; removed.",
		]);
		assert.doesNotMatch(text, /policy removes/, "the sanitiser's English stays in the report");
	});

	it("words a category parameter by the vocabulary in each language", () => {
		const text = removalNotice({
			removed: [
				{
					...removed,
					category: "executable",
					reasonCode: "category_never",
					reasonParams: { category: "executable" },
				},
			],
			dropped: [],
		});
		assert.match(text, /理由: 実行ファイルは、どの設定でも届けない種類のため削除しました。/);
		assert.match(text, /Reason: Executables: never delivered; removed\./);
		assert.doesNotMatch(text, /\{\w+\}/);
	});

	it("falls back to the sanitiser's own words only when the outcome has no code", () => {
		const { reasonCode: _code, reasonParams: _params, ...uncoded } = removed;
		const text = removalNotice({ removed: [uncoded], dropped: [] });
		assert.match(text, /^ {4}理由 \/ Reason: policy removes: PDF document$/m);
		assert.doesNotMatch(text, /^ {4}理由: /m);
	});

	it("tells a converted attachment what was done, from the catalogue too", () => {
		const text = removalNotice({
			removed: [],
			dropped: [],
			converted: [
				{
					...removed,
					filename: "report.xml",
					trueType: "application/xml",
					category: "office-text",
					format: "Word 2003 XML",
					action: "sanitized",
					reason: "converted to text",
					reasonCode: "office_text_converted",
					reasonParams: {},
					output: { filename: "report.txt", contentType: "text/plain", content: Buffer.from("") },
				},
			],
		});
		assert.match(text, /・report\.xml → report\.txt \(Word 2003 XML, application\/xml\)/);
		assert.match(text, /^ {4}変換: テキスト（\.txt）に変換して届けました。/m);
		assert.match(text, /^ {4}Done: Converted to plain text \(\.txt\);/m);
	});

	it("is empty when nothing was removed or converted", () => {
		assert.equal(removalNotice({ removed: [], dropped: [] }), "");
	});
});
