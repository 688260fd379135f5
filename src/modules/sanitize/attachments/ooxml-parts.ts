/**
 * Text edits on OOXML parts: relationships, content types and Word fields. The parts are
 * machine-written XML with a fixed vocabulary, so targeted regular expressions over whole
 * elements are enough; anything we do not recognise is left as it is.
 */

export interface Relationship {
	/** The whole `<Relationship …/>` element as written. */
	xml: string;
	id: string;
	type: string;
	target: string;
	external: boolean;
}

/** The value of one attribute of an element as written, "" when absent. */
export function attribute(element: string, name: string): string {
	const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(element);
	return match?.[2] ?? match?.[3] ?? "";
}

export function parseRelationships(xml: string): Relationship[] {
	return [...xml.matchAll(/<Relationship\b[^>]*?(\/>|>[\s\S]*?<\/Relationship>)/g)].map(
		(match) => ({
			xml: match[0],
			id: attribute(match[0], "Id"),
			type: attribute(match[0], "Type"),
			target: attribute(match[0], "Target"),
			external: /^external$/i.test(attribute(match[0], "TargetMode")),
		}),
	);
}

/** The part a relationship in `relsPath` points to, as a ZIP entry name. */
export function resolveTarget(relsPath: string, target: string): string {
	const decoded = decodeURIComponent(target.replace(/#.*$/, ""));
	if (decoded.startsWith("/")) return decoded.slice(1);
	// word/_rels/document.xml.rels → targets are relative to word/
	const folder = relsPath.replace(/_rels\/[^/]*$/, "");
	const parts: string[] = [];
	for (const segment of `${folder}${decoded}`.split("/")) {
		if (segment === "..") parts.pop();
		else if (segment !== "." && segment !== "") parts.push(segment);
	}
	return parts.join("/");
}

/** The part whose relationships a `.rels` part holds (`word/_rels/document.xml.rels` → `word/document.xml`). */
export function sourcePartOf(relsPath: string): string {
	return relsPath.replace(/_rels\/([^/]*)\.rels$/, "$1");
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Which of `names` occur as element names in `xml`: one scan, however many names. */
function namesPresent(xml: string, names: readonly string[]): Set<string> {
	const pattern = new RegExp(`<(${names.map(escapeRegExp).join("|")})[\\s/>]`, "g");
	return new Set(Array.from(xml.matchAll(pattern), (match) => match[1] ?? ""));
}

/** Elements that only exist to use a relationship; removed with it when it goes. */
const DEPENDENT_ELEMENTS = [
	"w:attachedTemplate",
	"w:altChunk",
	"o:OLEObject",
	"w:control",
	"w:subDoc",
	"a:hlinkClick",
	"a:hlinkHover",
	"a:hlinkMouseOver",
	"hyperlink",
	"externalReference",
	"oleObject",
	"control",
	"p:oleObj",
	"c:externalData",
	"c:userShapes",
];

/**
 * Edit a source part so it no longer uses relationships that were removed: elements that exist
 * only for them are dropped, Word hyperlinks are unwrapped to their text, linked images lose the
 * link.
 */
export function dropRelationshipUses(xml: string, ids: readonly string[]): string {
	let out = xml;
	// Each pass is a scan of the whole part (megabytes for a long document): only the elements
	// and ids the part contains are looked for, found in one scan each.
	const present = namesPresent(out, [...DEPENDENT_ELEMENTS, "w:hyperlink"]);
	const referenced = new Set(
		Array.from(out.matchAll(/\br:(?:id|link|embed|pict)\s*=\s*["']([^"']*)["']/g), (m) => m[1]),
	);
	for (const id of ids) {
		if (!referenced.has(id)) continue;
		const ref = `r:(id|link|embed|pict)\\s*=\\s*["']${escapeRegExp(id)}["']`;
		if (present.has("w:hyperlink"))
			out = out.replace(
				new RegExp(`<w:hyperlink\\b[^>]*\\b${ref}[^>]*>([\\s\\S]*?)</w:hyperlink>`, "g"),
				"$2",
			);
		for (const element of DEPENDENT_ELEMENTS) {
			if (!present.has(element)) continue;
			const name = escapeRegExp(element);
			out = out
				.replace(new RegExp(`<${name}\\b[^>]*\\b${ref}[^>]*/>`, "g"), "")
				.replace(new RegExp(`<${name}\\b[^>]*\\b${ref}[^>]*>[\\s\\S]*?</${name}>`, "g"), "");
		}
		if (/\br:link\b/.test(out))
			out = out.replace(new RegExp(`\\s${ref}`, "g"), (match) =>
				/r:link/.test(match) ? "" : match,
			);
	}
	// Containers the schema requires to be non-empty go when their last child went.
	if (ids.every((id) => !referenced.has(id))) return out;
	return out.replace(/<(externalReferences|oleObjects|controls|hyperlinks)>\s*<\/\1>/g, "");
}

/** Field codes that run commands or fetch content from outside when the document updates fields. */
const DANGEROUS_FIELD = /^\s*(DDEAUTO|DDE|INCLUDETEXT|INCLUDEPICTURE|IMPORT|LINK)\b/i;

function unescapeXml(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&amp;/g, "&");
}

/**
 * Remove DDE (and external-include) field codes from a WordprocessingML part, keeping the text the
 * field last displayed. Handles `w:fldSimple` and complex fields whose code is split over runs.
 */
export function stripDangerousFields(xml: string): { xml: string; removed: string[] } {
	const removed: string[] = [];
	let out = xml.replace(
		/<w:fldSimple\b([^>]*)>([\s\S]*?)<\/w:fldSimple>|<w:fldSimple\b([^>]*)\/>/g,
		(
			whole,
			openAttrs: string | undefined,
			inner: string | undefined,
			emptyAttrs: string | undefined,
		) => {
			const code = unescapeXml(attribute(openAttrs ?? emptyAttrs ?? "", "w:instr"));
			if (!DANGEROUS_FIELD.test(code)) return whole;
			removed.push(`${code.trim().split(/\s+/)[0]?.toUpperCase()} field`);
			return inner ?? "";
		},
	);
	const runs = [...out.matchAll(/<w:r\b[^>]*>[\s\S]*?<\/w:r>/g)];
	const drop = new Set<number>();
	const stack: { start: number; code: string; separated: boolean; dangerous: boolean }[] = [];
	runs.forEach((run, index) => {
		for (const token of run[0].matchAll(
			/<w:fldChar\b[^>]*w:fldCharType\s*=\s*"(begin|separate|end)"|<w:instrText\b[^>]*>([\s\S]*?)<\/w:instrText>/g,
		)) {
			const top = stack[stack.length - 1];
			if (token[1] === "begin")
				stack.push({ start: index, code: "", separated: false, dangerous: false });
			else if (token[2] !== undefined && top && !top.separated) top.code += unescapeXml(token[2]);
			else if (token[1] === "separate" && top) {
				top.separated = true;
				top.dangerous = DANGEROUS_FIELD.test(top.code);
				if (top.dangerous) for (let at = top.start; at <= index; at++) drop.add(at);
			} else if (token[1] === "end" && top) {
				stack.pop();
				const dangerous = top.separated ? top.dangerous : DANGEROUS_FIELD.test(top.code);
				if (!dangerous) continue;
				if (!top.separated) for (let at = top.start; at <= index; at++) drop.add(at);
				drop.add(index);
				removed.push(`${top.code.trim().split(/\s+/)[0]?.toUpperCase()} field`);
			}
		}
	});
	if (drop.size > 0) {
		let rebuilt = "";
		let last = 0;
		runs.forEach((run, index) => {
			if (!drop.has(index) || run.index === undefined) return;
			rebuilt += out.slice(last, run.index);
			last = run.index + run[0].length;
		});
		out = rebuilt + out.slice(last);
	}
	return { xml: out, removed };
}

/**
 * Elements that embed objects or controls, or run macros and programs, whatever their
 * relationships: each is removed whole (with the `mc:AlternateContent` wrappers Office writes
 * around them) and counted under its label.
 */
const EMBEDDING_ELEMENTS: readonly {
	/** A literal the part must contain for the pattern to be tried (most parts have none). */
	needle: string;
	pattern: RegExp;
	applies?: (element: string) => boolean;
	label: string;
}[] = [
	{
		needle: "<w:object",
		pattern: /<w:object\b[\s\S]*?<\/w:object>/g,
		label: "embedded object or control (w:object)",
	},
	{
		needle: "<o:OLEObject",
		pattern: /<o:OLEObject\b[^>]*?(\/>|>[\s\S]*?<\/o:OLEObject>)/g,
		label: "OLE object (o:OLEObject)",
	},
	{
		needle: "<w:mailMerge",
		pattern: /<w:mailMerge\b[\s\S]*?<\/w:mailMerge>/g,
		label: "mail merge data source (w:mailMerge)",
	},
	{
		needle: "<oleObjects",
		pattern: /<oleObjects\b[\s\S]*?<\/oleObjects>/g,
		label: "OLE objects (oleObjects)",
	},
	{
		needle: "<controls",
		pattern: /<controls\b[\s\S]*?<\/controls>/g,
		label: "ActiveX or form controls (controls)",
	},
	{
		needle: "<p:controls",
		pattern: /<p:controls\b[\s\S]*?<\/p:controls>/g,
		label: "ActiveX controls (p:controls)",
	},
	{
		needle: "presentationml/2006/ole",
		pattern: /<p:graphicFrame\b[\s\S]*?<\/p:graphicFrame>/g,
		applies: (element) =>
			/<p:oleObj\b|uri\s*=\s*["'][^"']*\/presentationml\/2006\/ole["']/.test(element),
		label: "OLE object (p:oleObj)",
	},
	{
		needle: "ppaction://",
		pattern: /<a:(hlinkClick|hlinkHover|hlinkMouseOver)\b[^>]*?(\/>|>[\s\S]*?<\/a:\1>)/g,
		applies: (element) => /\baction\s*=\s*["']ppaction:\/\/(macro|program|ole)/i.test(element),
		label: "macro or program action (ppaction)",
	},
];

/** Whether a part may hold what `stripEmbeddings` removes: a byte search, no decoding. */
export function mayEmbed(data: Buffer): boolean {
	return EMBEDDING_ELEMENTS.some(({ needle }) => data.includes(needle));
}

/**
 * Remove embedded objects, controls, mail-merge sources and macro actions from a document,
 * sheet or slide part.
 */
export function stripEmbeddings(xml: string): { xml: string; removed: string[] } {
	const removed: string[] = [];
	let out = xml;
	const needles = new RegExp(
		EMBEDDING_ELEMENTS.map(({ needle }) => escapeRegExp(needle)).join("|"),
		"g",
	);
	const present = new Set(Array.from(xml.matchAll(needles), (match) => match[0]));
	for (const { needle, pattern, applies, label } of EMBEDDING_ELEMENTS) {
		if (!present.has(needle)) continue;
		out = out.replace(pattern, (element) => {
			if (applies && !applies(element)) return element;
			removed.push(label);
			return "";
		});
	}
	if (removed.length > 0 && /<mc:AlternateContent\b/.test(out)) {
		out = out.replace(
			/<mc:AlternateContent\b[^>]*>(\s*(<mc:(Choice|Fallback)\b[^>]*>\s*<\/mc:\3>|<mc:(Choice|Fallback)\b[^>]*\/>))*\s*<\/mc:AlternateContent>/g,
			"",
		);
	}
	return { xml: out, removed };
}
