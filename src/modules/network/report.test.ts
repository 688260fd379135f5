import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { pdfText } from "../../../tests/helpers/pdf-text.ts";
import { networkFindingText } from "../../shared/network-findings.ts";
import { loadBundledPack } from "../policies/pack/load-pack.ts";
import { checkModel } from "./check-model.ts";
import { parseModelFile } from "./load-model.ts";
import { networkReportPdf } from "./report-pdf.ts";
import { formatNetworkReport } from "./report-text.ts";
import { networkReportXlsx } from "./report-xlsx.ts";

const EXAMPLES = resolve(import.meta.dirname, "../../../examples/network");
const { model } = parseModelFile(
	readFileSync(resolve(EXAMPLES, "violations.yaml"), "utf8"),
	"yaml",
);
if (model === null) throw new Error("violations.yaml does not parse");
const pack = loadBundledPack("standard");
const report = checkModel(model, pack, { asOf: "2026-01" });

describe("network reports", () => {
	it("writes a PDF whose text (Japanese font embedded) names the violations", async (t) => {
		const issued = { at: "2026-12-05T03:00:00Z", style: "wareki" } as const;
		const bytes = await networkReportPdf(report, model, pack, "ja", issued);
		assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
		const text = pdfText(bytes);
		if (text === null) {
			t.skip("pdftotext (poppler-utils) is not installed");
			return;
		}
		// pdftotext drops a hyphen where a cell wraps, so compare without them.
		const flat = text.replace(/[\s-]+/g, "");
		assert.match(flat, /三層分離チェック結果/);
		assert.match(flat, /作成日令和8年12月5日/, "dated the tenant's way");
		assert.match(flat, /不適合/);
		assert.match(flat, /LGWAN接続系とインターネット接続系の無害化通信/);
		assert.match(flat, /基本方針6\(3\)②/);
		// A PDF for people: rule titles and names, not ids.
		assert.match(flat, /LGWAN接続系とインターネット接続系の無害化通信/);
		assert.doesNotMatch(flat, /network\.zones|allowedRoutes/);
		assert.match(flat, /多要素認証がない/);
	});

	it("writes an English PDF too", async (t) => {
		const issued = { at: "2026-12-05T03:00:00Z", style: "seireki" } as const;
		const text = pdfText(await networkReportPdf(report, model, pack, "en", issued));
		if (text === null) {
			t.skip("pdftotext (poppler-utils) is not installed");
			return;
		}
		assert.match(text.replace(/\s+/g, " "), /not compliant/);
		assert.match(text.replace(/\s+/g, " "), /Issued 5 Dec 2026/);
		assert.match(text.replace(/\s+/g, ""), /withoutpassingthesecuritycloud/);
	});

	it("writes a workbook with every violation, and a verdict for each flow", async () => {
		const bytes = await networkReportXlsx(report, model, "ja");
		const violations = await readTableSheet(bytes);
		assert.deepEqual(violations.rows[0], [
			"ルール",
			"通信",
			"ノード",
			"根拠",
			"内容",
			"是正策",
			"例外措置",
		]);
		assert.equal(violations.rows.length - 1, report.violations.length);
		// The words of the screen's catalogue: message and remedy of each finding, in Japanese.
		report.violations.forEach((v, i) => {
			const { message, remedy } = networkFindingText(v, "ja");
			assert.deepEqual(violations.rows[i + 1]?.slice(4, 6), [message, remedy]);
		});
	});

	it("formats a terminal table with one block per violation", () => {
		const text = formatNetworkReport(report, model, pack, "en");
		assert.match(text, /Result: not compliant {3}Violations 14/);
		assert.match(text, /^tier-isolation +flow f-mynumber-out +基本方針 6\(3\)①/m);
		assert.match(text, /^ {4}→ Send it through a mail sanitising, file-sanitising transfer or/m);
		assert.doesNotMatch(text, /\{\w+\}/, "every parameter filled in");
	});
});

/** The violations sheet: the workbook's second (`readTable` reads only the first). */
async function readTableSheet(bytes: Buffer) {
	const ExcelJS = (await import("exceljs")).default;
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[1];
	assert.ok(sheet !== undefined);
	const rows: string[][] = [];
	sheet.eachRow((row) => {
		const values = row.values as unknown[];
		rows.push(values.slice(1).map((v) => (v === null || v === undefined ? "" : String(v))));
	});
	return { rows };
}
