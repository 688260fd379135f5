import { Parser } from "htmlparser2";
import { type ActiveFormat, DIF, RTF, SYLK } from "./active-formats.ts";

/**
 * The readable text of an Office document written as text, and nothing else: Word 2003 XML,
 * SpreadsheetML and Flat OPC keep their text runs and cell values; RTF keeps its visible text;
 * SYLK keeps its cell values. Field codes (DDE), formulas, macros, embedded objects and binary
 * data are never copied. One pass each, linear in the input.
 */

/** Elements whose text is document text: w:t, a:t, ss:Data, x:v (by local name). */
const TEXT_ELEMENTS = new Set(["t", "data", "v"]);
const LINE_END_ELEMENTS = new Set(["p", "row", "br", "cr", "tr"]);
const TAB_ELEMENTS = new Set(["tab", "cell", "c", "ptab"]);

function localName(name: string): string {
	const colon = name.lastIndexOf(":");
	return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
}

/** The text runs of an Office XML document (Word 2003 XML, SpreadsheetML, Flat OPC). */
export function officeXmlToText(xml: string): string {
	const out: string[] = [];
	let inText = 0;
	const parser = new Parser(
		{
			onopentagname(name) {
				if (TEXT_ELEMENTS.has(localName(name))) inText++;
			},
			ontext(text) {
				if (inText > 0) out.push(text);
			},
			onclosetag(name) {
				const local = localName(name);
				if (TEXT_ELEMENTS.has(local)) inText = Math.max(0, inText - 1);
				else if (LINE_END_ELEMENTS.has(local)) out.push("\n");
				else if (TAB_ELEMENTS.has(local)) out.push("\t");
			},
		},
		{ xmlMode: true, decodeEntities: true },
	);
	parser.write(xml);
	parser.end();
	return tidy(out.join(""));
}

function tidy(text: string): string {
	return text
		.replace(/\t+\n/g, "\n")
		.replace(/\n{3,}/g, "\n\n")
		.trim();
}

/** RTF destinations whose content is not visible text (or is data: objects, pictures, fields). */
const SKIPPED_DESTINATIONS = new Set([
	"fonttbl",
	"colortbl",
	"stylesheet",
	"info",
	"pict",
	"object",
	"objdata",
	"objclass",
	"fldinst",
	"datafield",
	"themedata",
	"colorschememapping",
	"datastore",
	"latentstyles",
	"listtable",
	"listoverridetable",
	"rsidtbl",
	"generator",
	"xmlnstbl",
	"header",
	"footer",
	"headerl",
	"headerr",
	"footerl",
	"footerr",
	"filetbl",
	"revtbl",
	"pgdsctbl",
]);

/** Windows code page numbers (\ansicpg) to WHATWG labels. */
function codePage(number: number): string {
	if (number === 932) return "shift_jis";
	if (number === 65001) return "utf-8";
	if (number === 936) return "gbk";
	if (number === 949) return "euc-kr";
	if (number === 950) return "big5";
	return number >= 874 && number <= 1258 ? `windows-${number}` : "windows-1252";
}

interface RtfGroup {
	skip: boolean;
	uc: number;
}

/**
 * The visible text of an RTF document. Groups nest at most 1,000 deep (deeper content is skipped);
 * `\binN` data is jumped over.
 */
export function rtfToText(rtf: string): string {
	const out: string[] = [];
	let bytes: number[] = [];
	let decoder = new TextDecoder("windows-1252");
	const flush = () => {
		if (bytes.length > 0) out.push(decoder.decode(new Uint8Array(bytes)));
		bytes = [];
	};
	const stack: RtfGroup[] = [];
	let group: RtfGroup = { skip: false, uc: 1 };
	let skipChars = 0;
	/** Groups opened past the depth limit: counted, not stacked. */
	let overflow = 0;
	let index = 0;
	const emit = (text: string) => {
		if (group.skip) return;
		if (skipChars > 0) {
			skipChars--;
			return;
		}
		flush();
		out.push(text);
	};
	while (index < rtf.length) {
		const char = rtf[index] as string;
		if (char === "{") {
			if (stack.length >= 1000) overflow++;
			else {
				stack.push(group);
				group = { ...group, skip: group.skip || stack.length >= 1000 };
			}
			index++;
		} else if (char === "}") {
			if (overflow > 0) overflow--;
			else group = stack.pop() ?? group;
			index++;
		} else if (char === "\\") {
			const control = /^\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|^\\'([0-9a-fA-F]{2})|^\\([^a-zA-Z])/.exec(
				rtf.slice(index, index + 48),
			);
			if (!control) {
				index++;
				continue;
			}
			index += control[0].length;
			const [, word, param, hex, symbol] = control;
			if (hex !== undefined) {
				if (group.skip) continue;
				if (skipChars > 0) skipChars--;
				else bytes.push(Number.parseInt(hex, 16));
			} else if (symbol !== undefined) {
				if (symbol === "*") group.skip = true;
				else if (symbol === "~") emit("\u00a0");
				else if (symbol === "\\" || symbol === "{" || symbol === "}") emit(symbol);
				else if (symbol === "\n" || symbol === "\r") emit("\n");
			} else if (word !== undefined) {
				const value = param === undefined ? null : Number(param);
				if (SKIPPED_DESTINATIONS.has(word)) group.skip = true;
				else if (word === "ansicpg" && value !== null) decoder = decoderFor(codePage(value));
				else if (word === "uc" && value !== null) group.uc = Math.max(0, value);
				else if (word === "u" && value !== null) {
					emit(String.fromCharCode(value < 0 ? value + 65536 : value));
					if (!group.skip) skipChars = group.uc;
				} else if (word === "bin" && value !== null) index += Math.max(0, value);
				else if (word === "par" || word === "line" || word === "row" || word === "sect") emit("\n");
				else if (word === "tab" || word === "cell") emit("\t");
			}
		} else {
			index++;
			if (char === "\r" || char === "\n") continue;
			emit(char);
		}
	}
	flush();
	return tidy(out.join(""));
}

function decoderFor(label: string): TextDecoder {
	try {
		return new TextDecoder(label);
	} catch {
		return new TextDecoder("windows-1252");
	}
}

/** A SYLK `K` value: a quoted string (`""` for a quote) or a number. */
function sylkValue(field: string): string {
	const value = field.slice(1);
	return value.startsWith('"')
		? value.slice(1, value.endsWith('"') ? -1 : undefined).replaceAll('""', '"')
		: value;
}

/** The cell values of a SYLK file, tab-separated rows; formulas (`E`) are dropped. */
export function sylkToText(sylk: string): string {
	const rows = new Map<number, Map<number, string>>();
	let row = 1;
	for (const line of sylk.split(/\r?\n/)) {
		if (!line.startsWith("C;") && !line.startsWith("F;")) continue;
		// ";;" is an escaped semicolon inside a field.
		const fields = line
			.replaceAll(";;", "\u0000")
			.split(";")
			.map((f) => f.replaceAll("\u0000", ";"));
		let column = 1;
		let value: string | null = null;
		for (const field of fields.slice(1)) {
			if (field.startsWith("Y")) row = Number(field.slice(1)) || row;
			else if (field.startsWith("X")) column = Number(field.slice(1)) || column;
			else if (field.startsWith("K") && line.startsWith("C;")) value = sylkValue(field);
		}
		if (value === null || row > 1_000_000 || column > 16_384) continue;
		const cells = rows.get(row) ?? new Map<number, string>();
		rows.set(row, cells);
		cells.set(column, value);
	}
	const lines = [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.map(([, cells]) => {
			const width = Math.max(...cells.keys());
			// Sparse rows (a far column) list their values only: the output stays as large as the input.
			if (width > cells.size * 4 + 16) return [...cells.values()].join("\t");
			return Array.from({ length: width }, (_, i) => cells.get(i + 1) ?? "").join("\t");
		});
	return lines.join("\n");
}

/**
 * The text of an Office document written as text, or null when the format has no conversion
 * (DIF). Content that is none of them (a `.rtf` holding prose) is returned as it is.
 */
export function officeTextOf(text: string, found: ActiveFormat | null): string | null {
	if (found === DIF) return null;
	if (found === RTF) return rtfToText(text);
	if (found === SYLK) return sylkToText(text);
	if (found !== null && found.category === "office-text") return officeXmlToText(text);
	return text;
}
