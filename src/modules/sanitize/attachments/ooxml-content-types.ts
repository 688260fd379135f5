import { attribute } from "./ooxml-parts.ts";

/**
 * `[Content_Types].xml` of a rebuilt package: it declares the kept parts only, and never a macro
 * or object type.
 */

/** Macro-enabled main content types and the ordinary type each becomes. */
export const MACRO_CONTENT_TYPES: Readonly<Record<string, string>> = {
	"application/vnd.ms-word.document.macroEnabled.main+xml":
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml":
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.ms-excel.sheet.macroEnabled.main+xml":
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
	"application/vnd.ms-excel.template.macroEnabled.main+xml":
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
	"application/vnd.ms-excel.addin.macroEnabled.main+xml":
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml":
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
	"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml":
		"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
	"application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml":
		"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
	"application/vnd.ms-powerpoint.template.macroEnabled.main+xml":
		"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
	"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml":
		"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
	"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":
		"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
};

/** Content types that only belong to code or embedded objects: never declared in a rebuild. */
const ACTIVE_DEFAULT = /vbaProject|activeX|oleObject|macrosheet|ms-office\.control/i;

/** The content type `[Content_Types].xml` declares for each part, by lower-cased part name. */
export function contentTypesOf(xml: string): (part: string) => string {
	const overrides = new Map<string, string>();
	const defaults = new Map<string, string>();
	for (const [element] of xml.matchAll(/<Override\b[^>]*\/>/g))
		overrides.set(
			attribute(element, "PartName").replace(/^\//, "").toLowerCase(),
			attribute(element, "ContentType"),
		);
	for (const [element] of xml.matchAll(/<Default\b[^>]*\/>/g))
		defaults.set(attribute(element, "Extension").toLowerCase(), attribute(element, "ContentType"));
	return (part) => {
		const name = part.toLowerCase();
		return overrides.get(name) ?? defaults.get(name.slice(name.lastIndexOf(".") + 1)) ?? "";
	};
}

/**
 * Rewrite `[Content_Types].xml` for the parts kept: overrides only for kept parts, defaults only
 * for extensions a kept part has, no macro or object types, macro-enabled main types made plain.
 */
export function rewriteContentTypes(xml: string, keptParts: Iterable<string>): string {
	const kept = new Set<string>();
	const extensions = new Set<string>();
	for (const part of keptParts) {
		const name = part.toLowerCase();
		kept.add(name);
		extensions.add(name.slice(name.lastIndexOf(".") + 1));
	}
	return xml
		.replace(/<Override\b[^>]*\/>/g, (element) =>
			kept.has(attribute(element, "PartName").replace(/^\//, "").toLowerCase()) ? element : "",
		)
		.replace(/<Default\b[^>]*\/>/g, (element) =>
			ACTIVE_DEFAULT.test(attribute(element, "ContentType")) ||
			!extensions.has(attribute(element, "Extension").toLowerCase())
				? ""
				: element,
		)
		.replace(/ContentType\s*=\s*"([^"]*)"/g, (whole, type: string) => {
			const replacement = MACRO_CONTENT_TYPES[type];
			return replacement ? `ContentType="${replacement}"` : whole;
		});
}
