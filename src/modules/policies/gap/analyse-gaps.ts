import type { ImportedSection, PolicyImportResult } from "../import/import.schemas.ts";
import type { LocalizedText } from "../pack/pack.primitives.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import { BASELINE_PROVISIONS, type BaselineProvision, type Finder } from "./baseline.ts";
import type { GapAnalysis, GapClause, GapItem } from "./gap.schemas.ts";

/** A section with its label path and the text of it and everything under it. */
interface Located {
	path: string;
	title: string;
	line: number;
	/** Title and body of this section only. */
	own: string;
	/** Title, body and descendants. */
	all: string;
	children: Located[];
}

const FULL_WIDTH_DIGIT = /[０-９]/gu;

/** `（１）` → `(1)`, `１０` → `10`: label paths read the same whatever the width. */
export function normaliseLabel(label: string): string {
	return label
		.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
		.replace(/（/gu, "(")
		.replace(/）/gu, ")")
		.replace(/\s+/gu, "");
}

function locate(section: ImportedSection, parent: Located | null): Located {
	const path = `${parent?.path ?? ""}${normaliseLabel(section.label)}`;
	const title = section.title || parent?.title || "";
	const own = `${section.title}\n${section.body}`;
	const node: Located = { path, title, line: section.line, own, all: own, children: [] };
	node.children = section.children.map((child) => locate(child, node));
	node.all = [own, ...node.children.map((child) => child.all)].join("\n");
	return node;
}

function clauseOf(node: Located): GapClause {
	return { source: "section", path: node.path, title: node.title, line: node.line };
}

/** The first section, in document order, whose heading title matches. */
function byTitle(nodes: Located[], title: RegExp, raw: Map<Located, string>): Located | undefined {
	for (const node of nodes) {
		if (title.test(raw.get(node) ?? "")) return node;
		const below = byTitle(node.children, title, raw);
		if (below) return below;
	}
	return undefined;
}

/** The most specific section holding every pattern (the first such, in document order). */
function byText(nodes: Located[], patterns: RegExp[]): Located | undefined {
	for (const node of nodes) {
		if (patterns.every((pattern) => pattern.test(node.all))) {
			return byText(node.children, patterns) ?? node;
		}
	}
	return undefined;
}

interface Document {
	roots: Located[];
	titles: Map<Located, string>;
	revisions: PolicyImportResult["revisions"];
}

function findSection(doc: Document, finders: Finder[]): Located | undefined {
	for (const finder of finders) {
		const found =
			"title" in finder
				? byTitle(doc.roots, finder.title, doc.titles)
				: byText(doc.roots, finder.text);
		if (found) return found;
	}
	return undefined;
}

function findRevision(doc: Document, finders: Finder[]): GapClause | undefined {
	for (const finder of finders) {
		if (!("text" in finder)) continue;
		const row = doc.revisions.find((r) => finder.text.every((p) => p.test(r.summary)));
		if (row) {
			const no = row.no ?? doc.revisions.indexOf(row) + 1;
			return { source: "revision", path: `No.${no}`, title: row.dateText, line: row.line };
		}
	}
	return undefined;
}

const FOUND: LocalizedText = { ja: "規定あり。", en: "Stated." };

function onlyInRevisions(clause: GapClause): LocalizedText {
	return {
		ja: `本文にはなく、改定履歴（${clause.path}、${clause.title}）にだけ記載がある。`,
		en: `Not in the body; only the revision history mentions it (${clause.path}, ${clause.title}).`,
	};
}

function packRemark(item: BaselineProvision, tenantPack: PolicyPack | null): boolean | null {
	if (!item.packProvision || !tenantPack) return null;
	return tenantPack.provisions[item.packProvision].inForce;
}

function check(
	item: BaselineProvision,
	doc: Document,
	baseline: PolicyPack,
	tenantPack: PolicyPack | null,
): GapItem {
	const base = {
		code: item.code,
		group: item.group,
		label: item.label,
		baselineClause: item.baselineClause,
		tenantPackInForce: packRemark(item, tenantPack),
	};
	const section = findSection(doc, item.find);
	if (section) {
		const expectation = item.expect;
		if (
			expectation &&
			(expectation.applies?.(baseline) ?? true) &&
			!expectation.pattern.test(section.all)
		) {
			return { ...base, status: "different", clause: clauseOf(section), note: expectation.note };
		}
		return { ...base, status: "present", clause: clauseOf(section), note: FOUND };
	}
	const revision = item.searchRevisions ? findRevision(doc, item.find) : undefined;
	if (revision) {
		return { ...base, status: "present", clause: revision, note: onlyInRevisions(revision) };
	}
	const nearest = item.instead ? findSection(doc, item.instead.find) : undefined;
	if (nearest && item.instead) {
		return { ...base, status: "different", clause: clauseOf(nearest), note: item.instead.note };
	}
	return { ...base, status: "missing", clause: null, note: item.missingNote };
}

/**
 * Compare an imported policy with the baseline checklist: for every provision the baseline pack
 * asks for, whether the text states it (`present`), words it in a way that falls short or differs
 * (`different`) or lacks it (`missing`), with the clause where it was found.
 *
 * @example
 * const result = analyseGaps(importPolicyText(text), tenantPack, standardPack);
 * result.items.filter((i) => i.status === "missing").map((i) => i.code); // ["social_media", …]
 */
export function analyseGaps(
	imported: PolicyImportResult,
	tenantPack: PolicyPack | null,
	baselinePack: PolicyPack,
	checklist: readonly BaselineProvision[] = BASELINE_PROVISIONS,
): GapAnalysis {
	const roots = imported.sections.map((section) => locate(section, null));
	const titles = new Map<Located, string>();
	const indexTitles = (sections: ImportedSection[], nodes: Located[]) => {
		sections.forEach((section, i) => {
			const node = nodes[i];
			if (!node) return;
			titles.set(node, section.title);
			indexTitles(section.children, node.children);
		});
	};
	indexTitles(imported.sections, roots);
	const doc: Document = { roots, titles, revisions: imported.revisions };

	const items = checklist
		.filter((item) => item.applies?.(baselinePack) ?? true)
		.map((item) => check(item, doc, baselinePack, tenantPack));
	const count = (status: GapItem["status"]) => items.filter((i) => i.status === status).length;
	return {
		baseline: { id: baselinePack.id, name: baselinePack.name },
		tenantPack: tenantPack ? { id: tenantPack.id, name: tenantPack.name } : null,
		document: {
			title: imported.title,
			sections: imported.sections.length,
			revisions: imported.revisions.length,
		},
		summary: {
			present: count("present"),
			different: count("different"),
			missing: count("missing"),
		},
		items,
	};
}
