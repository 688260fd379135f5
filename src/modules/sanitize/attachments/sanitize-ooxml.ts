import type { SanitizePolicy } from "../sanitize.contract.ts";
import type { DetectedType } from "./detect-type.ts";
import {
	dropRelationshipUses,
	parseRelationships,
	resolveTarget,
	rewriteContentTypes,
	sourcePartOf,
	stripDangerousFields,
} from "./ooxml-parts.ts";
import type { ProcessContext, SanitizerResult } from "./process-attachment.ts";
import { entryAllowance, RATIO_FLOOR_BYTES } from "./sanitize-archive.ts";
import { extractEntry, readZipDirectory, ZipError } from "./zip-reader.ts";
import { writeZip, type ZipWriteEntry } from "./zip-writer.ts";

/** Parts that carry code or foreign objects, and why each is dropped. */
const ACTIVE_PARTS: readonly [RegExp, string][] = [
	[/(^|\/)vbaProject\.bin$/i, "vbaProject.bin"],
	[/(^|\/)vbaData\.xml$/i, "vbaData.xml"],
	[/(^|\/)embeddings\//i, "embedded object"],
	[/(^|\/)oleObject[^/]*$/i, "OLE object"],
	[/(^|\/)activeX\//i, "ActiveX control"],
	[/^customUI\//i, "custom ribbon (customUI)"],
	[/^userCustomization\//i, "user customisation"],
	[/(^|\/)externalLinks\//i, "external workbook link"],
	[/(^|\/)attachedToolbars\.bin$/i, "attached toolbars"],
	[/(^|\/)customizations\.bin$/i, "key customisations"],
];

/** Relationship types that only serve macros or programmability. */
const ACTIVE_RELATIONSHIP =
	/\/(vbaProject|vbaData|attachedToolbars|keyMapCustomizations|ui\/extensibility|oleObject|activeXControl|activeXControlBinary|externalLink|control)$/i;

const WORD_PART =
	/^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments|glossary\/document)\.xml$/i;

const OUTPUT_TYPES: Record<string, [string, string]> = {
	word: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
	xl: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
	ppt: ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
};

function activePart(name: string): string | null {
	for (const [pattern, label] of ACTIVE_PARTS) if (pattern.test(name)) return label;
	return null;
}

/**
 * Rebuild a Word, Excel or PowerPoint file without macros, OLE objects, ActiveX, external
 * relationships or DDE fields; macro-enabled files become their ordinary type (docm → docx).
 */
export async function sanitizeOoxml(
	content: Buffer,
	detected: DetectedType,
	policy: SanitizePolicy,
	context: ProcessContext,
): Promise<SanitizerResult> {
	const { limits } = policy;
	const findings = new Set<string>();
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
					reason: `document expands more than ${limits.maxCompressionRatio}× its size`,
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
			reason: error instanceof ZipError ? error.message : "unreadable document",
			findings: [],
		};
	}
	if (parts.has("xl/workbook.bin")) {
		return { ok: false, reason: "binary workbooks (xlsb) cannot be sanitised", findings: [] };
	}
	const folder = (["word", "xl", "ppt"] as const).find((name) =>
		[...parts.keys()].some((part) => part.startsWith(`${name}/`)),
	);
	const outputType = folder ? OUTPUT_TYPES[folder] : undefined;
	if (!outputType)
		return { ok: false, reason: "not a Word, Excel or PowerPoint document", findings: [] };

	const removed = new Set<string>();
	for (const name of parts.keys()) {
		const label = activePart(name);
		if (label) {
			removed.add(name);
			findings.add(label);
			if (/<ddeLink\b/.test(parts.get(name)?.toString("utf8") ?? "")) findings.add("DDE link");
		}
	}
	// A removed part's own relationships go with it.
	for (const name of [...parts.keys()]) {
		if (name.endsWith(".rels") && removed.has(sourcePartOf(name))) removed.add(name);
	}

	const edited = new Map<string, string>();
	const text = (name: string): string =>
		edited.get(name) ?? parts.get(name)?.toString("utf8") ?? "";
	for (const name of parts.keys()) {
		if (!name.endsWith(".rels") || removed.has(name)) continue;
		const xml = text(name);
		const dropped: string[] = [];
		let kept = xml;
		for (const relationship of parseRelationships(xml)) {
			const target = relationship.external ? "" : resolveTarget(name, relationship.target);
			const external = relationship.external;
			if (!external && !removed.has(target) && !ACTIVE_RELATIONSHIP.test(relationship.type))
				continue;
			if (external) {
				const kind = relationship.type.split("/").pop() ?? "relationship";
				findings.add(`external ${kind} relationship (${relationship.target.slice(0, 120)})`);
			}
			if (!external && !removed.has(target)) {
				removed.add(target);
				findings.add(`${relationship.type.split("/").pop()} part`);
			}
			dropped.push(relationship.id);
			kept = kept.replace(relationship.xml, "");
		}
		if (dropped.length === 0) continue;
		edited.set(name, kept);
		const source = sourcePartOf(name);
		if (parts.has(source) && !removed.has(source))
			edited.set(source, dropRelationshipUses(text(source), dropped));
	}
	for (const name of parts.keys()) {
		if (removed.has(name)) continue;
		if (WORD_PART.test(name)) {
			const result = stripDangerousFields(text(name));
			if (result.removed.length > 0) {
				edited.set(name, result.xml);
				for (const field of result.removed) findings.add(field);
			}
		}
	}
	edited.set("[Content_Types].xml", rewriteContentTypes(text("[Content_Types].xml"), removed));

	const files: ZipWriteEntry[] = [];
	for (const [name, data] of parts) {
		if (removed.has(name)) continue;
		const replacement = edited.get(name);
		files.push({
			name,
			data: replacement === undefined ? data : Buffer.from(replacement, "utf8"),
			compress: replacement !== undefined || !incompressible.has(name),
		});
	}
	const [contentType, extension] = outputType;
	return {
		ok: true,
		content: writeZip(files),
		contentType,
		extension,
		reason:
			findings.size > 0
				? `rebuilt without active content (${[...findings].length} item(s) removed)`
				: `rebuilt; no active content found${detected.extension !== extension ? `, delivered as .${extension}` : ""}`,
		findings: [...findings],
	};
}
