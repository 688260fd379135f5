import { recognitionView } from "./normalize.ts";

/**
 * Heading styles of Japanese policies and 例規. The first four are structural (例規); the others
 * are outline styles whose nesting order each document chooses for itself.
 */
export const HEADING_KINDS = [
	"chapter", // 第1章
	"division", // 第1節
	"article", // 第1条（目的）
	"supplementary", // 附則
	"dai", // 第１ 総則
	"number", // １ 目的 / 1. 目的
	"paren-number", // (1) / （１）
	"number-paren", // 1)
	"circled", // ①
	"katakana", // ア / イ (also イロハ order)
	"paren-katakana", // (ア)
	"kanji", // 一 (号 in 例規)
	"paren-latin", // (a)
] as const;
export type HeadingKind = (typeof HEADING_KINDS)[number];

export const STRUCTURAL_KINDS: ReadonlySet<HeadingKind> = new Set([
	"chapter",
	"division",
	"article",
	"supplementary",
]);

export interface HeadingMatch {
	kind: HeadingKind;
	/** Ordinal within its style (ア = 1, イ = 2 …); 0 for 附則. */
	number: number;
	/** Branch number of 第5条の2. */
	branch: number | null;
	/** The label as written, e.g. 「（１）」 or 「第1条」. */
	label: string;
	/** The caption written in brackets after 第N条 or 附則, e.g. 「目的」. */
	caption: string | null;
	/** Text after the label (and caption), as written. */
	rest: string;
}

const KANJI_DIGITS: Record<string, number> = {
	〇: 0,
	一: 1,
	二: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9,
};
const KANJI_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 「十二」→ 12, 「二十」→ 20, 「百五」→ 105; ASCII digits pass through. */
export function parseNumeral(text: string): number {
	if (/^\d+$/u.test(text)) return Number(text);
	let total = 0;
	let digit = 0;
	for (const char of text) {
		const unit = KANJI_UNITS[char];
		if (unit !== undefined) {
			total += (digit === 0 ? 1 : digit) * unit;
			digit = 0;
		} else {
			digit = digit * 10 + (KANJI_DIGITS[char] ?? 0);
		}
	}
	return total + digit;
}

export const GOJUON =
	"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
export const IROHA =
	"イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";

const N = "(\\d{1,4}|[〇一二三四五六七八九十百千]{1,6})";
// Words that continue a sentence, so that 「第3条の規定により」 is not read as a heading.
// Only bare numbers need it: a bracketed label such as 「(5) 人的セキュリティ」 is always a label.
const NOT_AFTER_NUMBER = /^[年月日時分秒％%件段回箇ヶケカか歳倍条章節項号款編]/u;
const BARE_NUMBER_KINDS: ReadonlySet<HeadingKind> = new Set([
	"number",
	"dai",
	"kanji",
	"number-paren",
]);

interface Pattern {
	kind: HeadingKind;
	regex: RegExp;
	/** Whether a label alone on its line counts (its title may follow on the next line). */
	bare: boolean;
}

// Matched against the recognition form (NFKC): （１） is (1) here, ｱ is ア.
const PATTERNS: Pattern[] = [
	{ kind: "chapter", regex: new RegExp(`^第\\s*${N}\\s*章(?=\\s|$)`, "u"), bare: true },
	{ kind: "division", regex: new RegExp(`^第\\s*${N}\\s*節(?=\\s|$)`, "u"), bare: true },
	{
		kind: "article",
		regex: new RegExp(`^第\\s*${N}\\s*条(?:\\s*の\\s*${N})?(?=\\s|$|\\()`, "u"),
		bare: true,
	},
	{ kind: "supplementary", regex: /^附\s*則(?=\s|$|\()/u, bare: true },
	{ kind: "dai", regex: new RegExp(`^第\\s*${N}(?=\\s+\\S)`, "u"), bare: false },
	{ kind: "number", regex: /^(\d{1,3})(?:\s*[.、]|(?=\s+\S))/u, bare: false },
	{ kind: "paren-number", regex: /^\(\s*(\d{1,3})\s*\)/u, bare: true },
	{ kind: "number-paren", regex: /^(\d{1,3})\)(?=\s*\S)/u, bare: false },
	{ kind: "circled", regex: /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])/u, bare: true },
	{ kind: "katakana", regex: /^([ア-ン])(?:\s*[.、]|(?=\s+\S))/u, bare: false },
	{ kind: "paren-katakana", regex: /^\(\s*([ア-ン])\s*\)/u, bare: true },
	{ kind: "kanji", regex: /^([一二三四五六七八九十]{1,3})(?:\s*[.、]|(?=\s+\S))/u, bare: false },
	{ kind: "paren-latin", regex: /^\(\s*([a-z])\s*\)/iu, bare: true },
];

function circledNumber(char: string): number {
	const code = char.codePointAt(0) ?? 0;
	if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
	if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
	return code - 0x32b1 + 36;
}

function ordinal(kind: HeadingKind, symbol: string): number {
	switch (kind) {
		case "circled":
			return circledNumber(symbol);
		case "katakana":
		case "paren-katakana":
			return GOJUON.indexOf(symbol) + 1;
		case "paren-latin":
			return symbol.toLowerCase().charCodeAt(0) - 96;
		case "supplementary":
			return 0;
		case "chapter":
		case "division":
		case "article":
		case "dai":
		case "number":
		case "paren-number":
		case "number-paren":
		case "kanji":
			return parseNumeral(symbol);
	}
}

/**
 * Recognise the heading label at the start of a line, in any of the styles of {@link HEADING_KINDS}.
 * Whether it really is a heading (numbering in sequence) is for the tree builder to decide.
 *
 * @example
 * recognizeHeading("（１）情報資産"); // { kind: "paren-number", number: 1, label: "（１）", rest: "情報資産", … }
 * recognizeHeading("第2条（定義）この規程において…"); // { kind: "article", caption: "定義", … }
 */
export function recognizeHeading(line: string): HeadingMatch | null {
	const original = line.trim();
	// Labels sit at the start of the line: normalising a short prefix keeps long lines cheap.
	const view = recognitionView(original.slice(0, 64));
	for (const { kind, regex, bare } of PATTERNS) {
		const match = regex.exec(view.text);
		if (!match) continue;
		const labelEnd = view.originalIndex(match[0].length);
		let restStart = labelEnd;
		let caption: string | null = null;
		if (kind === "article" || kind === "supplementary") {
			const captionMatch = /^\s*\(([^()]{1,40})\)/u.exec(view.text.slice(match[0].length));
			if (captionMatch) {
				const from = view.originalIndex(match[0].length + captionMatch[0].indexOf("(") + 1);
				const to = view.originalIndex(match[0].length + captionMatch[0].length - 1);
				caption = original.slice(from, to).trim();
				restStart = view.originalIndex(match[0].length + captionMatch[0].length);
			}
		}
		const rest = original.slice(restStart).replace(/^[\s\u3000]+/u, "");
		if (rest === "" && !bare) continue;
		const countsSomething = NOT_AFTER_NUMBER.test(recognitionView(rest.slice(0, 2)).text);
		if (BARE_NUMBER_KINDS.has(kind) && countsSomething) continue;
		const symbol = match[1] ?? "";
		return {
			kind,
			number: ordinal(kind, symbol),
			branch: match[2] ? parseNumeral(match[2]) : null,
			// 「附　則」 and 「第 1 条」 read as 附則 and 第1条; the characters themselves stay as written.
			label: original.slice(0, labelEnd).replace(/[\s\u3000]+/gu, ""),
			caption,
			rest,
		};
	}
	return null;
}

/** A caption line such as 「（目的）」 standing above an article in 例規 style. */
export function captionOf(line: string): string | null {
	if (line.length > 40) return null;
	const match = /^\(([^()]{1,30})\)$/u.exec(recognitionView(line.trim()).text);
	if (!match) return null;
	return line.trim().slice(1, -1).trim();
}

/**
 * Whether `next` continues the numbering after its previous sibling `previous` (null for the first
 * child): 1 → 2, 第5条 → 第5条の2 → 第6条, ア → イ or イ → ロ.
 */
export function followsInSequence(
	kind: HeadingKind,
	previous: HeadingMatch | null,
	next: HeadingMatch,
): boolean {
	if (kind === "supplementary") return true;
	if (kind === "katakana" || kind === "paren-katakana") {
		const symbol = GOJUON[next.number - 1] ?? "";
		if (previous === null) return symbol === "ア" || symbol === "イ";
		const before = GOJUON[previous.number - 1] ?? "";
		return (
			GOJUON.indexOf(before) + 1 === GOJUON.indexOf(symbol) ||
			IROHA.indexOf(before) + 1 === IROHA.indexOf(symbol)
		);
	}
	if (previous === null) return next.number === 1 && next.branch === null;
	if (kind === "article") {
		// 第5条 → 第5条の2 → 第5条の3 → 第6条
		if (next.number === previous.number) return (next.branch ?? 0) === (previous.branch ?? 1) + 1;
		return next.number === previous.number + 1 && next.branch === null;
	}
	return next.number === previous.number + 1;
}
