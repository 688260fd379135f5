import type { TypeCategory } from "../sanitize.contract.ts";

/** What a text file turned out to be. */
export interface TextVerdict {
	category: Extract<TypeCategory, "text" | "html" | "svg" | "script" | "unknown">;
	trueType: string;
	/** The charset the bytes decoded with, e.g. `utf-8`, `shift_jis`. */
	charset: string;
	findings: string[];
}

/** Decoders tried in order; each must accept the whole file without a single invalid byte. */
const CHARSETS = ["utf-8", "shift_jis", "euc-jp", "iso-2022-jp"] as const;

/** Decode as text, or null when the bytes are binary (NUL bytes, invalid sequences, controls). */
export function decodeText(content: Buffer): { text: string; charset: string } | null {
	if (content.length >= 2) {
		const bom = content.readUInt16BE(0);
		const utf16 = bom === 0xfffe ? "utf-16le" : bom === 0xfeff ? "utf-16be" : null;
		if (utf16) {
			try {
				const text = new TextDecoder(utf16, { fatal: true }).decode(content.subarray(2));
				return hasBinaryControls(text) ? null : { text, charset: utf16 };
			} catch {
				return null;
			}
		}
	}
	if (content.includes(0)) return null;
	for (const charset of CHARSETS) {
		// ISO-2022-JP is 7-bit with escape sequences; without ESC it is plain ASCII (utf-8 accepted).
		if (charset === "iso-2022-jp" && !content.includes(0x1b)) continue;
		try {
			const text = new TextDecoder(charset, { fatal: true }).decode(content);
			if (hasBinaryControls(text)) return null;
			return { text: text.startsWith("\ufeff") ? text.slice(1) : text, charset };
		} catch {
			// try the next charset
		}
	}
	return null;
}

/** More than a trace of C0 controls (other than tab, newlines, form feed, ESC, ^Z) means binary. */
function hasBinaryControls(text: string): boolean {
	let controls = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (
			code < 0x20 &&
			code !== 9 &&
			code !== 10 &&
			code !== 13 &&
			code !== 12 &&
			code !== 27 &&
			code !== 26
		) {
			controls++;
		}
	}
	return controls > Math.max(2, text.length / 1000);
}

/** Phrases that only turn up in scripts meant to run on Windows (or to fetch something that does). */
const STRONG_SCRIPT_MARKERS: readonly [RegExp, string][] = [
	[/\bActiveXObject\b/i, "ActiveXObject"],
	[/\bWScript\.\w+/i, "WScript"],
	[/\bCreateObject\s*\(/i, "CreateObject"],
	[/\bGetObject\s*\(/i, "GetObject"],
	[/\bShell\.Application\b/i, "Shell.Application"],
	[/\bExecuteGlobal\b/i, "ExecuteGlobal"],
	[/\bInvoke-(Expression|WebRequest|RestMethod)\b/i, "PowerShell Invoke-*"],
	[/\bIEX\s*[(\s$]/, "PowerShell IEX"],
	[/\bNew-Object\s+(System\.)?Net\.WebClient\b/i, "Net.WebClient"],
	[/\bDownload(String|File|Data)\s*\(/i, "download call"],
	[/\bFromBase64String\b/i, "FromBase64String"],
	[/\bpowershell(\.exe)?\s+-/i, "powershell command line"],
	[/\s-(EncodedCommand|enc|ec)\s+[A-Za-z0-9+/=]{20,}/i, "encoded command"],
	[/\bSet-ExecutionPolicy\b/i, "Set-ExecutionPolicy"],
	[/\bStart-Process\b/i, "Start-Process"],
	[/^\s*@?echo\s+off\b/im, "batch @echo off"],
	[/%~dp0/i, "batch %~dp0"],
	[/\bcmd(\.exe)?\s+\/[ck]\b/i, "cmd /c"],
	[
		/\b(mshta|rundll32|regsvr32|certutil|bitsadmin|wmic|cscript|wscript)(\.exe)?\s+[/-]\w/i,
		"system tool",
	],
	[
		/\b(mshta(\.exe)?\s+\S*(https?|vbscript|javascript):|rundll32(\.exe)?\s+\S+\.dll)/i,
		"system tool",
	],
	[/\beval\s*\(/, "eval("],
	[/\bnew\s+Function\s*\(/, "new Function("],
	[/\bString\.fromCharCode\s*\(/, "String.fromCharCode"],
	[/\bdocument\.write\s*\(/, "document.write"],
	[/\brequire\s*\(\s*['"](child_process|fs|net|http)['"]/, "Node.js require"],
	[/^\s*\[InternetShortcut\]/im, "Internet shortcut"],
	[/^\s*\[Shell\]\s*$[^[]{0,4000}?^\s*Command\s*=/im, "Explorer command file"],
	[/^\s*(Windows Registry Editor Version|REGEDIT4)\b/im, "registry file"],
	[/^\s*On\s+Error\s+Resume\s+Next\b/im, "VBScript On Error"],
	// CSV opened in Excel: =cmd|' /c calc'!A0 starts a program through DDE.
	[/(^|[,;\t"])\s*[=+\-@]\s*[A-Za-z0-9_.]+\s*\|[^\n]*!/m, "spreadsheet DDE formula"],
];

const SAMPLE_HEAD = 1024 * 1024;
const SAMPLE_TAIL = 256 * 1024;

/** Lines that look like program code rather than prose, in the usual scripting languages. */
const CODE_LINE =
	/^\s*(var|let|const|function|return|if\s*\(|for\s*\(|while\s*\(|Dim|Set|Sub|End\s+(Sub|Function|If)|Function|Private|Public|Const|param\s*\(|\$\w+\s*=|rem\s|::|set\s+\w+=|goto\s|call\s|import\s|from\s+\S+\s+import|def\s|class\s|#include|@\w+)|[;{}]\s*$/i;

function looksLikeCode(text: string): boolean {
	const lines = text
		.slice(0, 256 * 1024)
		.split(/\r?\n/)
		.filter((line) => line.trim().length > 0);
	if (lines.length < 3) return false;
	const code = lines.filter((line) => CODE_LINE.test(line)).length;
	return code / lines.length >= 0.5;
}

function isJson(text: string): boolean {
	const trimmed = text.trim();
	if (!/^[[{]/.test(trimmed) || trimmed.length > 8 * 1024 * 1024) return false;
	try {
		JSON.parse(trimmed);
		return true;
	} catch {
		return false;
	}
}

/** Strip an XML declaration, doctype-less comments and processing instructions from the start. */
function leadingMarkup(text: string): string {
	return text
		.slice(0, 8192)
		.replace(/^\s+/, "")
		.replace(/^(<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*)+/i, "")
		.toLowerCase();
}

/**
 * Classify decoded text: HTML and SVG (markup a browser would run), scripts, or plain text.
 * Errs towards the dangerous side: prose that quotes a `<script>` tag is treated as HTML.
 */
export function classifyText(text: string, charset: string): TextVerdict {
	const head = leadingMarkup(text);
	const verdict = (
		category: TextVerdict["category"],
		trueType: string,
		findings: string[] = [],
	): TextVerdict => ({ category, trueType, charset, findings });

	if (
		/^(<!doctype\s+svg|<svg[\s>])/.test(head) ||
		(/^<!doctype/.test(head) && /<svg[\s>]/.test(head))
	) {
		const findings = /<script[\s>]/i.test(text) ? ["<script>"] : [];
		if (/\son\w+\s*=/i.test(text)) findings.push("event handler attribute");
		return verdict("svg", "image/svg+xml", findings);
	}
	if (
		/^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]|<meta[\s>])/.test(
			head,
		) ||
		/<(script|iframe|object|embed|applet|frameset|hta:application)[\s>]/i.test(text) ||
		/<html[\s>]/i.test(text) ||
		/<xsl:stylesheet[\s>]|<\?xml-stylesheet/i.test(text) ||
		/xmlns(:[\w.-]+)?\s*=\s*["']http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg)["']/i.test(text)
	) {
		const findings = /<script[\s>]/i.test(text) ? ["<script>"] : [];
		return verdict("html", "text/html", findings);
	}
	if (/^#!/.test(text)) return verdict("script", "text/x-shellscript", ["shebang"]);
	// The markers look at the head and the tail: enough for any real script, and bounded on huge
	// files. Text passed through is delivered under a text extension, so a miss cannot run.
	const sample =
		text.length > SAMPLE_HEAD + SAMPLE_TAIL
			? `${text.slice(0, SAMPLE_HEAD)}\n${text.slice(-SAMPLE_TAIL)}`
			: text;
	const markers = STRONG_SCRIPT_MARKERS.filter(([pattern]) => pattern.test(sample)).map(
		([, name]) => name,
	);
	if (markers.length > 0) return verdict("script", "text/x-script", markers);
	if (isJson(text)) return verdict("text", "application/json");
	if (looksLikeCode(text)) return verdict("script", "text/x-script", ["program code"]);
	if (/^<\?xml[\s?]/i.test(text.trimStart())) return verdict("text", "application/xml");
	if (
		/^(MIME-Version|Received|Return-Path|From|Content-Type):/im.test(text.slice(0, 4096)) &&
		/^Content-Type:\s*multipart\//im.test(text.slice(0, 65536))
	) {
		return verdict("unknown", "message/rfc822", ["embedded e-mail message"]);
	}
	return verdict("text", "text/plain");
}
