import { ruleProblem } from "../../../shared/issues.ts";
import {
	captionOf,
	followsInSequence,
	type HeadingKind,
	type HeadingMatch,
	recognizeHeading,
	STRUCTURAL_KINDS,
} from "./headings.ts";
import type { ImportedSection, ImportWarning } from "./import.schemas.ts";
import {
	cleanText,
	displayWidth,
	endsMidSentence,
	endsSentence,
	isBullet,
	type SourceLine,
} from "./normalize.ts";
import { appendLine, joinLines, type Paragraph } from "./paragraphs.ts";

/** A section while the tree is built; texts are raw (joined lines, spaces not yet cleaned). */
export interface DraftNode {
	heading: HeadingMatch;
	line: number;
	depth: number;
	/** Text after the label, with the lines it wraps onto. */
	headingParts: string[];
	/** Whether the heading text has a comma: then it is a sentence, and sentences wrap. */
	headingHasComma: boolean;
	/** Whether the next line may still belong to the heading text. */
	headingOpen: boolean;
	headingWidth: number;
	/** 「（目的）」 written on the line above 第N条. */
	captionAbove: string | null;
	paragraphs: Paragraph[];
	children: DraftNode[];
}

export interface TreeLimits {
	maxDepth: number;
	maxSections: number;
}

export interface TreeOptions extends TreeLimits {
	blankLinesMeaningful: boolean;
	/** Width of a full printed line; a heading that long wraps onto the next line. */
	fullWidth: number;
}

export interface DraftTree {
	roots: DraftNode[];
	/** Lines before the first heading. */
	preamble: SourceLine[];
	count: number;
	warnings: ImportWarning[];
}

const CHAPTER_LIKE: ReadonlySet<HeadingKind> = new Set(["chapter", "division"]);

const CONTAINERS: Partial<Record<HeadingKind, ReadonlySet<HeadingKind>>> = {
	division: new Set(["chapter"]),
	article: new Set(["chapter", "division", "supplementary"]),
};

/**
 * The width of a full line: most lines of a PDF extraction are wrapped at the page width, so a
 * high percentile of line widths is it.
 */
export function typicalFullWidth(lines: SourceLine[]): number {
	const widths = lines.map((l) => displayWidth(l.raw)).sort((a, b) => a - b);
	// A floor keeps short headings of tiny documents (no wrapping at all) from reading as wrapped.
	return Math.max(widths[Math.floor(widths.length * 0.9)] ?? 0, 20);
}

/**
 * Build the section tree from lines. Heading styles nest in the order a document first uses them
 * (１ → (1) → ① → ア), 例規 structure (章, 条, 附則) has fixed places, and a label whose number
 * does not continue its siblings' numbering is taken as text, with a warning.
 */
export function buildTree(lines: SourceLine[], options: TreeOptions): DraftTree {
	const roots: DraftNode[] = [];
	const preamble: SourceLine[] = [];
	const warnings: ImportWarning[] = [];
	let stack: DraftNode[] = [];
	let lastArticle: DraftNode | null = null;
	let captionAbove: string | null = null;
	let count = 0;

	/** Where a heading goes: its depth (index into the stack) and the sibling it follows. */
	const place = (match: HeadingMatch): { at: number; previous: DraftNode | null } => {
		const kind = match.kind;
		if (kind === "chapter" || kind === "supplementary") {
			return { at: 0, previous: kind === "chapter" ? lastOfKind(roots, kind) : null };
		}
		const containers = CONTAINERS[kind];
		if (containers) {
			let at = 0;
			stack.forEach((node, i) => {
				if (containers.has(node.heading.kind)) at = i + 1;
			});
			const parent = stack[at - 1];
			const previous =
				kind === "article"
					? parent?.heading.kind === "supplementary"
						? lastOfKind(parent.children, kind)
						: lastArticle
					: lastOfKind(parent ? parent.children : roots, kind);
			return { at, previous };
		}
		for (let i = stack.length - 1; i >= 0; i--) {
			const node = stack[i];
			if (node?.heading.kind === kind) return { at: i, previous: node };
			if (node && STRUCTURAL_KINDS.has(node.heading.kind)) break;
		}
		return { at: stack.length, previous: null };
	};

	const accept = (match: HeadingMatch, line: SourceLine): boolean => {
		const placed = place(match);
		const parent = stack[placed.at - 1];
		if (!followsInSequence(match.kind, placed.previous?.heading ?? null, match)) {
			const previousNumber = placed.previous?.heading.number ?? 0;
			// 例規: the first paragraph of an article is unnumbered, so items may start at ２.
			const secondParagraph =
				placed.previous === null &&
				match.kind === "number" &&
				match.number === 2 &&
				(parent?.heading.kind === "article" || parent?.heading.kind === "supplementary");
			const smallGap =
				match.number > previousNumber + 1 &&
				match.number <= previousNumber + 3 &&
				!match.kind.includes("katakana");
			if (!secondParagraph && !smallGap) {
				if (stack.length > 0) {
					warnings.push({
						code: "heading_out_of_sequence",
						params: { label: match.label, previous: placed.previous?.heading.label ?? "-" },
						line: line.no,
						message: `「${match.label}」 does not continue the numbering (after 「${placed.previous?.heading.label ?? "nothing"}」); kept as text`,
					});
				}
				return false;
			}
			if (smallGap) {
				warnings.push({
					...(placed.previous
						? {
								code: "numbering_gap" as const,
								params: { label: match.label, previous: placed.previous.heading.label },
								message: `numbering jumps from 「${placed.previous.heading.label}」 to 「${match.label}」`,
							}
						: {
								code: "numbering_starts_late" as const,
								params: { label: match.label },
								message: `numbering starts at 「${match.label}」`,
							}),
					line: line.no,
				});
			}
		}
		count++;
		if (count > options.maxSections) {
			throw ruleProblem(
				"validation_failed",
				`the policy has more than ${options.maxSections} numbered sections`,
				"text",
				"policy_too_many_sections",
				{ max: options.maxSections },
			);
		}
		if (placed.at + 1 > options.maxDepth) {
			throw ruleProblem(
				"validation_failed",
				`headings nest deeper than ${options.maxDepth} levels (line ${line.no})`,
				"text",
				"policy_too_deep",
				{ max: options.maxDepth, line: line.no },
			);
		}
		const bodyFirst = match.kind === "article" || match.kind === "supplementary";
		const node: DraftNode = {
			heading: match,
			line: line.no,
			depth: placed.at + 1,
			headingParts: bodyFirst || match.rest === "" ? [] : [match.rest],
			headingHasComma: !bodyFirst && match.rest.includes("、"),
			// A chapter's title is one line; a label alone waits for its title on the next line.
			headingOpen: bodyFirst ? false : CHAPTER_LIKE.has(match.kind) ? match.rest === "" : true,
			headingWidth: displayWidth(line.raw),
			captionAbove: match.kind === "article" ? captionAbove : null,
			paragraphs: bodyFirst && match.rest !== "" ? [[match.rest]] : [],
			children: [],
		};
		(parent ? parent.children : roots).push(node);
		stack = [...stack.slice(0, placed.at), node];
		if (match.kind === "article" && parent?.heading.kind !== "supplementary") lastArticle = node;
		captionAbove = null;
		return true;
	};

	lines.forEach((line, index) => {
		const caption = captionOf(line.text);
		const next = lines[index + 1];
		if (caption !== null && next && recognizeHeading(next.text)?.kind === "article") {
			captionAbove = caption;
			return;
		}
		const match = recognizeHeading(line.text);
		if (match && accept(match, line)) return;
		const current = stack.at(-1);
		if (!current) {
			preamble.push(line);
			return;
		}
		addText(current, line, options);
	});
	return { roots, preamble, count, warnings };
}

function lastOfKind(nodes: DraftNode[], kind: HeadingKind): DraftNode | null {
	for (let i = nodes.length - 1; i >= 0; i--) {
		const node = nodes[i];
		if (node?.heading.kind === kind) return node;
	}
	return null;
}

function addText(node: DraftNode, line: SourceLine, options: TreeOptions): void {
	if (node.headingOpen) {
		const last = node.headingParts.at(-1);
		if (last === undefined) {
			// A label alone on its line: the heading text is on the next one.
			node.headingParts.push(line.text);
			node.headingHasComma = line.text.includes("、");
			node.headingWidth = displayWidth(line.raw);
			node.headingOpen = !CHAPTER_LIKE.has(node.heading.kind);
			return;
		}
		// A heading line wraps when it is about as wide as the page, or is a long sentence; a title
		// such as 「監査、点検及び見直し」 stays one line even with its comma.
		const wraps =
			endsMidSentence(last) ||
			node.headingWidth >= options.fullWidth * 0.8 ||
			(node.headingHasComma && node.headingWidth >= options.fullWidth * 0.6);
		if (
			!endsSentence(last) &&
			wraps &&
			!isBullet(line.text) &&
			!(options.blankLinesMeaningful && line.blankBefore)
		) {
			node.headingParts.push(line.text);
			node.headingHasComma ||= line.text.includes("、");
			node.headingWidth = displayWidth(line.raw);
			return;
		}
		node.headingOpen = false;
	}
	appendLine(node.paragraphs, line, options.blankLinesMeaningful);
}

/** Title and body paragraphs of a draft node (raw text). */
export function splitTitle(node: DraftNode): { title: string; paragraphs: string[] } {
	const { heading } = node;
	const text = joinLines(node.headingParts);
	const paragraphs = node.paragraphs.map(joinLines);
	switch (heading.kind) {
		case "article":
			return { title: heading.caption ?? node.captionAbove ?? "", paragraphs };
		case "supplementary":
			return { title: heading.caption ?? "", paragraphs };
		case "chapter":
		case "division":
			return { title: text, paragraphs };
		default:
			if (text === "") return { title: "", paragraphs };
			if (endsSentence(text)) return { title: "", paragraphs: [text, ...paragraphs] };
			// A short item without body or sub-items is list content, not a title.
			if (node.depth === 1 || paragraphs.length > 0 || node.children.length > 0) {
				return { title: text, paragraphs };
			}
			return { title: "", paragraphs: [text] };
	}
}

/** The output form of a draft node: texts cleaned of PDF spacing. */
export function presentSection(node: DraftNode): ImportedSection {
	const { title, paragraphs } = splitTitle(node);
	return {
		kind: node.heading.kind,
		label: node.heading.label,
		title: cleanText(title),
		body: paragraphs.map(cleanText).join("\n"),
		line: node.line,
		children: node.children.map(presentSection),
	};
}
