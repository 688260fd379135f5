import assert from "node:assert/strict";
import { test } from "node:test";
import { strFromU8, unzipSync, zipSync } from "fflate";
import {
	docmWithMacro,
	docxWithExternals,
	ratioBombZip,
} from "../../../../tests/helpers/attachment-corpus.ts";
import { DEFAULT_POLICY } from "../sanitize.contract.ts";
import { detectType } from "./detect-type.ts";
import { stripDangerousFields } from "./ooxml-parts.ts";
import { rootContext } from "./process-attachment.ts";
import { sanitizeOoxml } from "./sanitize-ooxml.ts";

async function rebuild(content: Buffer) {
	const result = await sanitizeOoxml(
		content,
		await detectType(content),
		DEFAULT_POLICY,
		rootContext(DEFAULT_POLICY),
	);
	assert.ok(result.ok, result.ok ? "" : result.reason);
	return { result, parts: unzipSync(result.content) };
}

function text(parts: Record<string, Uint8Array>, name: string): string {
	const data = parts[name];
	assert.ok(data, `${name} is kept`);
	return strFromU8(data);
}

test("a docm loses its VBA project and becomes a docx", async () => {
	const { result, parts } = await rebuild(docmWithMacro());
	assert.deepEqual(
		Object.keys(parts).filter((name) => /vba/i.test(name)),
		[],
	);
	assert.equal(result.extension, "docx");
	assert.equal(
		result.contentType,
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	);
	const types = text(parts, "[Content_Types].xml");
	assert.doesNotMatch(types, /macroEnabled|vbaProject|vbaData/);
	assert.match(types, /wordprocessingml\.document\.main\+xml/);
	assert.doesNotMatch(text(parts, "word/_rels/document.xml.rels"), /vbaProject/);
	assert.match(text(parts, "word/document.xml"), /本文です/);
	assert.ok(result.findings.includes("word/vbaProject.bin: VBA macro project"));
	assert.ok(result.findings.includes("word/vbaData.xml: VBA macro data"));
	assert.match(
		result.reason,
		/^rebuilt without active content, delivered as \.docx; removed 2 item/,
	);
	assert.equal((await detectType(result.content)).extension, "docx");
});

test("external relationships, OLE objects and DDE fields are removed; the text stays", async () => {
	const { result, parts } = await rebuild(docxWithExternals());
	assert.deepEqual(
		Object.keys(parts).filter((name) => /embeddings|oleObject/i.test(name)),
		[],
	);
	for (const [name, data] of Object.entries(parts)) {
		const xml = strFromU8(data);
		assert.doesNotMatch(xml, /TargetMode="External"/, name);
		assert.doesNotMatch(xml, /\bDDE(AUTO)?\b/, name);
	}
	const document = text(parts, "word/document.xml");
	assert.doesNotMatch(document, /OLEObject|r:id="rId5"|r:id="rId6"/);
	assert.match(document, /表示テキスト/, "the DDE field's displayed result survives as text");
	assert.match(document, /リンク/, "the hyperlink's text survives");
	assert.match(document, /simple/);
	assert.match(document, /PAGE/, "ordinary fields are kept");
	assert.doesNotMatch(text(parts, "word/settings.xml"), /attachedTemplate/);
	assert.doesNotMatch(text(parts, "[Content_Types].xml"), /oleObject1/);
	for (const finding of [
		"DDEAUTO field in word/document.xml ×2",
		"word/embeddings/oleObject1.bin: OLE object",
		"embedded object or control (w:object) in word/document.xml",
	])
		assert.ok(result.findings.includes(finding), finding);
	assert.ok(
		result.findings.some((finding) => finding.startsWith("external attachedTemplate relationship")),
	);
	// Every internal relationship still points at a part that exists.
	for (const [name, data] of Object.entries(parts)) {
		if (!name.endsWith(".rels")) continue;
		for (const match of strFromU8(data).matchAll(/Target="([^"]+)"/g)) {
			const folder = name.replace(/_rels\/[^/]*$/, "");
			assert.ok(parts[`${folder}${match[1]}`] || parts[match[1] ?? ""], `${name} → ${match[1]}`);
		}
	}
});

test("complex DDE fields split over runs are stripped, ordinary fields kept", () => {
	const xml =
		'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DD</w:instrText></w:r><w:r><w:instrText>EAUTO cmd</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>after</w:t></w:r></w:p>';
	const result = stripDangerousFields(xml);
	assert.deepEqual(result.removed, ["DDEAUTO field"]);
	assert.equal(result.xml, "<w:p><w:r><w:t>after</w:t></w:r></w:p>");
});

test("an xlsm with a DDE external link loses the link and the macro type", async () => {
	const files = {
		"[Content_Types].xml": Buffer.from(
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/><Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
		),
		"_rels/.rels": Buffer.from(
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
		),
		"xl/workbook.xml": Buffer.from(
			'<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets/><externalReferences><externalReference r:id="rId3"/></externalReferences></workbook>',
		),
		"xl/_rels/workbook.xml.rels": Buffer.from(
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
		),
		"xl/externalLinks/externalLink1.xml": Buffer.from(
			'<externalLink><ddeLink ddeService="cmd" ddeTopic="/c calc"/></externalLink>',
		),
	};
	const { result, parts } = await rebuild(Buffer.from(zipSync(files)));
	assert.equal(result.extension, "xlsx");
	assert.ok(
		result.findings.includes("xl/externalLinks/externalLink1.xml: external workbook link"),
		result.findings.join(", "),
	);
	assert.deepEqual(
		Object.keys(parts).filter((name) => name.includes("externalLink")),
		[],
	);
	assert.doesNotMatch(text(parts, "xl/workbook.xml"), /externalReference/);
	assert.doesNotMatch(text(parts, "[Content_Types].xml"), /macroEnabled|externalLink/);
});

test("a document that expands like a bomb is held", async () => {
	const bomb = ratioBombZip(8);
	const entries = unzipSync(bomb);
	const files = {
		"[Content_Types].xml": Buffer.from("<Types/>"),
		"word/document.xml": entries["zeros.txt"] ?? new Uint8Array(),
	};
	const content = Buffer.from(zipSync(files, { level: 9 }));
	const result = await sanitizeOoxml(
		content,
		await detectType(content),
		DEFAULT_POLICY,
		rootContext(DEFAULT_POLICY),
	);
	assert.equal(result.ok, false);
	assert.match(result.ok ? "" : result.reason, /expands/);
});

test("a real workbook (ExcelJS) with an external hyperlink still loads after the rebuild", async () => {
	const { default: ExcelJS } = await import("exceljs");
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet("点検");
	sheet.getCell("A1").value = { text: "詳細はこちら", hyperlink: "http://phish.example/login" };
	sheet.getCell("B2").value = 42;
	const original = Buffer.from(await book.xlsx.writeBuffer());
	assert.match(original.toString("latin1"), /xl\/worksheets\/_rels/);
	const { result, parts } = await rebuild(original);
	assert.ok(
		result.findings.some((finding) => finding.startsWith("external hyperlink relationship")),
	);
	for (const [name, data] of Object.entries(parts))
		assert.doesNotMatch(strFromU8(data), /TargetMode="External"/, name);
	const sheetXml = Object.entries(parts).find(([name]) =>
		/^xl\/worksheets\/sheet\d+\.xml$/.test(name),
	)?.[1];
	assert.ok(sheetXml);
	assert.doesNotMatch(
		strFromU8(sheetXml),
		/<hyperlinks?\b/,
		"no dangling or empty hyperlink elements",
	);
	const reloaded = new ExcelJS.Workbook();
	await reloaded.xlsx.load(result.content as unknown as ArrayBuffer);
	const again = reloaded.getWorksheet("点検");
	assert.equal(again?.getCell("B2").value, 42);
	assert.match(String(again?.getCell("A1").text), /詳細はこちら/);
});
