import { ruleProblem, tooLarge } from "../../../shared/issues.ts";
import type { Problem } from "../../../shared/problem.ts";
import type { ImportWarning } from "./import.schemas.ts";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface DecodedText {
	text: string;
	encoding: "utf-8" | "utf-16" | "shift_jis";
	warnings: ImportWarning[];
}

/** File signatures worth naming in the error, so the user knows to extract the text first. */
const SIGNATURES: { bytes: number[]; name: string; format: string }[] = [
	{ bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: "a PDF file", format: "PDF" },
	{
		bytes: [0x50, 0x4b, 0x03, 0x04],
		name: "a ZIP archive or Office document (.docx, .xlsx)",
		format: "ZIP / .docx / .xlsx",
	},
	{
		bytes: [0xd0, 0xcf, 0x11, 0xe0],
		name: "an old Office document (.doc, .xls)",
		format: ".doc / .xls",
	},
	{ bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: "an RTF document", format: "RTF" },
	{ bytes: [0x89, 0x50, 0x4e, 0x47], name: "a PNG image", format: "PNG" },
	{ bytes: [0xff, 0xd8, 0xff], name: "a JPEG image", format: "JPEG" },
	{ bytes: [0x47, 0x49, 0x46, 0x38], name: "a GIF image", format: "GIF" },
	{ bytes: [0x1f, 0x8b], name: "a gzip archive", format: "gzip" },
];

const EXTRACT_FIRST = "save or extract it as plain text first";

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

/** A file that is not text: `format` names what it is when its signature tells. */
function notText(reason: string, format?: string): Problem {
	const message = `not a plain-text policy: ${reason}`;
	return format
		? ruleProblem("validation_failed", message, "file", "policy_not_plain_text", { format })
		: ruleProblem("validation_failed", message, "file", "policy_binary");
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
	try {
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return null;
	}
}

/** Share of characters that are not text: control characters other than tab, line breaks and form feed. */
function noiseRatio(text: string): number {
	if (text.length === 0) return 0;
	let noise = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f || code === 0xfffd) {
			noise++;
		}
	}
	return noise / text.length;
}

/**
 * Decode the bytes of an uploaded or named file as policy text: UTF-8 (with or without BOM),
 * UTF-16 with BOM, or Shift_JIS. Refuses binary files with an error naming what was found.
 *
 * @example
 * decodePolicyBytes(new TextEncoder().encode("１ 目的\n…")).text;
 */
export function decodePolicyBytes(bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): DecodedText {
	if (bytes.length > maxBytes) {
		throw tooLarge(
			`the file is ${bytes.length} bytes; a policy may be at most ${maxBytes} bytes`,
			maxBytes,
		);
	}
	if (bytes.length === 0) {
		throw ruleProblem("validation_failed", "the file is empty", "file", "file_empty");
	}
	for (const signature of SIGNATURES) {
		if (startsWith(bytes, signature.bytes)) {
			throw notText(`this is ${signature.name}; ${EXTRACT_FIRST}`, signature.format);
		}
	}
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		const text = decodeStrict(bytes, bytes[0] === 0xff ? "utf-16le" : "utf-16be");
		if (text === null || noiseRatio(text) > 0.01) throw notText("invalid UTF-16 text");
		return {
			text,
			encoding: "utf-16",
			warnings: [
				{
					code: "decoded_as_utf16",
					params: {},
					line: null,
					message: "the file was read as UTF-16",
				},
			],
		};
	}
	if (bytes.includes(0)) {
		throw notText(`it contains NUL bytes, so it is a binary file; ${EXTRACT_FIRST}`);
	}
	const utf8 = decodeStrict(bytes, "utf-8");
	if (utf8 !== null) {
		if (noiseRatio(utf8) > 0.01) throw notText("it is full of control characters (binary data)");
		return { text: utf8.replace(/^\ufeff/u, ""), encoding: "utf-8", warnings: [] };
	}
	const sjis = decodeStrict(bytes, "shift_jis");
	if (sjis !== null && noiseRatio(sjis) <= 0.01) {
		return {
			text: sjis,
			encoding: "shift_jis",
			warnings: [
				{
					code: "decoded_as_shift_jis",
					params: {},
					line: null,
					message: "the file is not UTF-8; it was read as Shift_JIS",
				},
			],
		};
	}
	throw notText("it is neither UTF-8 nor Shift_JIS text (binary data?)");
}
