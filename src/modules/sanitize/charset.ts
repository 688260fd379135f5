import libmime from "libmime";

/** WHATWG labels for the Japanese charsets under the names mail software writes. */
const ALIASES: Record<string, string> = {
	cp932: "shift_jis",
	ms932: "shift_jis",
	"windows-31j": "shift_jis",
	"x-sjis": "shift_jis",
	sjis: "shift_jis",
	"shift-jis": "shift_jis",
	ms_kanji: "shift_jis",
	"iso-2022-jp-ms": "iso-2022-jp",
	"iso-2022-jp-1": "iso-2022-jp",
	"iso-2022-jp-2": "iso-2022-jp",
	"iso-2022-jp-3": "iso-2022-jp",
	cp50220: "iso-2022-jp",
	cp50221: "iso-2022-jp",
	cp50222: "iso-2022-jp",
	jis: "iso-2022-jp",
	eucjp: "euc-jp",
	"x-euc-jp": "euc-jp",
	cp51932: "euc-jp",
	"euc-jp-ms": "euc-jp",
	ascii: "utf-8",
	"us-ascii": "utf-8",
	"ansi_x3.4-1968": "utf-8",
	"7bit": "utf-8",
	"8bit": "utf-8",
	utf8: "utf-8",
	"ks_c_5601-1987": "euc-kr",
};

/** ESC $ B / ESC $ @: the switch into JIS X 0208. */
const JIS_KANJI_IN = Buffer.from([0x1b, 0x24]);

const decoders = new Map<string, TextDecoder | null>();

/** A cached decoder for a label, or null when the platform does not know it. */
function decoderFor(label: string, fatal: boolean): TextDecoder | null {
	const key = `${label}\u0000${fatal}`;
	let decoder = decoders.get(key);
	if (decoder === undefined) {
		try {
			decoder = new TextDecoder(label, { fatal });
		} catch {
			decoder = null;
		}
		decoders.set(key, decoder);
	}
	return decoder;
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
	try {
		return decoderFor(label, true)?.decode(bytes) ?? null;
	} catch {
		return null;
	}
}

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.isBuffer(bytes)
		? bytes
		: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function hasHighBytes(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return true;
	return false;
}

/** Half-width katakana: what EUC-JP bytes look like when read as Shift_JIS. */
function halfWidthKana(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xff61 && code <= 0xff9f) count++;
	}
	return count;
}

/**
 * Guess the charset of undeclared or mislabelled bytes: ISO-2022-JP by its escapes, then UTF-8,
 * then whichever of EUC-JP and Shift_JIS decodes cleanly (preferring fewer half-width kana).
 */
export function detectJapanese(bytes: Uint8Array): { text: string; charset: string } | null {
	if (bytes.indexOf(0x1b) >= 0) {
		const text = tryDecode(bytes, "iso-2022-jp");
		if (text !== null) return { text, charset: "iso-2022-jp" };
	}
	const utf8 = tryDecode(bytes, "utf-8");
	if (utf8 !== null) return { text: utf8, charset: "utf-8" };
	const euc = tryDecode(bytes, "euc-jp");
	const sjis = tryDecode(bytes, "shift_jis");
	if (euc !== null && sjis !== null) {
		return halfWidthKana(euc) <= halfWidthKana(sjis)
			? { text: euc, charset: "euc-jp" }
			: { text: sjis, charset: "shift_jis" };
	}
	if (sjis !== null) return { text: sjis, charset: "shift_jis" };
	if (euc !== null) return { text: euc, charset: "euc-jp" };
	return null;
}

export interface DecodedText {
	text: string;
	/** The charset actually used (lower case). */
	charset: string;
	/** True when the declared charset was missing, unknown or wrong and another was used. */
	corrected: boolean;
}

/**
 * Decode body bytes to a string: the declared charset when it decodes cleanly, otherwise a
 * Japanese-aware guess, and as the last resort the declared (or UTF-8) decoder with U+FFFD for
 * what cannot be read. Never throws.
 *
 * @example
 * decodeText(bytes, "ISO-2022-JP").text; // "住民票の写しについて"
 */
export function decodeText(bytes: Uint8Array, declared: string | null | undefined): DecodedText {
	const name = (declared ?? "")
		.trim()
		.toLowerCase()
		.replace(/^["']|["']$/g, "");
	const label = ALIASES[name] ?? (name === "" ? "utf-8" : name);
	if (!hasHighBytes(bytes) && bytes.indexOf(0x1b) < 0) {
		// Pure ASCII reads the same in every charset mail uses (UTF-7 aside, handled below).
		if (label !== "utf-7")
			return { text: asBuffer(bytes).toString("latin1"), charset: label, corrected: false };
	}
	if (label !== "iso-2022-jp" && asBuffer(bytes).includes(JIS_KANJI_IN)) {
		// ISO-2022-JP is 7-bit, so it hides under any ASCII-compatible label.
		const jis = tryDecode(bytes, "iso-2022-jp");
		if (jis !== null) return { text: jis, charset: "iso-2022-jp", corrected: true };
	}
	const clean = tryDecode(bytes, label);
	if (clean !== null) return { text: clean, charset: label, corrected: false };
	const guessed = detectJapanese(bytes);
	const known = decoderFor(label, false) !== null;
	if (guessed !== null) return { ...guessed, corrected: guessed.charset !== label };
	if (known) {
		return {
			text: (decoderFor(label, false) as TextDecoder).decode(bytes),
			charset: label,
			corrected: false,
		};
	}
	try {
		// libmime (iconv-lite) knows a few charsets the platform does not, UTF-7 among them.
		const text = libmime.decode(asBuffer(bytes), libmime.normalizeCharset(label));
		return { text, charset: label, corrected: false };
	} catch {
		return { text: asBuffer(bytes).toString("utf8"), charset: "utf-8", corrected: true };
	}
}
