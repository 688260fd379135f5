/**
 * Text normalisation for policy import.
 *
 * Two views of each line are kept apart on purpose: the *original* text, which is what the user
 * sees in the imported draft (full-width digits and all), and a *recognition form* (NFKC, so that
 * 「１」「（１）」 read like "1" "(1)"), which only the recognisers look at.
 */

/** One non-empty line of the source, with its 1-based line number in the original text. */
export interface SourceLine {
	no: number;
	/** The line with trailing whitespace removed; leading indentation kept (it carries width). */
	raw: string;
	/** `raw` without surrounding whitespace. */
	text: string;
	/** Whether one or more blank lines came right before this line. */
	blankBefore: boolean;
}

export interface SplitLines {
	lines: SourceLine[];
	/** Line numbers of lone page numbers that were dropped. */
	pageNumbers: number[];
	/**
	 * True when blank lines separate paragraphs. PDF extraction often double-spaces every line, and
	 * then a blank line means nothing.
	 */
	blankLinesMeaningful: boolean;
}

const BLANK = /^[\s\u3000\ufeff]*$/u;
// Circled numbers must survive recognition: NFKC would turn ① into a plain "1".
const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/u;

/**
 * Split text into non-empty lines: unify line breaks (CR, CRLF, form feeds from pdftotext), drop
 * lone page numbers, and note whether blank lines carry meaning.
 *
 * @example
 * splitLines("１ 目的\n\n4\n\n本文。").lines.map((l) => l.text); // ["１ 目的", "本文。"]
 */
export function splitLines(text: string): SplitLines {
	const rows = text
		.replace(/^\ufeff/u, "")
		.replace(/\r\n?|[\f\v\u2028\u2029\u0085]/gu, "\n")
		.split("\n");
	const lines: SourceLine[] = [];
	const pageNumbers: number[] = [];
	let blankBefore = false;
	let followedByBlank = 0;
	rows.forEach((row, index) => {
		if (BLANK.test(row)) {
			blankBefore = true;
			const previous = lines.at(-1);
			if (previous && previous.no === index) followedByBlank++;
			return;
		}
		const raw = row.replace(/[\s\u3000]+$/u, "");
		if (isPageNumber(raw)) {
			pageNumbers.push(index + 1);
			blankBefore = true;
			return;
		}
		lines.push({ no: index + 1, raw, text: raw.trim(), blankBefore });
		blankBefore = false;
	});
	return {
		lines,
		pageNumbers,
		blankLinesMeaningful: lines.length < 2 || followedByBlank / (lines.length - 1) < 0.6,
	};
}

/** A lone page number as PDF extraction leaves it: "4", "- 4 -", "4/12", "p.4". */
export function isPageNumber(line: string): boolean {
	if (line.length > 16) return false;
	const s = recognitionForm(line).trim();
	return /^(?:[-‐―–—]\s*)?\d{1,4}(?:\s*[-‐―–—])?$|^\d{1,4}\s*\/\s*\d{1,4}$|^p\.?\s*\d{1,4}$/iu.test(
		s,
	);
}

/** NFKC for recognition, leaving circled numbers as they are. */
export function recognitionForm(text: string): string {
	return recognitionView(text).text;
}

export interface RecognitionView {
	text: string;
	/** Index in the original string where the recognition-form index `i` came from. */
	originalIndex(i: number): number;
}

/**
 * The recognition form of `text` together with a map back to the original, so that a label found
 * in the normalised text can be cut out of the original text.
 */
export function recognitionView(original: string): RecognitionView {
	if (!CIRCLED.test(original) && original.normalize("NFKC") === original) {
		return { text: original, originalIndex: (i) => Math.min(i, original.length) };
	}
	let text = "";
	const origin: number[] = [];
	let offset = 0;
	for (const char of original) {
		const normalised =
			char.charCodeAt(0) < 0x80 || CIRCLED.test(char) ? char : char.normalize("NFKC");
		for (let k = 0; k < normalised.length; k++) origin.push(offset);
		text += normalised;
		offset += char.length;
	}
	origin.push(offset);
	return { text, originalIndex: (i) => origin[Math.min(i, origin.length - 1)] ?? offset };
}

const WIDE =
	/[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u2460-\u24ff\u3251-\u32bf]/u;

/** Whether a character takes a full cell in Japanese text (kanji, kana, full-width forms). */
export function isWide(char: string): boolean {
	return WIDE.test(char);
}

/**
 * Display width in full-width cells: half-width characters count one half. PDF line wrapping is
 * visible in this width, which tells a wrapped heading from a short title.
 */
export function displayWidth(line: string): number {
	let width = 0;
	for (const char of line) width += isWide(char) ? 1 : 0.5;
	return width;
}

/**
 * Clean text for output: remove the stray ASCII spaces PDF extraction puts next to Japanese
 * characters (「改 定 履 歴」, 「平成16 年3 月」), squeeze the rest, trim. Ideographic spaces are
 * kept: authors type those on purpose.
 *
 * @example
 * cleanText("改 定 履 歴"); // "改定履歴"
 * cleanText("LGWAN 接続系"); // "LGWAN接続系"
 */
export function cleanText(text: string): string {
	return text
		.replace(/[\t\u00a0 ]+/gu, " ")
		.replace(/ +(?=\n)|(?<=\n) +/gu, "")
		.replace(/(?<=(.)) (?=(.))/gu, (space, before: string, after: string) =>
			isWide(before) || isWide(after) ? "" : space,
		)
		.trim();
}

/** A line that ends a sentence: 。 or ．, possibly followed by closing brackets. */
export function endsSentence(text: string): boolean {
	return /[。．.!！?？][)）」』\]］]*$/u.test(text.slice(-12).trimEnd());
}

/** A line that cannot end a sentence (ends with a comma, an opening bracket or 「・」). */
export function endsMidSentence(text: string): boolean {
	return /[、，,・(（「『[［]$/u.test(text.slice(-4).trimEnd());
}

/** Bullets start a new paragraph even when the line before did not end a sentence. */
export function isBullet(text: string): boolean {
	return /^[・･●○◯■□◆◇▪▫※＊*•◎]/u.test(text.trim());
}
