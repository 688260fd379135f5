import assert from "node:assert/strict";
import { test } from "node:test";
import { rawZip } from "../../../../tests/helpers/attachment-corpus.ts";
import { encodeSjis } from "../../../../tests/helpers/mail-corpus.ts";
import {
	DEFAULT_MAIL_SETTINGS,
	mergePolicy,
	settingsInputOf,
	validateMailSettings,
} from "../gateway/mail-settings.ts";
import { DEFAULT_POLICY } from "../sanitize.contract.ts";
import { recogniseContent, recogniseDeclaredType, recogniseName } from "./active-formats.ts";
import { detectType } from "./detect-type.ts";
import { officeXmlToText, rtfToText, sylkToText } from "./office-text.ts";
import { processAttachment } from "./process-attachment.ts";
import { decodeAttachmentText } from "./text-output.ts";

const WORD_XML =
	'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>本文</w:t></w:r></w:p></w:body></w:wordDocument>';

function utf16(text: string, endian: "le" | "be"): Buffer {
	const le = Buffer.from(`\ufeff${text}`, "utf16le");
	return endian === "le" ? le : Buffer.from(le).swap16();
}

test("active formats are recognised after a BOM and white space, in every encoding", async () => {
	const samples: [string, RegExp][] = [
		["ID;P\r\nC;Y1;X1;K1\r\nE\r\n", /SYLK/],
		["{\\rt hello}", /RTF/],
		[WORD_XML, /Word 2003 XML/],
		["WEB\r\n1\r\nhttp://x.example/\r\n", /IQY/],
		["[InternetShortcut]\r\nURL=http://x.example/\r\n", /Internet shortcut/],
		["Windows Registry Editor Version 5.00\r\n", /registry/],
		['TABLE\r\n0,1\r\n"EXCEL"\r\n', /DIF/],
	];
	for (const [text, name] of samples) {
		const encodings: [string, Buffer][] = [
			["utf-8", Buffer.from(`\ufeff \r\n\t${text}`)],
			["utf-16le", utf16(`  ${text}`, "le")],
			["utf-16be", utf16(`\n${text}`, "be")],
			["shift_jis", encodeSjis(`　\n${text}`)],
		];
		for (const [label, bytes] of encodings) {
			const detected = await detectType(bytes);
			assert.match(detected.format ?? "", name, `${label}: ${text.slice(0, 20)}`);
		}
	}
});

test("plain text, JSON, ordinary XML and prose that mentions a format stay text", () => {
	for (const text of [
		"議事録\r\n出席者: 山田\r\n",
		'{"id": 1}',
		'<?xml version="1.0"?><data><item>1</item></data>',
		"The file starts with ID; in SYLK.",
		"id;name\r\n1;x\r\n",
	]) {
		assert.equal(recogniseContent(text), null, text);
	}
});

test("Office XML is recognised by its markers wherever they are, not only at the start", () => {
	const padded = `<?xml version="1.0"?>\n<!--${"x".repeat(100_000)}-->\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"/>`;
	assert.match(recogniseContent(padded)?.format ?? "", /Flat OPC/);
	const sheet = '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Row/></Workbook>';
	assert.match(recogniseContent(sheet)?.format ?? "", /SpreadsheetML/);
});

test("names and declared types that Windows, Office or a browser act on", () => {
	for (const name of [
		"a.url",
		"A.REG",
		"x.scf",
		"b.library-ms",
		"c.settingcontent-ms",
		"q.iqy",
		"q.dqy",
		"s.slk",
		"r.rtf",
		"p.mht",
		"p.mhtml",
		"i.svg",
		"h.hta",
		"r.ps1",
		"v.vbs",
		"j.js",
		"j.jse",
		"w.wsf",
		"b.bat",
		"c.cmd",
		"l.lnk",
		"trailing.url. ",
	]) {
		assert.ok(recogniseName(name), name);
	}
	for (const name of ["a.txt", "a.csv", "a.xml", "a.json", "noext"])
		assert.equal(recogniseName(name), null, name);
	assert.equal(recogniseDeclaredType("text/html; charset=utf-8")?.category, "html");
	assert.equal(recogniseDeclaredType("application/rtf")?.category, "office-text");
	assert.equal(recogniseDeclaredType("application/vnd.ms-excel"), null, "how Windows sends a .csv");
});

test("the strictest of content, name and declared type wins", async () => {
	const text = Buffer.from("just words\n");
	const byType = await processAttachment(
		{ filename: "a.txt", declaredType: "text/html", content: text },
		DEFAULT_POLICY,
	);
	assert.deepEqual([byType.category, byType.action], ["html", "removed"]);
	const sylk = Buffer.from('ID;P\r\nC;Y1;X1;K"x"\r\nE\r\n');
	const asCsv = await processAttachment(
		{ filename: "t.csv", declaredType: "text/csv", content: sylk },
		DEFAULT_POLICY,
	);
	assert.deepEqual(
		[asCsv.category, asCsv.action, asCsv.output?.filename],
		["office-text", "sanitized", "t.txt"],
	);
	const rtfName = await processAttachment(
		{ filename: "n.rtf", declaredType: "application/rtf", content: text },
		DEFAULT_POLICY,
	);
	assert.deepEqual([rtfName.action, rtfName.output?.filename], ["sanitized", "n.txt"]);
	const held = await processAttachment(
		{ filename: "n.rtf", declaredType: "text/plain", content: Buffer.from("{\\rtf1 x}") },
		{ ...DEFAULT_POLICY, attachments: { ...DEFAULT_POLICY.attachments, "office-text": "hold" } },
	);
	assert.equal(held.action, "held", "the tenant's rule for office-text applies");
	const passed = await processAttachment(
		{ filename: "n.rtf", declaredType: "text/plain", content: Buffer.from("{\\rtf1 x}") },
		{ ...DEFAULT_POLICY, attachments: { ...DEFAULT_POLICY.attachments, "office-text": "pass" } },
	);
	assert.equal(passed.output?.filename, "n.txt", "pass is never as is: converted");
});

test("converted text keeps what is read and drops fields, objects and formulas", () => {
	const rtf =
		"{\\rtf1\\ansi\\ansicpg932{\\fonttbl{\\f0 MS Mincho;}}\\'8f\\'5a\\u27665?\\'95\\'5b{\\*\\objdata 0105}{\\field{\\*\\fldinst DDEAUTO cmd}{\\fldrslt 結果}}\\par 次\\tab 行}";
	assert.equal(rtfToText(rtf), "住民票結果\n次\t行");
	assert.equal(rtfToText(`${"{".repeat(5000)}x${"}".repeat(5000)}`), "", "deep nesting is bounded");
	assert.equal(
		sylkToText('ID;P\r\nC;Y1;X1;K"a;;b"\r\nC;X2;K2;ESUM(A1)\r\nC;Y2;X1;EEXEC("x")\r\nE\r\n'),
		"a;b\t2",
	);
	const xml =
		'<w:document xmlns:w="x"><w:body><w:p><w:r><w:instrText>DDEAUTO</w:instrText><w:t>一</w:t></w:r></w:p><w:p><w:r><w:t>二</w:t></w:r></w:p></w:body></w:document>';
	assert.equal(officeXmlToText(xml), "一\n二");
});

test("text is read in its declared charset first, then sniffed", () => {
	const sjis = encodeSjis("申請書");
	assert.deepEqual(decodeAttachmentText(sjis, "Shift_JIS"), {
		text: "申請書",
		charset: "shift_jis",
	});
	assert.deepEqual(decodeAttachmentText(sjis, null), { text: "申請書", charset: "shift_jis" });
	assert.equal(decodeAttachmentText(sjis, "utf-8").text, "申請書", "a wrong label is corrected");
	assert.equal(decodeAttachmentText(Buffer.from("abc"), "shift_jis").charset, "utf-8");
});

test("a tenant may convert, remove or hold Office documents written as text, never pass them", () => {
	const input = settingsInputOf(DEFAULT_MAIL_SETTINGS);
	assert.equal(input.attachments["office-text"], "sanitize", "converted by default");
	const refusal = (change: object) => {
		try {
			validateMailSettings({ ...input, ...change });
			return "";
		} catch (error) {
			return JSON.stringify(error);
		}
	};
	assert.match(
		refusal({ attachments: { ...input.attachments, "office-text": "pass" } }),
		/attachments\.office-text/,
	);
	assert.match(refusal({ releaseAsIs: ["office-text"] }), /releaseAsIs/);
	assert.equal(refusal({ attachments: { ...input.attachments, "office-text": "remove" } }), "");
	assert.equal(mergePolicy('{"office-text":"pass"}', null).attachments["office-text"], "sanitize");
	assert.equal(mergePolicy('{"office-text":"hold"}', null).attachments["office-text"], "hold");
});

test("archive members are judged the same way: by content, name and type", async () => {
	const zip = rawZip([
		{ name: "link.url", data: Buffer.from("just words\n") },
		{ name: "data.csv", data: Buffer.from('ID;P\r\nC;Y1;X1;K"x"\r\nE\r\n') },
		{ name: "memo.txt", data: Buffer.from("[InternetShortcut]\r\nURL=http://x.example/\r\n") },
		{ name: "名簿.csv", data: encodeSjis("氏名,式\r\n山田,=1+1\r\n") },
	]);
	const outcome = await processAttachment(
		{ filename: "a.zip", declaredType: "application/zip", content: zip },
		DEFAULT_POLICY,
	);
	const members = Object.fromEntries(
		(outcome.members ?? []).map((m) => [m.filename, [m.action, m.output?.filename]]),
	);
	assert.deepEqual(members["link.url"], ["removed", undefined]);
	assert.deepEqual(members["data.csv"], ["sanitized", "data.txt"]);
	assert.deepEqual(members["memo.txt"], ["removed", undefined]);
	assert.equal(members["名簿.csv"]?.[0], "sanitized");
});

test("UTF-16 text with a BOM is delivered as UTF-8; without a BOM it is not text", async () => {
	const withBom = await processAttachment(
		{ filename: "議事録.txt", declaredType: "text/plain", content: utf16("議事録\r\n", "le") },
		DEFAULT_POLICY,
	);
	assert.equal(withBom.action, "sanitized");
	assert.equal(withBom.output?.content.toString("utf8"), "議事録\r\n");
	assert.match(withBom.reason, /UTF-16LE to UTF-8/);
	const withoutBom = await processAttachment(
		{ filename: "a.txt", declaredType: "text/plain", content: Buffer.from("ID;P\r\n", "utf16le") },
		DEFAULT_POLICY,
	);
	assert.equal(withoutBom.action, "removed");
});
