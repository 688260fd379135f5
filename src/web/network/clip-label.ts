/** The width of a character at 12px: full-width characters 12, others 7. */
function charWidth(char: string): number {
	return (char.codePointAt(0) ?? 0) < 0x100 ? 7 : 12;
}

const WORDS =
	typeof Intl !== "undefined" && "Segmenter" in Intl
		? new Intl.Segmenter("ja", { granularity: "word" })
		: null;

/**
 * Shorten a label to fit `width` pixels at 12px, cutting between words (Japanese has no spaces,
 * so words come from `Intl.Segmenter`) and ending with "…". Cut inside a word, the shown text
 * would no longer be part of the element's accessible name (WCAG 2.5.3, label in name); only a
 * first word too long to fit is cut inside.
 *
 * @example
 * clipLabel("ファイル無害化転送", 110); // "ファイル無害化…"
 */
export function clipLabel(text: string, width: number): string {
	const room = width - 10;
	let used = 0;
	for (const char of text) used += charWidth(char);
	if (used <= room) return text;
	const words = WORDS ? [...WORDS.segment(text)].map((s) => s.segment) : [...text];
	let out = "";
	used = charWidth("…");
	for (const word of words) {
		let w = 0;
		for (const char of word) w += charWidth(char);
		if (used + w > room) break;
		out += word;
		used += w;
	}
	if (out) return `${out.trimEnd()}…`;
	// Not even the first word fits: cut it by characters.
	for (const char of text) {
		if (used + charWidth(char) > room) break;
		out += char;
		used += charWidth(char);
	}
	return `${out}…`;
}
