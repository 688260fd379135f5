import { STRUCTURAL_KINDS } from "./headings.ts";
import type { ImportedDefinition, ImportWarning } from "./import.schemas.ts";
import { cleanText, recognitionForm } from "./normalize.ts";
import { type DraftNode, splitTitle } from "./tree.ts";

/** 「定義」, 「用語の定義」, 「定義等」, and the 例規 caption 「（定義）」. */
export function isDefinitionsTitle(title: string): boolean {
	if (title.length > 20) return false;
	const compact = recognitionForm(title).replace(/\s+/gu, "");
	return /^(?:用語の)?定義(?:等)?$|^用語の意義$/u.test(compact);
}

/** An item rendered on one line, its sub-items on the following ones. */
function flatten(node: DraftNode): string[] {
	const { title, paragraphs } = splitTitle(node);
	const text = [title, ...paragraphs].filter((t) => t !== "").join(" ");
	const label = node.heading.label;
	const glue = /[)）\u2460-\u24ff\u3251-\u32bf]$/u.test(label) ? "" : " ";
	return [`${label}${glue}${text}`, ...node.children.flatMap(flatten)];
}

/**
 * Split an item that carries term and meaning on one line: 「一　ネットワーク　コンピュータ等を…」
 * (例規 style, term then a space) or 「「ネットワーク」とは、…をいう。」.
 */
function splitInline(text: string): { term: string; meaning: string } | null {
	const quoted = /^「([^」]{1,40})」(?:とは)?[、,]?\s*(.*)$/su.exec(text);
	if (quoted?.[1]) return { term: quoted[1], meaning: quoted[2] ?? "" };
	const spaced = /^([^\s\u3000、。]{1,40})[\s\u3000]+(\S.*)$/su.exec(text);
	if (spaced?.[1]) return { term: spaced[1], meaning: spaced[2] ?? "" };
	const toha = /^([^、。]{1,40}?)とは[、,]\s*(.*)$/su.exec(text);
	if (toha?.[1]) return { term: toha[1], meaning: toha[2] ?? "" };
	return null;
}

function definitionOf(item: DraftNode, warnings: ImportWarning[]): ImportedDefinition | null {
	const { title, paragraphs } = splitTitle(item);
	const subItems = item.children.flatMap(flatten);
	let term = title;
	let meaningParts = [...paragraphs, ...subItems];
	if (term === "") {
		const inline = splitInline(paragraphs[0] ?? "");
		if (!inline) {
			warnings.push({
				code: "definition_unparsed",
				params: { label: item.heading.label },
				line: item.line,
				message: `definition 「${item.heading.label}」 has no recognisable term`,
			});
			return null;
		}
		term = inline.term;
		meaningParts = [inline.meaning, ...paragraphs.slice(1), ...subItems];
	}
	const meaning = meaningParts
		.map(cleanText)
		.filter((t) => t !== "")
		.join("\n");
	if (meaning === "") {
		warnings.push({
			code: "definition_without_meaning",
			params: { term: cleanText(term) },
			line: item.line,
			message: `the term 「${cleanText(term)}」 has no meaning written after it`,
		});
	}
	return { term: cleanText(term), meaning, line: item.line };
}

/**
 * Terms and meanings from the section titled 定義 or 用語の定義 (also an article 第N条（定義）):
 * each numbered item is one term; its title is the term and its body (with sub-items such as
 * ①②③) the meaning.
 */
export function extractDefinitions(roots: DraftNode[]): {
	definitions: ImportedDefinition[];
	warnings: ImportWarning[];
} {
	const definitions: ImportedDefinition[] = [];
	const warnings: ImportWarning[] = [];
	const visit = (node: DraftNode): void => {
		if (isDefinitionsTitle(splitTitle(node).title)) {
			const items = node.children.filter((c) => !STRUCTURAL_KINDS.has(c.heading.kind));
			if (items.length === 0) {
				warnings.push({
					code: "definitions_section_empty",
					params: { label: node.heading.label },
					line: node.line,
					message: `section 「${node.heading.label}」 is titled as definitions but lists no items`,
				});
			}
			for (const item of items) {
				const definition = definitionOf(item, warnings);
				if (definition) definitions.push(definition);
			}
			return;
		}
		node.children.forEach(visit);
	};
	roots.forEach(visit);
	return { definitions, warnings };
}
