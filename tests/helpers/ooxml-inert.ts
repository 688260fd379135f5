// An independent reading of rebuilt files: fflate and regular expressions of its own, none of
// the sanitiser's code, so a test of the sanitiser cannot agree with itself by construction.
import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";

/** What a rebuilt package holds, read with fflate and regular expressions of its own. */
export interface OoxmlReading {
	parts: string[];
	text: (name: string) => string;
	/** Content type of each Override, and the Default per extension. */
	overrides: Map<string, string>;
	defaults: Map<string, string>;
	/** Every relationship: the `.rels` part, its type, resolved target and mode. */
	relationships: { rels: string; type: string; target: string; external: boolean }[];
	definedNames: string[];
}

export function readOoxml(content: Uint8Array): OoxmlReading {
	const files = unzipSync(content);
	const text = (name: string) => {
		const data = files[name];
		return data ? strFromU8(data) : "";
	};
	const attr = (element: string, name: string) =>
		new RegExp(`${name}="([^"]*)"`).exec(element)?.[1] ?? "";
	const types = text("[Content_Types].xml");
	const overrides = new Map(
		[...types.matchAll(/<Override [^>]*>/g)].map(([e]) => [
			attr(e, "PartName").slice(1),
			attr(e, "ContentType"),
		]),
	);
	const defaults = new Map(
		[...types.matchAll(/<Default [^>]*>/g)].map(([e]) => [
			attr(e, "Extension"),
			attr(e, "ContentType"),
		]),
	);
	const relationships = Object.keys(files)
		.filter((name) => name.endsWith(".rels"))
		.flatMap((name) =>
			[...text(name).matchAll(/<Relationship [^>]*>/g)].map(([e]) => {
				const external = attr(e, "TargetMode") === "External";
				const base = name.replace(/_rels\/[^/]*$/, "");
				const target = attr(e, "Target");
				const resolved = decodeURIComponent(new URL(target, `http://x/${base}`).pathname.slice(1));
				return {
					rels: name,
					type: attr(e, "Type"),
					target: external ? target : resolved,
					external,
				};
			}),
		);
	const definedNames = [
		...text("xl/workbook.xml").matchAll(/<definedName [^>]*name="([^"]*)"/g),
	].map((match) => match[1] ?? "");
	return { parts: Object.keys(files), text, overrides, defaults, relationships, definedNames };
}

const ACTIVE_PART =
	/vbaProject|vbaData|macrosheets|intlMacrosheets|dialogsheets|activeX|embeddings|oleObject|customUI|externalLink|connections\.xml|queryTables|afchunk|ctrlProps/i;
const ACTIVE_TYPE =
	/macroEnabled|vbaProject|macrosheet|dialogsheet|activeX|oleObject|connections|queryTable|externalLink|ms-office\.control/i;
const ACTIVE_RELATIONSHIP =
	/vbaProject|Macrosheet|dialogsheet|oleObject|activeX|\/control$|attachedTemplate|externalLink|connections|queryTable|aFChunk|ui\/extensibility|package$/i;
const ACTIVE_ELEMENT =
	/<(\w+:)?(oleObjects?|OLEObject|oleObj|controls?|altChunk|attachedTemplate|externalReferences?|mailMerge|webPr)\b/;

/** An Office file read back with fflate: no active part, type, relationship, element or name. */
export function assertInertOoxml(label: string, content: Buffer): void {
	const doc = readOoxml(content);
	for (const part of doc.parts) assert.doesNotMatch(part, ACTIVE_PART, `${label}: part ${part}`);
	for (const [part, type] of doc.overrides) {
		assert.ok(doc.parts.includes(part), `${label}: content type for a missing part ${part}`);
		assert.doesNotMatch(type, ACTIVE_TYPE, `${label}: ${part} declared ${type}`);
	}
	for (const [extension, type] of doc.defaults)
		assert.doesNotMatch(type, ACTIVE_TYPE, `${label}: default .${extension} ${type}`);
	for (const part of doc.parts) {
		if (part === "[Content_Types].xml" || part.endsWith(".rels")) continue;
		const extension = part.slice(part.lastIndexOf(".") + 1);
		assert.ok(
			doc.overrides.has(part) || doc.defaults.has(extension),
			`${label}: ${part} has a content type`,
		);
	}
	for (const relationship of doc.relationships) {
		const where = `${label}: ${relationship.rels} → ${relationship.target}`;
		assert.equal(relationship.external, false, where);
		assert.ok(doc.parts.includes(relationship.target), `${where} dangles`);
		assert.doesNotMatch(relationship.type, ACTIVE_RELATIONSHIP, where);
	}
	for (const part of doc.parts.filter((name) => name.endsWith(".xml"))) {
		const xml = doc.text(part);
		assert.doesNotMatch(xml, ACTIVE_ELEMENT, `${label}: ${part}`);
		assert.doesNotMatch(xml, /ppaction:\/\/(macro|program|ole)/i, `${label}: ${part}`);
		const fieldCode = [
			...[...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)</g)].map((m) => m[1]),
			...[...xml.matchAll(/w:instr="([^"]*)"/g)].map((m) => m[1]),
		].join("");
		assert.doesNotMatch(fieldCode, /\bDDE(AUTO)?\b/i, `${label}: ${part} field codes`);
		for (const [, formula] of xml.matchAll(/<(?:f|formula\d?)\b[^>]*>([^<]*)</g))
			assert.ok(
				!(formula ?? "").replace(/&quot;(?:[^&]|&(?!quot;))*&quot;|"[^"]*"/g, "").includes("|"),
				`${label}: ${part} DDE formula ${formula}`,
			);
	}
	for (const name of doc.definedNames)
		assert.doesNotMatch(name, /auto_(open|close)|Runner|Sneaky/i, `${label}: defined name`);
}

export function assertInertPdf(label: string, content: Buffer): void {
	const text = content.toString("latin1");
	assert.ok(text.startsWith("%PDF-"), label);
	assert.doesNotMatch(text, /\/(Encrypt|EmbeddedFiles?|JavaScript|OpenAction)\b/, label);
	assert.match(text, /\/Subtype \/Image/, `${label}: rendered as page images`);
}
