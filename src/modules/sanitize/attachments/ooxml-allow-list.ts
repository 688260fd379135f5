/**
 * What an OOXML rebuild keeps: the relationship types (and so the parts they lead to) that carry
 * only text, formatting, pictures and document data, per document type. Anything else in the
 * package is dropped and named; the labels below are how the report names it.
 */

export type OoxmlKind = "word" | "xl" | "ppt";

/** Relationship types every document type may keep, by their name after `/relationships/`. */
const COMMON = [
	"officeDocument",
	"metadata/core-properties",
	"metadata/thumbnail",
	"extended-properties",
	"custom-properties",
	"classificationlabels",
	"theme",
	"themeOverride",
	"image",
	"hdphoto",
	"chart",
	"chartUserShapes",
	"chartStyle",
	"chartColorStyle",
	"diagramData",
	"diagramLayout",
	"diagramQuickStyle",
	"diagramColors",
	"diagramDrawing",
	"customXml",
	"customXmlProps",
	"comments",
	"fontTable",
	"font",
	"styles",
	"drawing",
	"vmlDrawing",
	"printerSettings",
];

const KEPT: Record<OoxmlKind, ReadonlySet<string>> = {
	word: new Set([
		...COMMON,
		"stylesWithEffects",
		"settings",
		"webSettings",
		"numbering",
		"footnotes",
		"endnotes",
		"header",
		"footer",
		"commentsExtended",
		"commentsIds",
		"commentsExtensible",
		"people",
		"glossaryDocument",
	]),
	xl: new Set([
		...COMMON,
		"worksheet",
		"chartsheet",
		"sharedStrings",
		"calcChain",
		"table",
		"pivotTable",
		"pivotCacheDefinition",
		"pivotCacheRecords",
		"threadedComment",
		"person",
		"slicer",
		"slicerCache",
		"timeline",
		"timelineCache",
		"sheetMetadata",
		"revisionHeaders",
		"revisionLog",
		"usernames",
		"rdRichValue",
		"rdRichValueStructure",
		"rdRichValueTypes",
		"rdArray",
		"rdSupportingPropertyBag",
		"rdSupportingPropertyBagStructure",
		"richValueRel",
	]),
	ppt: new Set([
		...COMMON,
		"slide",
		"slideLayout",
		"slideMaster",
		"notesSlide",
		"notesMaster",
		"handoutMaster",
		"presProps",
		"viewProps",
		"tableStyles",
		"tags",
		"commentAuthors",
		"authors",
		"revisionInfo",
		"changesInfo",
		"media",
		"audio",
		"video",
	]),
};

/** Publishers whose relationship types we know; a type from anyone else is never kept. */
const KNOWN_PREFIX =
	/^(https?:\/\/schemas\.openxmlformats\.org\/|https?:\/\/purl\.oclc\.org\/ooxml\/|https?:\/\/schemas\.microsoft\.com\/office\/)/;

/** `http://…/officeDocument/2006/relationships/metadata/core-properties` → `metadata/core-properties`. */
export function relationshipName(type: string): string {
	if (!KNOWN_PREFIX.test(type)) return type;
	return /\/relationships\/(.+)$/.exec(type)?.[1] ?? type;
}

export function keptRelationship(kind: OoxmlKind, type: string): boolean {
	return KNOWN_PREFIX.test(type) && KEPT[kind].has(relationshipName(type));
}

/** How the report names a part dropped for its relationship type. */
const RELATIONSHIP_LABELS: Readonly<Record<string, string>> = {
	vbaProject: "VBA macro project",
	wordVbaData: "VBA macro data",
	vbaData: "VBA macro data",
	xlMacrosheet: "Excel 4 (XLM) macro sheet",
	xlIntlMacrosheet: "Excel 4 (XLM) international macro sheet",
	dialogsheet: "Excel 5 dialog sheet",
	activeXControl: "ActiveX control",
	activeXControlBinary: "ActiveX control",
	control: "ActiveX control",
	ctrlProp: "form control (can run a macro)",
	oleObject: "OLE object",
	package: "embedded package",
	"ui/extensibility": "custom ribbon (customUI)",
	"ui/userCustomization": "custom ribbon (customUI)",
	attachedToolbars: "attached toolbars",
	keyMapCustomizations: "key customisations",
	attachedTemplate: "attached template",
	externalLink: "external workbook link",
	connections: "data connection",
	queryTable: "web or database query",
	xmlMaps: "XML map (data binding)",
	volatileDependencies: "real-time data (RTD) cache",
	aFChunk: "imported content (altChunk)",
	subDocument: "subdocument",
	frame: "frame",
	webextension: "Office add-in",
	webextensiontaskpanes: "Office add-in",
	"digital-signature/origin": "digital signature (no longer valid after the rebuild)",
	"digital-signature/signature": "digital signature (no longer valid after the rebuild)",
};

export function relationshipLabel(type: string): string {
	const name = relationshipName(type);
	return RELATIONSHIP_LABELS[name] ?? `part not on the allow-list (${name.split("/").pop()})`;
}

/** Parts named for what they are, whatever points at them (or when nothing does). */
const PART_LABELS: readonly [RegExp, string][] = [
	[/(^|\/)vbaProject\.bin$/i, "VBA macro project"],
	[/(^|\/)vbaData\.xml$/i, "VBA macro data"],
	[/^xl\/macrosheets\//i, "Excel 4 (XLM) macro sheet"],
	[/^xl\/intlMacrosheets\//i, "Excel 4 (XLM) international macro sheet"],
	[/^xl\/dialogsheets\//i, "Excel 5 dialog sheet"],
	[/(^|\/)activeX\//i, "ActiveX control"],
	[/(^|\/)ctrlProps\//i, "form control (can run a macro)"],
	[/(^|\/)embeddings\/oleObject[^/]*$/i, "OLE object"],
	[/(^|\/)embeddings\//i, "embedded object"],
	[/^customUI\//i, "custom ribbon (customUI)"],
	[/^userCustomization\//i, "custom ribbon (customUI)"],
	[/(^|\/)externalLinks\//i, "external workbook link"],
	[/^xl\/connections\.xml$/i, "data connection"],
	[/^xl\/queryTables\//i, "web or database query"],
	[/^xl\/xmlMaps\.xml$/i, "XML map (data binding)"],
	[/(^|\/)attachedToolbars\.bin$/i, "attached toolbars"],
	[/(^|\/)customizations\.bin$/i, "key customisations"],
	[/^_xmlsignatures\//i, "digital signature (no longer valid after the rebuild)"],
];

/** The label of a part that must go whatever relationship leads to it, or null. */
export function activePartLabel(name: string): string | null {
	for (const [pattern, label] of PART_LABELS) if (pattern.test(name)) return label;
	return null;
}

/** Content types that never belong to a kept part, even behind an allowed relationship. */
const ACTIVE_CONTENT_TYPE =
	/vbaProject|vbaData|macrosheet|dialogsheet|activeX|oleObject|ms-office\.control|connections\+xml|queryTable|externalLink|ctrlProp|customUI|package$/i;

export function activeContentType(type: string): boolean {
	return ACTIVE_CONTENT_TYPE.test(type);
}

/** The local name of a part's root element, past its prolog and comments; "" if not found. */
export function rootElement(head: string): string {
	const body = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, "");
	return /<(?:[\w.-]+:)?([\w.-]+)/.exec(body)?.[1] ?? "";
}

/** The root element a sheet relationship's target must have. */
const SHEET_ROOTS: Readonly<Record<string, string>> = {
	worksheet: "worksheet",
	chartsheet: "chartsheet",
};

/**
 * Why a part behind a sheet relationship is not the sheet it claims to be (an XLM macro sheet
 * behind a "worksheet" relationship), or null.
 */
export function disguisedSheet(type: string, head: string): string | null {
	const expected = SHEET_ROOTS[relationshipName(type)];
	if (expected === undefined) return null;
	const root = rootElement(head);
	if (root === expected) return null;
	if (root === "macrosheet") return "Excel 4 (XLM) macro sheet";
	if (root === "dialogsheet") return "Excel 5 dialog sheet";
	return `${expected} whose root element is not <${expected}>`;
}
