import { isAscii } from "node:buffer";
import { neutraliseCsv } from "../../../shared/csv.ts";
import { decodeText as decodeCharset } from "../charset.ts";
import { extensionOf, recogniseContent } from "./active-formats.ts";
import { classifyText } from "./text-sniff.ts";

/**
 * Text delivered as readable text: decoded (declared charset first, then a bounded sniff),
 * written as UTF-8 with `charset=utf-8`, CSV cells that would start a formula neutralised, and
 * checked once more against every active format before it may leave.
 */

/** Text extensions a delivered text file may keep; anything else is delivered as `.txt`. */
const TEXT_TYPES: ReadonlyMap<string, string> = new Map([
	["txt", "text/plain"],
	["log", "text/plain"],
	["md", "text/plain"],
	["csv", "text/csv"],
	["tsv", "text/tab-separated-values"],
	["json", "application/json"],
	["xml", "application/xml"],
]);

const CHARSET_NAMES: Record<string, string> = {
	"utf-8": "UTF-8",
	shift_jis: "Shift_JIS",
	"euc-jp": "EUC-JP",
	"iso-2022-jp": "ISO-2022-JP",
	"utf-16le": "UTF-16LE",
	"utf-16be": "UTF-16BE",
};

export interface TextDelivery {
	filename: string;
	contentType: string;
	content: Buffer;
	/** The charset the original was read in. */
	charset: string;
	/** Formula cells given an apostrophe (CSV, TSV). */
	neutralised: number;
}

/** Decode attachment bytes: a BOM decides, then the declared charset, then a Japanese-aware sniff. */
export function decodeAttachmentText(
	content: Buffer,
	declaredCharset: string | null | undefined,
): { text: string; charset: string } {
	const bom = content.length >= 2 ? content.readUInt16BE(0) : 0;
	if (bom === 0xfffe || bom === 0xfeff) {
		const charset = bom === 0xfffe ? "utf-16le" : "utf-16be";
		return { text: new TextDecoder(charset).decode(content.subarray(2)), charset };
	}
	if (content.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) {
		return { text: content.subarray(3).toString("utf8"), charset: "utf-8" };
	}
	const decoded = decodeCharset(content, declaredCharset);
	const ascii = isAscii(content) && !content.includes(0x1b);
	return { text: decoded.text, charset: ascii ? "utf-8" : decoded.charset };
}

/** The delivered name: the original one when its extension is a text one, otherwise `.txt`. */
export function textName(filename: string): string {
	const base = (filename.split(/[\\/]/).pop() ?? "").trim();
	if (TEXT_TYPES.has(extensionOf(base)) && !/[.\s]$/.test(base)) return base;
	const dot = base.lastIndexOf(".");
	return `${(dot > 0 ? base.slice(0, dot) : base) || "attachment"}.txt`;
}

/** What keeps decoded text from being delivered as text, or null when it is plain text. */
export function activeReason(text: string): string | null {
	const found = recogniseContent(text);
	if (found) return found.format;
	const verdict = classifyText(text, "utf-8");
	return verdict.category === "text" ? null : (verdict.findings[0] ?? verdict.trueType);
}

/**
 * Build the text file to deliver, or the reason it may not be delivered as text.
 *
 * @example
 * deliverText({ filename: "名簿.csv", content: sjisBytes }, "shift_jis");
 * // { filename: "名簿.csv", contentType: "text/csv; charset=utf-8", … }
 */
export function deliverText(
	filename: string,
	content: Buffer,
	declaredCharset: string | null | undefined,
	/** The charset the type detection read the same bytes in: its verdict holds for that text. */
	checkedIn?: string,
): TextDelivery | { refused: string } {
	const name = textName(filename);
	const extension = extensionOf(name);
	const spreadsheet = extension === "csv" || extension === "tsv";
	const contentType = `${TEXT_TYPES.get(extension) ?? "text/plain"}; charset=utf-8`;
	if (!spreadsheet && alreadyUtf8(content, declaredCharset, checkedIn)) {
		// The detection read these very bytes as this text and found it plain: deliver them.
		return { filename: name, contentType, content, charset: "utf-8", neutralised: 0 };
	}
	const decoded = decodeAttachmentText(content, declaredCharset);
	let text = decoded.text;
	let neutralised = 0;
	if (extension === "csv" || extension === "tsv") {
		const rewritten = neutraliseCsv(text, extension === "csv" ? "," : "\t");
		text = rewritten.text;
		neutralised = rewritten.cells;
	}
	// The detection classified this very text when it read it in the same charset; an apostrophe
	// in front of a cell can only break a signature, never make one, so the recogniser suffices.
	const sameText = checkedIn !== undefined && checkedIn === decoded.charset;
	const refused = sameText ? (recogniseContent(text)?.format ?? null) : activeReason(text);
	if (refused !== null) return { refused };
	// Excel reads UTF-8 CSV without a BOM as the ANSI code page (Shift_JIS on Japanese Windows).
	// biome-ignore lint/suspicious/noControlCharactersInRegex: any character past ASCII
	const bom = spreadsheet && /[^\u0000-\u007f]/.test(text) ? "\ufeff" : "";
	return {
		filename: name,
		contentType,
		content: Buffer.from(`${bom}${text}`, "utf8"),
		charset: decoded.charset,
		neutralised,
	};
}

/** UTF-8 (or ASCII) without a BOM, read as UTF-8 by the detection and not declared otherwise. */
function alreadyUtf8(
	content: Buffer,
	declaredCharset: string | null | undefined,
	checkedIn: string | undefined,
): boolean {
	if (checkedIn !== "utf-8" || content.subarray(0, 3).equals(UTF8_BOM)) return false;
	if (isAscii(content)) return !content.includes(0x1b);
	return !declaredCharset || /^\s*["']?(utf-?8|us-ascii|ascii)["']?\s*$/i.test(declaredCharset);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** "Shift_JIS" for "shift_jis": how the reason names a charset. */
export function charsetName(charset: string): string {
	return CHARSET_NAMES[charset] ?? charset;
}
