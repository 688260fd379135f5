import { endsSentence, isBullet, type SourceLine } from "./normalize.ts";

/**
 * The lines of one paragraph as they were broken by the PDF. Kept as a list and joined once at
 * the end, so that a huge paragraph costs linear time.
 */
export type Paragraph = string[];

/**
 * Add a line to a list of paragraphs. PDF extraction breaks lines at the page width, so a line
 * continues the paragraph unless the paragraph already ended a sentence, the line is a bullet,
 * or (in files where blank lines mean something) a blank line came between.
 *
 * @example
 * const paragraphs: Paragraph[] = [];
 * appendLine(paragraphs, line("…構成機器（ハードウェア及びソ"), false);
 * appendLine(paragraphs, line("フトウェア）をいう。"), false);
 * joinLines(paragraphs[0]); // "…構成機器（ハードウェア及びソフトウェア）をいう。"
 */
export function appendLine(
	paragraphs: Paragraph[],
	line: SourceLine,
	blankLinesMeaningful: boolean,
): void {
	const last = paragraphs.at(-1);
	const lastLine = last?.at(-1);
	if (
		last !== undefined &&
		lastLine !== undefined &&
		!endsSentence(lastLine) &&
		!isBullet(line.text) &&
		!(blankLinesMeaningful && line.blankBefore)
	) {
		last.push(line.text);
	} else {
		paragraphs.push([line.text]);
	}
}

/**
 * Join lines broken by the PDF: no space in Japanese, one space between two Latin words.
 *
 * @example
 * joinLines(["…情報セキュリ", "ティ対応チーム"]); // "…情報セキュリティ対応チーム"
 * joinLines(["Computer Security", "Incident"]); // "Computer Security Incident"
 */
export function joinLines(parts: readonly string[]): string {
	const out: string[] = [];
	let previous = "";
	for (const raw of parts) {
		const part = raw.trim();
		if (part === "") continue;
		if (/[A-Za-z0-9]$/u.test(previous) && /^[A-Za-z0-9]/u.test(part)) out.push(" ");
		out.push(part);
		previous = part;
	}
	return out.join("");
}
