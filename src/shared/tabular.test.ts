import assert from "node:assert/strict";
import { test } from "node:test";
import { Problem } from "../shared/problem.ts";
import {
	columnLetter,
	listOfValues,
	listSource,
	readTable,
	streamTable,
	writeXlsx,
} from "./tabular.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

test("an XLSX written here reads back cell for cell", async () => {
	const bytes = await writeXlsx([
		{
			name: "職員",
			header: ["職員番号", "氏名", "所属"],
			rows: [
				["0001", "山田 太郎", "情報政策課"],
				["0002", null, "情報政策課"],
				["0003", "佐藤, 花子", null],
			],
		},
	]);
	const table = await readTable(bytes);
	assert.equal(table.format, "xlsx");
	assert.equal(table.sheet, "職員");
	assert.deepEqual(table.rows, [
		["職員番号", "氏名", "所属"],
		["0001", "山田 太郎", "情報政策課"],
		["0002", "", "情報政策課"],
		["0003", "佐藤, 花子"],
	]);
});

test("column letters and list sources name cells as Excel does", () => {
	assert.deepEqual([0, 25, 26, 27, 701, 702].map(columnLetter), [
		"A",
		"Z",
		"AA",
		"AB",
		"ZZ",
		"AAA",
	]);
	assert.equal(listSource("所属コード", 0, 2, 40), "'所属コード'!$A$2:$A$40");
	assert.equal(listSource("O'Brien", 27, 2, 3), "'O''Brien'!$AB$2:$AB$3");
	assert.equal(listSource("空", 0, 2, 1), null, "an empty range gives no drop-down");
	assert.equal(listOfValues(["○", "×"]), '"○,×"');
});

test("CSV in UTF-8 with BOM, UTF-8 and Shift_JIS reads the same", async () => {
	const text = '職員番号,氏名,備考\r\n0001,山田 太郎,"改行\nあり, ""引用"""\r\n';
	const expected = [
		["職員番号", "氏名", "備考"],
		["0001", "山田 太郎", '改行\nあり, "引用"'],
	];
	const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
	assert.deepEqual((await readTable(bom)).rows, expected);
	assert.deepEqual((await readTable(utf8(text))).rows, expected);
	// 「職員番号」 in Shift_JIS, written by hand so the test needs no encoder.
	const sjisHeader = [0x90, 0x45, 0x88, 0xf5, 0x94, 0xd4, 0x8d, 0x86];
	const sjis = await readTable(
		new Uint8Array([...sjisHeader, 0x2c, 0x41, 0x0d, 0x0a, 0x31, 0x2c, 0x32]),
	);
	assert.equal(sjis.encoding, "shift_jis");
	assert.deepEqual(sjis.rows, [
		["職員番号", "A"],
		["1", "2"],
	]);
});

test("bad input gets a clear error naming what is wrong", async () => {
	const cases: [Uint8Array, string, RegExp][] = [
		[new Uint8Array(), "file_empty", /empty/],
		[new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]), "file_binary", /binary/],
		[new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "xlsx_unreadable", /not a readable/],
		[utf8('a,"b\n'), "csv_unclosed_quote", /Row 1: .*never closed/],
		[new Uint8Array([0xff, 0xfe, 0xfd, 0x41]), "file_encoding", /neither UTF-8 nor Shift_JIS/],
	];
	for (const [bytes, code, message] of cases) {
		await assert.rejects(
			readTable(bytes),
			(error: unknown) =>
				error instanceof Problem &&
				error.code === "validation_failed" &&
				error.issues[0]?.code === code &&
				message.test(error.message),
		);
	}
	await assert.rejects(
		readTable(utf8("a\n1\n2\n3\n"), {
			maxBytes: 1000,
			maxRows: 2,
			maxColumns: 5,
			maxCellLength: 10,
		}),
		/more than 2 data rows/,
	);
	await assert.rejects(
		readTable(utf8("a\nxxxxxxxxxxxx\n"), {
			maxBytes: 1000,
			maxRows: 5,
			maxColumns: 5,
			maxCellLength: 10,
		}),
		/Row 2, column 1 is longer than 10/,
	);
});

test("text columns are formatted as text, so Excel keeps a typed 2.10 as written", async () => {
	const { default: ExcelJS } = await import("exceljs");
	const file = await writeXlsx([
		{
			name: "項目",
			header: ["番号", "問い"],
			rows: [
				["2.10", "x"],
				["007", 3],
			],
			textColumns: [0],
		},
	]);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(file as unknown as ArrayBuffer);
	const sheet = book.getWorksheet("項目");
	assert.ok(sheet);
	assert.equal(sheet.getColumn(1).numFmt, "@", "the whole column, also rows not yet typed");
	assert.equal(sheet.getCell("A2").value, "2.10");
	assert.equal(sheet.getCell("A3").numFmt, "@", "every written cell of the column keeps it");
	assert.notEqual(sheet.getColumn(2).numFmt, "@");
	assert.notEqual(sheet.getCell("B3").numFmt, "@", "the format stays in its own column");
});

test("a CP932 CSV (Windows Shift_JIS, with 髙 and 﨑 from the IBM extensions) reads without mojibake", async () => {
	// 氏名 / 髙橋 / 山﨑 / ①, written byte by byte as Windows writes them.
	const bytes = new Uint8Array([
		0x8e, 0x81, 0x96, 0xbc, 0x0d, 0x0a, 0xfb, 0xfc, 0x8b, 0xb4, 0x0d, 0x0a, 0x8e, 0x52, 0xfa, 0xb1,
		0x0d, 0x0a, 0x87, 0x40, 0x0d, 0x0a,
	]);
	assert.equal(new TextDecoder("shift_jis").decode(bytes.subarray(6, 8)), "髙");
	assert.equal(new TextDecoder("shift_jis").decode(bytes.subarray(14, 16)), "﨑");
	const table = await readTable(bytes);
	assert.equal(table.encoding, "shift_jis");
	assert.deepEqual(table.rows, [["氏名"], ["髙橋"], ["山﨑"], ["①"]]);
	for await (const row of streamTable(bytes).rows) {
		assert.ok(!row.cells.join("").includes("\uFFFD"), row.cells.join());
	}
});

test("UTF-8 with and without BOM reads the same; undecodable bytes are a file error", async () => {
	const plain = utf8("氏名\r\n髙橋\r\n");
	const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
	assert.deepEqual((await readTable(plain)).rows, (await readTable(bom)).rows);
	assert.equal((await readTable(bom)).rows[0]?.[0], "氏名");
	const streamed = [];
	for await (const row of streamTable(bom).rows) streamed.push(row.cells);
	assert.deepEqual(streamed, [["氏名"], ["髙橋"]]);
	// 0x85 0x40 is an unassigned lead byte in CP932, 0xFF never valid: neither UTF-8 nor CP932.
	await assert.rejects(readTable(new Uint8Array([0x41, 0x2c, 0x85, 0x40, 0xff])), (error) => {
		assert.ok(error instanceof Problem);
		assert.equal(error.issues[0]?.code, "file_encoding");
		return true;
	});
});
