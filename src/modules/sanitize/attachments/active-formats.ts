import type { TypeCategory } from "../sanitize.contract.ts";

/**
 * Formats that Office, Windows or a browser open as something active although they are text:
 * recognised from the decoded content, from the file name and from the declared type. The
 * strictest of the three wins, so a `.txt` holding SYLK is SYLK and a `.url` holding prose is
 * still an Internet shortcut.
 */

/** A recognised active format. */
export interface ActiveFormat {
	category: TypeCategory;
	trueType: string;
	/** What it is, in English, for the reason and the notice (e.g. "SYLK spreadsheet"). */
	format: string;
}

/** How strict a category is: a higher rank wins over a lower one. */
export function strictness(category: TypeCategory): number {
	switch (category) {
		case "text":
			return 0;
		case "office-text":
			return 1;
		case "html":
		case "svg":
		case "script":
		case "executable":
		case "unknown":
			return 2;
		default:
			return 0;
	}
}

const format = (category: TypeCategory, trueType: string, name: string): ActiveFormat => ({
	category,
	trueType,
	format: name,
});

export const RTF = format("office-text", "application/rtf", "RTF document");
export const SYLK = format("office-text", "application/x-sylk", "SYLK spreadsheet");
export const DIF = format("office-text", "application/x-dif", "DIF spreadsheet");
export const WORD_XML = format("office-text", "application/vnd.ms-wordml+xml", "Word 2003 XML");
export const SPREADSHEET_XML = format(
	"office-text",
	"application/vnd.ms-spreadsheetml+xml",
	"Excel 2003 XML (SpreadsheetML)",
);
export const FLAT_OPC = format("office-text", "application/vnd.ms-flat-opc+xml", "Flat OPC");
const OFFICE_XML = format("office-text", "application/vnd.ms-office+xml", "Office XML");
const IQY = format("script", "text/x-ms-iqy", "Excel web query (IQY)");
const DQY = format("script", "application/x-ms-dqy", "Excel database query (DQY)");
const URL_SHORTCUT = format("script", "application/x-mswinurl", "Internet shortcut");
const SHELL_COMMAND = format("script", "application/x-ms-scf", "Explorer command file");
const REGISTRY = format("script", "text/x-ms-regedit", "registry file");
const SHELL_XML = format(
	"script",
	"application/x-ms-shell+xml",
	"Windows library, search connector or settings shortcut",
);
const WSF = format("script", "text/x-wsf", "Windows Script File");
const SCRIPT = format("script", "text/x-script", "script");
const MHTML = format("html", "application/x-mimearchive", "MHTML web archive");
const HTML = format("html", "text/html", "HTML");
const HTA = format("html", "application/hta", "HTML application (HTA)");
const SVG = format("svg", "image/svg+xml", "SVG image");
const SHORTCUT = format("executable", "application/x-ms-shortcut", "Windows shortcut");
const PROGRAM = format("executable", "application/x-msdownload", "Windows program");

/** Markers that make an XML file a Word, Excel or PowerPoint document (checked over all of it). */
const OFFICE_XML_MARKERS: readonly [RegExp, ActiveFormat][] = [
	[/<pkg:package[\s>]|schemas\.microsoft\.com\/office\/2006\/xmlPackage/i, FLAT_OPC],
	[/<w:wordDocument[\s>]|schemas\.microsoft\.com\/office\/word\/2003\/wordml/i, WORD_XML],
	[
		/urn:schemas-microsoft-com:office:(spreadsheet|excel)|progid\s*=\s*["']?Excel\./i,
		SPREADSHEET_XML,
	],
	[
		/<\?mso-|urn:schemas-microsoft-com:office:|schemas\.microsoft\.com\/office\/(word|excel|powerpoint)\/|schemas\.openxmlformats\.org\/(wordprocessingml|spreadsheetml|presentationml)\//i,
		OFFICE_XML,
	],
];

/** Formats recognised by how the text starts (after a BOM and white space). */
const STARTS: readonly [RegExp, ActiveFormat][] = [
	[/^\{\\rt/, RTF],
	[/^ID;/, SYLK],
	[/^TABLE\s*\r?\n\s*0\s*,\s*1\s*\r?\n/i, DIF],
	[/^WEB\s*\r?\n/i, IQY],
	[/^XLODBC\s*\r?\n/i, DQY],
	[/^(Windows Registry Editor Version|REGEDIT4?)\b/i, REGISTRY],
	[/^<(job|package)[\s>]/i, WSF],
	[
		/^(<\?xml[^>]*>\s*)?<(libraryDescription|searchConnectorDescription|PCSettings)[\s>]/i,
		SHELL_XML,
	],
];

/**
 * Sections that make an INI-style file a shortcut or an Explorer command, registry headers and
 * Windows shell XML, anywhere in the text: one pass, the group that matched names the format.
 */
const SECTIONS =
	/^[ \t]*\[(?:(InternetShortcut|\{000214A0-0000-0000-C000-000000000046\})|(Shell|Taskbar|\.ShellClassInfo))\][ \t]*$|^[ \t]*(Windows Registry Editor Version|REGEDIT4)\b|(schemas\.microsoft\.com\/windows\/2009\/(?:library|searchconnector))/im;

function section(text: string): ActiveFormat | null {
	const match = SECTIONS.exec(text);
	if (!match) return null;
	if (match[1]) return URL_SHORTCUT;
	if (match[2]) return SHELL_COMMAND;
	if (match[3]) return REGISTRY;
	return SHELL_XML;
}

/** A MIME header block at the start: MHTML (or a saved message) that a browser opens. */
const HEADER_BLOCK = /^(?:[A-Za-z][\w-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){1,100}/;

function mhtml(text: string): ActiveFormat | null {
	const head = HEADER_BLOCK.exec(text.slice(0, 65536))?.[0];
	if (!head || !/^(MIME-Version|Content-Type)\s*:/im.test(head)) return null;
	if (
		/^(Content-Type\s*:\s*(multipart\/related|text\/html)|(Snapshot-)?Content-Location\s*:)/im.test(
			head,
		)
	)
		return MHTML;
	return null;
}

/**
 * The active format decoded text is, from its content alone, or null for plain text.
 *
 * @example
 * recogniseContent('ID;P\r\nC;Y1;X1;EEXEC("calc")\r\nE'); // SYLK spreadsheet
 */
export function recogniseContent(text: string): ActiveFormat | null {
	const head = text.replace(/^[\ufeff\s\0]+/, "");
	for (const [pattern, found] of STARTS) if (pattern.test(head)) return found;
	if (head.startsWith("<")) {
		for (const [pattern, found] of OFFICE_XML_MARKERS) if (pattern.test(text)) return found;
	}
	return section(text) ?? mhtml(head);
}

/** Extensions that decide the format whatever the content (lower case, without the dot). */
const BY_EXTENSION: ReadonlyMap<string, ActiveFormat> = new Map([
	...["url", "website"].map((e) => [e, URL_SHORTCUT] as const),
	["scf", SHELL_COMMAND],
	["reg", REGISTRY],
	...["library-ms", "searchconnector-ms", "settingcontent-ms", "appref-ms", "application"].map(
		(e) => [e, SHELL_XML] as const,
	),
	["iqy", IQY],
	...["dqy", "oqy", "rqy"].map((e) => [e, DQY] as const),
	...[
		"ps1",
		"psm1",
		"psd1",
		"ps1xml",
		"psc1",
		"vbs",
		"vbe",
		"js",
		"jse",
		"mjs",
		"wsh",
		"bat",
		"cmd",
		"sct",
		"wsc",
		"inf",
		"msh",
		"sh",
	].map((e) => [e, SCRIPT] as const),
	["wsf", WSF],
	["lnk", SHORTCUT],
	...["exe", "com", "pif", "scr", "cpl", "msi", "msp", "dll", "jar"].map(
		(e) => [e, PROGRAM] as const,
	),
	...["hta"].map((e) => [e, HTA] as const),
	...["mht", "mhtml"].map((e) => [e, MHTML] as const),
	...["htm", "html", "xhtml", "xht", "shtml"].map((e) => [e, HTML] as const),
	...["svg", "svgz"].map((e) => [e, SVG] as const),
	["rtf", RTF],
	...["slk", "sylk"].map((e) => [e, SYLK] as const),
	["dif", DIF],
]);

/** The extension Windows goes by: the last one, lower case, trailing dots and spaces ignored. */
export function extensionOf(filename: string): string {
	const base = (filename.split(/[\\/]/).pop() ?? "").replace(/[.\s]+$/, "");
	const dot = base.lastIndexOf(".");
	return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** The active format a file name claims, or null. */
export function recogniseName(filename: string): ActiveFormat | null {
	return BY_EXTENSION.get(extensionOf(filename)) ?? null;
}

const BY_DECLARED_TYPE: readonly [RegExp, ActiveFormat][] = [
	[/^(text\/html|application\/xhtml\+xml)$/, HTML],
	[/^application\/hta$/, HTA],
	[/^(multipart\/related|application\/x-mimearchive|message\/rfc822)$/, MHTML],
	[/^image\/svg\+xml$/, SVG],
	[/^(application|text)\/(rtf|richtext)$/, RTF],
	[/^(application|text)\/(x-)?sylk$/, SYLK],
	[/^(application|text)\/(x-)?dif$/, DIF],
	[/^(text|application)\/x-ms-iqy$/, IQY],
	[/^(application\/(x-)?(internet-shortcut|url|mswinurl)|wwwserver\/redirection)$/, URL_SHORTCUT],
	[/^(text|application)\/x-ms-regedit$/, REGISTRY],
	[
		/^(text|application)\/(x-)?(javascript|ecmascript|jscript|vbscript|vbs|powershell|bat|msdos-batch|sh|shellscript|wsf)$/,
		SCRIPT,
	],
	[/^application\/x-ms-shortcut$/, SHORTCUT],
	[/^application\/(x-msdownload|x-msdos-program|x-dosexec|x-ms-installer)$/, PROGRAM],
];

/** The active format a declared Content-Type claims (parameters ignored), or null. */
export function recogniseDeclaredType(declared: string): ActiveFormat | null {
	const type = (declared.split(";")[0] ?? "").trim().toLowerCase();
	for (const [pattern, found] of BY_DECLARED_TYPE) if (pattern.test(type)) return found;
	return null;
}
