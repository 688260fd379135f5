/**
 * Numbers as spreadsheets from Japanese offices write them: full-width digits (１２３), a
 * full-width or typographic minus (－, −), thousands separators (1,234 or １，２３４) and spaces
 * around. Read into a JavaScript number, or null when the text is not one.
 */

/** Minus signs and dashes that NFKC leaves alone. */
const MINUS = /^[\u2010-\u2015\u2212\u30FC\uFF70]/u;
/** Groups of three after the first one to three digits: 1,234,567 (not 12,34). */
const GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;
const PLAIN = /^[-+]?\d+(?:\.\d+)?$/u;

function numberForm(value: string): string {
	return value.normalize("NFKC").trim().replace(MINUS, "-").replace(/\s+/gu, "");
}

/**
 * A number, with or without thousands separators, in half- or full-width characters.
 *
 * @example
 * readNumber("１，２３４"); // 1234
 * readNumber("－５"); // -5
 * readNumber("12,34"); // null (not grouped in threes)
 */
export function readNumber(value: string): number | null {
	const text = numberForm(value);
	if (!PLAIN.test(text) && !GROUPED.test(text)) return null;
	const n = Number(text.replaceAll(",", ""));
	return Number.isFinite(n) ? n : null;
}

/**
 * A whole number (a count, an order, a year), as `readNumber` reads it; null for fractions.
 *
 * @example
 * readInteger("０３"); // 3
 */
export function readInteger(value: string): number | null {
	const n = readNumber(value);
	return n !== null && Number.isSafeInteger(n) ? n : null;
}

/**
 * The text with full-width ASCII letters, digits and punctuation (U+FF01–U+FF5E) folded to half
 * width, for codes kept as text: `ＰＣ－００１` → `PC-001`. Nothing else changes (unlike NFKC,
 * which would also turn ① into 1 and half-width katakana into full width).
 *
 * @example
 * halfWidth("０１０"); // "010"
 */
export function halfWidth(value: string): string {
	return value.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
