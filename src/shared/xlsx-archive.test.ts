import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { crc32, deflateRawSync } from "node:zlib";
import { corruptPart, sheetFirst, sheetFirstBomb } from "../../tests/helpers/xlsx-bomb.ts";
import { Problem } from "./problem.ts";
import { readTable, streamTable, writeXlsx } from "./tabular.ts";
import { boundedWorkbook, DEFAULT_XLSX_LIMITS, type XlsxLimits } from "./xlsx-archive.ts";
import { assembleZip, copyOf, readZipDirectory } from "./zip.ts";

// A private temporary directory: whatever the reader spools would show up here.
const privateTmp = mkdtempSync(join(tmpdir(), "mamori-xlsx-tmp-"));
process.env.TMPDIR = privateTmp;
after(() => rmSync(privateTmp, { recursive: true, force: true }));

const MB = 1024 * 1024;

function issueOf(code: string, params: Record<string, string | number> = {}) {
	return (error: unknown) => {
		assert.ok(error instanceof Problem, String(error));
		assert.equal(error.code, "validation_failed");
		const [issue] = error.issues;
		assert.equal(issue?.code, code, JSON.stringify(error.issues));
		for (const [name, value] of Object.entries(params)) assert.equal(issue?.params?.[name], value);
		assert.doesNotMatch(
			`${error.message} ${issue?.message}`,
			/Invalid string length|central directory|FILE_ENDED|invalid distance|unexpected end/i,
		);
		return true;
	};
}

test("a workbook whose sheet comes before workbook.xml reads, and leaves no temporary file", async () => {
	const workbook = sheetFirst([
		["資産番号", "資産名"],
		["A-1", "住民記録システム"],
	]);
	const table = await readTable(workbook);
	assert.deepEqual(table.rows, [
		["資産番号", "資産名"],
		["A-1", "住民記録システム"],
	]);
	const rows = [];
	for await (const row of streamTable(workbook).rows) {
		rows.push(row.cells);
		break; // an import that stops at a bad header must not leave a spooled sheet either
	}
	assert.deepEqual(rows, [["資産番号", "資産名"]]);
	assert.deepEqual(readdirSync(privateTmp), []);
});

test("the tester's bomb (3 MB of sheet before the workbook, 1 GB inflated) is refused at once", async () => {
	const bomb = sheetFirstBomb(1024);
	assert.ok(bomb.length < 4 * MB, `the bomb is ${bomb.length} bytes`);
	const started = performance.now();
	await assert.rejects(
		readTable(bomb),
		issueOf("xlsx_part_too_large", { part: "xl/worksheets/sheet1.xml", limit: 256 }),
	);
	await assert.rejects(async () => {
		for await (const _ of streamTable(bomb).rows);
	}, issueOf("xlsx_part_too_large"));
	assert.ok(performance.now() - started < 10_000);
	assert.deepEqual(readdirSync(privateTmp), []);
});

/** `workbook` with the sheet's declared uncompressed size replaced by a small lie. */
function lyingAboutSize(workbook: Buffer): Buffer {
	const copy = Buffer.from(workbook);
	const [sheet] = readZipDirectory(copy, 100);
	assert.equal(sheet?.name, "xl/worksheets/sheet1.xml");
	copy.writeUInt32LE(1000, sheet.localHeaderOffset + 22);
	const eocd = copy.length - 22;
	copy.writeUInt32LE(1000, copy.readUInt32LE(eocd + 16) + 24);
	return copy;
}

test("declared sizes are not believed: inflation stops at the cap", async () => {
	const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, maxPartBytes: 8 * MB };
	const liar = lyingAboutSize(sheetFirstBomb(64));
	assert.equal(readZipDirectory(liar, 100)[0]?.declaredSize, 1000);
	await assert.rejects(boundedWorkbook(liar, limits), issueOf("xlsx_part_too_large", { limit: 8 }));
	const ratio = lyingAboutSize(sheetFirstBomb(64));
	await assert.rejects(
		boundedWorkbook(ratio, { ...DEFAULT_XLSX_LIMITS, maxRatio: 10 }),
		issueOf("xlsx_ratio", { part: "xl/worksheets/sheet1.xml", limit: 10 }),
	);
});

test("part count, total size and ratio have their own limits", async () => {
	const workbook = sheetFirst([["a"]]);
	await assert.rejects(
		boundedWorkbook(workbook, { ...DEFAULT_XLSX_LIMITS, maxParts: 3 }),
		issueOf("xlsx_too_many_parts", { parts: 5, limit: 3 }),
	);
	const big = sheetFirstBomb(6);
	await assert.rejects(
		boundedWorkbook(big, { ...DEFAULT_XLSX_LIMITS, maxTotalBytes: 4 * MB, maxRatio: 10_000 }),
		issueOf("xlsx_too_large", { limit: 4 }),
	);
	await assert.rejects(
		boundedWorkbook(big, { ...DEFAULT_XLSX_LIMITS, maxRatio: 20 }),
		issueOf("xlsx_ratio", { limit: 20 }),
	);
	// Shared strings are held in memory: their own, tighter bound.
	const strings = Buffer.from(`<sst>${"<si><t>x</t></si>".repeat(200_000)}</sst>`);
	const withStrings = assembleZip([
		...readZipDirectory(workbook, 10).map((entry) => copyOf(workbook, entry)),
		{
			name: "xl/sharedStrings.xml",
			method: 8,
			crc32: crc32(strings),
			size: strings.length,
			data: deflateRawSync(strings),
		},
	]);
	await assert.rejects(
		boundedWorkbook(withStrings, {
			...DEFAULT_XLSX_LIMITS,
			maxSharedStringsBytes: MB,
			maxRatio: 1e4,
		}),
		issueOf("xlsx_part_too_large", { part: "xl/sharedStrings.xml", limit: 1 }),
	);
	await boundedWorkbook(withStrings, { ...DEFAULT_XLSX_LIMITS, maxRatio: 1e4 });
	// Under the ratio floor a part may compress as well as it likes (a page of blank cells).
	const blank = Buffer.from(" ".repeat(512 * 1024));
	const padded = assembleZip([
		...readZipDirectory(workbook, 10).map((entry) => copyOf(workbook, entry)),
		{
			name: "xl/blank.xml",
			method: 8,
			crc32: crc32(blank),
			size: blank.length,
			data: deflateRawSync(blank),
		},
	]);
	await boundedWorkbook(padded, { ...DEFAULT_XLSX_LIMITS, maxRatio: 2 });
});

test("a damaged workbook is named by part, sheet and row, never in the library's words", async () => {
	const workbook = sheetFirst([["a"], ["b"]]);
	await assert.rejects(
		readTable(corruptPart(workbook, "xl/worksheets/sheet1.xml")),
		issueOf("xlsx_part_unreadable", { part: "xl/worksheets/sheet1.xml" }),
	);
	await assert.rejects(
		readTable(workbook.subarray(0, workbook.length - 30)),
		issueOf("xlsx_unreadable"),
	);
	const written = await writeXlsx([{ name: "台帳", header: ["a"], rows: [["1"], ["2"]] }]);
	const entries = readZipDirectory(written, 100);
	const withoutWorkbook = assembleZip(
		entries.filter((entry) => entry.name !== "xl/workbook.xml").map((e) => copyOf(written, e)),
	);
	await assert.rejects(
		readTable(withoutWorkbook),
		issueOf("xlsx_part_unreadable", { part: "xl/workbook.xml" }),
	);
	// Broken XML in the sheet: ExcelJS's parser fails; the person reads the sheet and the row.
	const xml = Buffer.from(
		'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>b</is></c></row></sheetData></worksheet>',
	);
	const brokenXml = assembleZip(
		entries.map((entry) =>
			entry.name === "xl/worksheets/sheet1.xml"
				? { name: entry.name, method: 0, crc32: crc32(xml), size: xml.length, data: xml }
				: copyOf(written, entry),
		),
	);
	await assert.rejects(readTable(brokenXml), (error: unknown) => {
		assert.ok(error instanceof Problem);
		const issue = error.issues[0];
		assert.equal(issue?.code, "xlsx_sheet_unreadable", JSON.stringify(error.issues));
		assert.equal(issue?.params?.sheet, "台帳");
		return issueOf("xlsx_sheet_unreadable")(error);
	});
	assert.deepEqual(readdirSync(privateTmp), []);
});

test("a workbook whose relationships part says nothing is never spooled either", async () => {
	const workbook = sheetFirst([["a"], ["b"]]);
	for (const text of ["", "<x/>"]) {
		const junk = Buffer.from(text);
		const odd = assembleZip(
			readZipDirectory(workbook, 10).map((entry) =>
				entry.name === "xl/_rels/workbook.xml.rels"
					? { name: entry.name, method: 0, crc32: crc32(junk), size: junk.length, data: junk }
					: copyOf(workbook, entry),
			),
		);
		try {
			assert.deepEqual((await readTable(odd)).rows, [["a"], ["b"]]);
		} catch (error) {
			issueOf("xlsx_unreadable")(error);
		}
		assert.deepEqual(readdirSync(privateTmp), [], `relationships ${JSON.stringify(text)}`);
	}
});
