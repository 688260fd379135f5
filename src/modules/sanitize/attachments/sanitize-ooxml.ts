import { extractEntry, readZipDirectory, ZipError } from "../../../shared/zip.ts";
import { because, type SanitizePolicy } from "../sanitize.contract.ts";
import type { DetectedType } from "./detect-type.ts";
import {
	activeContentType,
	activePartLabel,
	disguisedSheet,
	keptRelationship,
	type OoxmlKind,
	relationshipLabel,
	relationshipName,
} from "./ooxml-allow-list.ts";
import { contentTypesOf, rewriteContentTypes } from "./ooxml-content-types.ts";
import {
	dropRelationshipUses,
	mayEmbed,
	parseRelationships,
	resolveTarget,
	sourcePartOf,
	stripDangerousFields,
	stripEmbeddings,
} from "./ooxml-parts.ts";
import { editWorkbook, stripDdeFormulas } from "./ooxml-workbook.ts";
import type { ProcessContext, SanitizerResult } from "./process-attachment.ts";
import { entryAllowance, RATIO_FLOOR_BYTES } from "./sanitize-archive.ts";
import { writeZip, type ZipWriteEntry } from "./zip-writer.ts";

const WORD_PART =
	/^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments|glossary\/document)\.xml$/i;

const OUTPUT_TYPES: Record<OoxmlKind, [string, string]> = {
	word: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
	xl: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
	ppt: ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
};

/** How many removed items the reason names; the findings name them all. */
const REASON_ITEMS = 20;

/** `word/document.xml` → `word/_rels/document.xml.rels`; the package itself ("") → `_rels/.rels`. */
function relsPathOf(part: string): string {
	const slash = part.lastIndexOf("/");
	return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Walk {
	kept: Set<string>;
	/** Dropped part → what it is. */
	dropped: Map<string, string>;
	/** `.rels` part → ids of the relationships it loses. */
	droppedIds: Map<string, Set<string>>;
	/** External relationships, worded for the report. */
	external: string[];
}

/**
 * Follow the relationships from the package root, keeping a part only when an allowed
 * relationship type leads to it and neither its name, its content type nor its root element says
 * it is code; every other part is dropped.
 */
function walkPackage(kind: OoxmlKind, parts: ReadonlyMap<string, Buffer>): Walk {
	const walk: Walk = {
		kept: new Set(["[Content_Types].xml"]),
		dropped: new Map(),
		droppedIds: new Map(),
		external: [],
	};
	const contentType = contentTypesOf(parts.get("[Content_Types].xml")?.toString("utf8") ?? "");
	const queue = [""];
	for (let at = 0; at < queue.length; at++) {
		const relsPath = relsPathOf(queue[at] ?? "");
		const rels = parts.get(relsPath);
		if (!rels) continue;
		walk.kept.add(relsPath);
		const ids = new Set<string>();
		for (const relationship of parseRelationships(rels.toString("utf8"))) {
			if (relationship.external) {
				ids.add(relationship.id);
				walk.external.push(
					`external ${relationshipName(relationship.type).split("/").pop()} relationship (${relationship.target.slice(0, 120)})`,
				);
				continue;
			}
			const target = resolveTarget(relsPath, relationship.target);
			const data = parts.get(target);
			const label = !keptRelationship(kind, relationship.type)
				? relationshipLabel(relationship.type)
				: (activePartLabel(target) ??
					(activeContentType(contentType(target)) ? `part of type ${contentType(target)}` : null) ??
					(data && kind === "xl"
						? disguisedSheet(relationship.type, data.subarray(0, 4096).toString("utf8"))
						: null));
			if (label !== null || !data) {
				ids.add(relationship.id);
				if (label !== null && data && !walk.dropped.has(target)) walk.dropped.set(target, label);
			} else if (!walk.kept.has(target)) {
				walk.kept.add(target);
				queue.push(target);
			}
		}
		if (ids.size > 0) walk.droppedIds.set(relsPath, ids);
	}
	for (const name of parts.keys()) {
		if (walk.kept.has(name)) {
			walk.dropped.delete(name);
			continue;
		}
		if (walk.dropped.has(name)) continue;
		// A dropped part's relationships go with it, unnamed: the part is named.
		if (name.endsWith(".rels") && walk.dropped.has(sourcePartOf(name))) continue;
		walk.dropped.set(name, activePartLabel(name) ?? "part the document does not use");
	}
	return walk;
}

function counted(items: readonly string[]): string[] {
	const counts = new Map<string, number>();
	for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
	return [...counts].map(([item, count]) => (count > 1 ? `${item} ×${count}` : item));
}

/**
 * Rebuild a Word, Excel or PowerPoint file from an allow-list of relationship types per document
 * type (`ooxml-allow-list.ts`): macros, macro and dialog sheets, OLE objects, ActiveX, custom
 * ribbons, templates, external links, connections and queries, every external relationship, DDE
 * fields and formulas and auto-run names are dropped, each named in the findings; macro-enabled
 * files become their ordinary type (xlsm → xlsx).
 */
export async function sanitizeOoxml(
	content: Buffer,
	detected: DetectedType,
	policy: SanitizePolicy,
	context: ProcessContext,
): Promise<SanitizerResult> {
	const { limits } = policy;
	const parts = new Map<string, Buffer>();
	// Media are already compressed: stored as they are rather than deflated again, for speed.
	const incompressible = new Set<string>();
	try {
		const entries = readZipDirectory(content, limits.maxArchiveEntries);
		let expanded = 0;
		for (const entry of entries) {
			if (entry.isDirectory) continue;
			const data = extractEntry(
				content,
				entry,
				entryAllowance(entry.compressedSize, context.budget, limits),
			);
			context.budget.expandedBytes += data.length;
			expanded += data.length;
			if (expanded > RATIO_FLOOR_BYTES && expanded > content.length * limits.maxCompressionRatio) {
				return {
					ok: false,
					...because(
						"ooxml_ratio",
						`document expands more than ${limits.maxCompressionRatio}× its size`,
						{ max: limits.maxCompressionRatio },
					),
					findings: [],
				};
			}
			parts.set(entry.name, data);
			if (data.length > 1024 && entry.compressedSize > data.length * 0.9)
				incompressible.add(entry.name);
		}
	} catch (error) {
		return {
			ok: false,
			...because(
				"ooxml_unreadable",
				error instanceof ZipError ? error.message : "unreadable document",
			),
			findings: [],
		};
	}
	if (parts.has("xl/workbook.bin")) {
		return {
			ok: false,
			...because("ooxml_xlsb", "binary workbooks (xlsb) cannot be sanitised"),
			findings: [],
		};
	}
	const folder = (["word", "xl", "ppt"] as const).find((name) =>
		[...parts.keys()].some((part) => part.startsWith(`${name}/`)),
	);
	const outputType = folder ? OUTPUT_TYPES[folder] : undefined;
	if (!outputType) {
		return {
			ok: false,
			...because("ooxml_not_office", "not a Word, Excel or PowerPoint document"),
			findings: [],
		};
	}

	if (parts.has("xl/workbook.bin")) {
		return {
			ok: false,
			...because("ooxml_xlsb", "binary workbooks (xlsb) cannot be sanitised"),
			findings: [],
		};
	}
	const kind = (["word", "xl", "ppt"] as const).find((name) =>
		[...parts.keys()].some((part) => part.startsWith(`${name}/`)),
	);
	if (!kind) {
		return {
			ok: false,
			...because("ooxml_not_office", "not a Word, Excel or PowerPoint document"),
			findings: [],
		};
	}

	const walk = walkPackage(kind, parts);
	const edited = new Map<string, string>();
	const text = (name: string): string =>
		edited.get(name) ?? parts.get(name)?.toString("utf8") ?? "";
	const elements: string[] = [];
	const externalLinksDropped = [...walk.dropped.values()].includes("external workbook link");
	for (const [relsPath, ids] of walk.droppedIds) {
		let xml = text(relsPath);
		for (const relationship of parseRelationships(xml))
			if (ids.has(relationship.id)) xml = xml.replace(relationship.xml, "");
		edited.set(relsPath, xml);
		const source = sourcePartOf(relsPath);
		if (!walk.kept.has(source)) continue;
		let sourceXml = dropRelationshipUses(text(source), [...ids]);
		if (/^xl\/workbook\.xml$/i.test(source)) {
			const workbook = editWorkbook(sourceXml, ids, externalLinksDropped);
			sourceXml = workbook.xml;
			elements.push(...workbook.removed);
		}
		edited.set(source, sourceXml);
	}
	for (const name of walk.kept) {
		const data = parts.get(name);
		if (!data || !name.endsWith(".xml") || !name.startsWith(`${kind}/`)) continue;
		if (mayEmbed(data)) {
			const result = stripEmbeddings(text(name));
			if (result.removed.length > 0) {
				edited.set(name, result.xml);
				elements.push(...result.removed.map((label) => `${label} in ${name}`));
			}
		}
		if (kind === "word" && WORD_PART.test(name) && data.includes("instr")) {
			const result = stripDangerousFields(text(name));
			if (result.removed.length > 0) {
				edited.set(name, result.xml);
				elements.push(...result.removed.map((field) => `${field} in ${name}`));
			}
		}
		if (kind === "xl" && /^xl\/worksheets\/[^/]+\.xml$/i.test(name) && data.includes("|")) {
			const result = stripDdeFormulas(text(name), name);
			if (result.removed.length > 0) {
				edited.set(name, result.xml);
				elements.push(...result.removed);
			}
		}
	}
	edited.set("[Content_Types].xml", rewriteContentTypes(text("[Content_Types].xml"), walk.kept));

	const files: ZipWriteEntry[] = [];
	for (const [name, data] of parts) {
		if (!walk.kept.has(name)) continue;
		const replacement = edited.get(name);
		files.push({
			name,
			data: replacement === undefined ? data : Buffer.from(replacement, "utf8"),
			compress: replacement !== undefined || !incompressible.has(name),
		});
	}
	const findings = [
		...[...walk.dropped]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([name, label]) => `${name}: ${label}`),
		...counted(walk.external),
		...counted(elements),
	];
	const [contentType, extension] = OUTPUT_TYPES[kind];
	const renamed = detected.extension !== extension ? `, delivered as .${extension}` : "";
	const named = findings.slice(0, REASON_ITEMS).join("; ");
	const more = findings.length > REASON_ITEMS ? `; and ${findings.length - REASON_ITEMS} more` : "";
	return {
		ok: true,
		content: writeZip(files),
		contentType,
		extension,
		...(findings.length > 0
			? because(
					"ooxml_rebuilt_removed",
					`rebuilt without active content${renamed}; removed ${findings.length} item(s): ${named}${more}`,
					{ count: findings.length },
				)
			: because("ooxml_rebuilt", `rebuilt; no active content found${renamed}`)),
		findings,
	};
}
