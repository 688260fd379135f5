import { refusal, ruleProblem } from "../../../shared/issues.ts";
import { decodePolicyBytes, MAX_IMPORT_BYTES } from "./decode.ts";
import { extractDefinitions } from "./definitions.ts";
import { recognizeHeading } from "./headings.ts";
import type { ImportWarning, PolicyImportResult } from "./import.schemas.ts";
import { cleanText, displayWidth, endsSentence, type SourceLine, splitLines } from "./normalize.ts";
import { extractRevisionTable } from "./revisions.ts";
import { buildTree, presentSection, typicalFullWidth } from "./tree.ts";

export interface ImportLimits {
	/** Largest file accepted by {@link importPolicyFile}. */
	maxBytes: number;
	/** Longest text accepted by {@link importPolicyText}, in UTF-16 code units. */
	maxChars: number;
	/** Deepest nesting of headings (第1章 → 第1条 → １ → (1) → ア is 5). */
	maxDepth: number;
	maxSections: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
	maxBytes: MAX_IMPORT_BYTES,
	maxChars: MAX_IMPORT_BYTES,
	maxDepth: 8,
	maxSections: 5000,
};

const TITLE_WORDS = /方針|規程|規則|要綱|要領|基準|ポリシー|手順|マニュアル|指針/u;

/** A document title is a short line, no sentence, above the first heading. */
function documentTitle(preamble: SourceLine[]): { title: string | null; rest: SourceLine[] } {
	const first = preamble[0];
	if (
		first &&
		!endsSentence(first.text) &&
		!first.text.includes("、") &&
		displayWidth(first.text) <= 50 &&
		(preamble.length === 1 || TITLE_WORDS.test(first.text))
	) {
		return { title: cleanText(first.text), rest: preamble.slice(1) };
	}
	return { title: null, rest: preamble };
}

function excerpt(text: string): string {
	const clean = cleanText(text);
	return clean.length > 30 ? `${clean.slice(0, 30)}…` : clean;
}

/**
 * Build a structured draft from the plain text of an existing policy (as extracted from PDF, with
 * its page-break noise): numbered sections with nested items, definitions, the revision history,
 * and warnings for whatever was skipped or unclear.
 *
 * @throws Problem `validation_failed` when the text has no numbered headings or breaks a limit.
 * @example
 * const draft = importPolicyText("１ 目的\n本方針は…定める。\n２ 定義\n(1) 職員等\n…をいう。");
 * draft.sections.map((s) => s.title); // ["目的", "定義"]
 * draft.definitions[0]?.term; // "職員等"
 */
export function importPolicyText(
	text: string,
	options: Partial<ImportLimits> = {},
): PolicyImportResult {
	const limits = { ...DEFAULT_IMPORT_LIMITS, ...options };
	if (text.length > limits.maxChars) {
		throw refusal(
			"payload_too_large",
			"policy_text_too_long",
			`the text has ${text.length} characters; a policy may have at most ${limits.maxChars}`,
			{ max: limits.maxChars },
		);
	}
	const split = splitLines(text);
	if (split.lines.length === 0) {
		throw ruleProblem("validation_failed", "the text is empty", "text", "policy_text_empty");
	}

	const warnings: ImportWarning[] = [];
	if (split.pageNumbers.length > 0) {
		const shown = split.pageNumbers.slice(0, 10).join(", ");
		warnings.push({
			code: "page_numbers_removed",
			params: {
				count: split.pageNumbers.length,
				lines: `${shown}${split.pageNumbers.length > 10 ? ", …" : ""}`,
			},
			line: split.pageNumbers[0] ?? null,
			message: `removed ${split.pageNumbers.length} lone page number line(s): line ${shown}${split.pageNumbers.length > 10 ? ", …" : ""}`,
		});
	}

	const table = extractRevisionTable(split.lines, (l) => recognizeHeading(l.text) !== null);
	warnings.push(...table.warnings);
	const lines = table.span
		? [...split.lines.slice(0, table.span.from), ...split.lines.slice(table.span.to)]
		: split.lines;

	const tree = buildTree(lines, {
		maxDepth: limits.maxDepth,
		maxSections: limits.maxSections,
		blankLinesMeaningful: split.blankLinesMeaningful,
		fullWidth: typicalFullWidth(split.lines),
	});
	if (tree.count === 0) {
		throw ruleProblem(
			"validation_failed",
			"this does not look like a policy: no numbered headings found (such as 「１ 目的」, 「(1)」 or 「第1条」)",
			"text",
			"policy_no_headings",
		);
	}
	if (tree.count === 1) {
		throw ruleProblem(
			"validation_failed",
			`this does not look like a policy: only one numbered heading found (line ${tree.roots[0]?.line})`,
			"text",
			"policy_one_heading",
			{ line: tree.roots[0]?.line ?? 0 },
		);
	}
	warnings.push(...tree.warnings);

	const { title, rest } = documentTitle(tree.preamble);
	const skipped = rest[0];
	if (skipped) {
		warnings.push({
			code: "preamble_skipped",
			params: { count: rest.length, excerpt: excerpt(skipped.text) },
			line: skipped.no,
			message: `skipped ${rest.length} line(s) of text before the first heading: 「${excerpt(skipped.text)}」`,
		});
	}

	const definitions = extractDefinitions(tree.roots);
	warnings.push(...definitions.warnings);
	warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

	return {
		title,
		sections: tree.roots.map(presentSection),
		definitions: definitions.definitions,
		revisions: table.revisions,
		warnings,
	};
}

/**
 * {@link importPolicyText} for the bytes of a file or upload: refuses binary data, decodes UTF-8
 * (BOM or not), UTF-16 with BOM or Shift_JIS, and enforces the size limit.
 *
 * @throws Problem `validation_failed` naming what is wrong; `payload_too_large` over the limit.
 * @example
 * const draft = importPolicyFile(await readFile("policy.txt"));
 */
export function importPolicyFile(
	bytes: Uint8Array,
	options: Partial<ImportLimits> = {},
): PolicyImportResult {
	const decoded = decodePolicyBytes(bytes, options.maxBytes ?? DEFAULT_IMPORT_LIMITS.maxBytes);
	const result = importPolicyText(decoded.text, options);
	return { ...result, warnings: [...decoded.warnings, ...result.warnings] };
}
