/**
 * An independent check of delivered text, written apart from the production recogniser
 * (`src/modules/sanitize/attachments/active-formats.ts`) and sharing nothing with it: decode the
 * bytes as a recipient's program would, skip a BOM and white space, and look for every signature
 * of a format that Office, Windows or a browser opens as active.
 */

const SIGNATURES: readonly [string, RegExp][] = [
	["RTF", /^\{\\rt/],
	["SYLK", /^ID;/],
	["DIF", /^TABLE\s*[\r\n]+\s*0,1/],
	["IQY", /^WEB\s*[\r\n]/i],
	["DQY", /^XLODBC/i],
	["XML declaration with an Office processing instruction", /^<\?xml[\s\S]{0,4000}<\?mso-/i],
	["Office processing instruction", /<\?mso-application/i],
	["Word 2003 XML", /<w:wordDocument/i],
	["Flat OPC", /<pkg:package/i],
	["SpreadsheetML", /urn:schemas-microsoft-com:office:spreadsheet/i],
	["MIME header (MHTML)", /^(MIME-Version|Content-Type|Content-Location)\s*:/i],
	["HTML", /<(html|script|iframe|object|embed|body|hta:application)[\s>]/i],
	["SVG", /<svg[\s>]/i],
	["Internet shortcut", /^\s*\[InternetShortcut\]/im],
	["Explorer command", /^\s*\[Shell\]/im],
	["registry file", /^\s*(Windows Registry Editor|REGEDIT)/im],
	["Windows library / settings", /<(libraryDescription|searchConnectorDescription|PCSettings)/i],
	["batch", /^\s*@?echo\s+off/im],
	["VBScript", /CreateObject\s*\(|WScript\./i],
	["PowerShell", /Start-Process|Invoke-WebRequest|Invoke-Expression/i],
	["shebang", /^#!/],
	["DDE field", /DDEAUTO|DDE\s/],
];

/** Decode delivered bytes the way a text editor guesses: BOM, UTF-8, ISO-2022-JP, Shift_JIS, EUC-JP. */
export function decodeForCheck(bytes: Buffer): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
	const labels = bytes.includes(0x1b) ? ["iso-2022-jp", "utf-8"] : ["utf-8", "shift_jis", "euc-jp"];
	for (const label of labels) {
		try {
			return new TextDecoder(label, { fatal: true }).decode(bytes);
		} catch {
			// next
		}
	}
	return bytes.toString("latin1");
}

/** The name of the first active signature in delivered text, or null. */
export function activeSignature(bytes: Buffer): string | null {
	const text = decodeForCheck(bytes).replace(/^[\ufeff\s]+/, "");
	for (const [name, pattern] of SIGNATURES) if (pattern.test(text)) return name;
	return null;
}

/** CSV cells (simple quoting, one record per line) that a spreadsheet would run as a formula. */
export function formulaCells(csv: string): string[] {
	const found: string[] = [];
	for (const line of csv.replace(/^\ufeff/, "").split(/\r?\n/)) {
		for (const match of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
			const cell = (match[1] ?? "").replace(/^"|"$/g, "").trimStart();
			if (/^[=+\-@\t\r＝＋－＠]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell)) found.push(cell);
		}
	}
	return found;
}
