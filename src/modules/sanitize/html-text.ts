import { compile, type DomNode, type FormatCallback } from "html-to-text";

/** Elements whose content is code, styling or embedded objects: never turned into text. */
const SKIPPED = [
	"head",
	"title",
	"script",
	"style",
	"noscript",
	"template",
	"iframe",
	"frame",
	"frameset",
	"object",
	"embed",
	"applet",
	"svg",
	"math",
	"canvas",
	"audio",
	"video",
	"picture",
	"map",
	"input",
	"select",
	"option",
	"link",
	"meta",
	"base",
];

/** Schemes an anchor may show; anything else (javascript:, data:, vbscript:…) is dropped. */
const SHOWN_HREF = /^(?:https?:|mailto:|ftp:|tel:)/i;

/** Rows that are laid out side by side: a data table, unless it nests tables (then layout). */
function isDataTable(table: DomNode): boolean {
	let widest = 0;
	const stack: DomNode[] = [...(table.children ?? [])];
	while (stack.length > 0) {
		const node = stack.pop() as DomNode;
		if (node.name === "table") return false;
		if (node.name === "tr") {
			const cells = (node.children ?? []).filter((c) => c.name === "td" || c.name === "th");
			widest = Math.max(widest, cells.length);
			for (const cell of cells) stack.push(...(cell.children ?? []));
		} else if (node.name === "thead" || node.name === "tbody" || node.name === "tfoot") {
			stack.push(...(node.children ?? []));
		}
	}
	return widest >= 2;
}

const formatTable: FormatCallback = (elem, walk, builder, options) => {
	const format = builder.options.formatters[isDataTable(elem) ? "dataTable" : "block"];
	format?.(elem, walk, builder, options);
};

const formatImage: FormatCallback = (elem, _walk, builder) => {
	const alt = (elem.attribs?.alt ?? "").trim();
	if (alt !== "") builder.addInline(`[${alt}]`, { noWordTransform: true });
};

const formatAnchor: FormatCallback = (elem, walk, builder) => {
	const href = (elem.attribs?.href ?? "").trim();
	let text = "";
	builder.pushWordTransform((word) => {
		text += word;
		return word;
	});
	walk(elem.children ?? [], builder);
	builder.popWordTransform();
	if (href === "" || href.startsWith("#")) return;
	// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore controls inside a scheme
	if (!SHOWN_HREF.test(href.replace(/[\s\u0000-\u001f]/g, ""))) {
		builder.addInline(" [link removed]", { noWordTransform: true });
		return;
	}
	const shown = href.replace(/^mailto:/i, "");
	if (shown !== text)
		builder.addInline(`${text === "" ? "" : " "}[${shown}]`, { noWordTransform: true });
};

const block = (leading: number, trailing: number) => ({
	format: "block",
	options: { leadingLineBreaks: leading, trailingLineBreaks: trailing },
});

const convert = compile({
	wordwrap: false,
	formatters: { mamoriTable: formatTable, mamoriImage: formatImage, mamoriAnchor: formatAnchor },
	// Deeply nested markup is cut, not recursed into without end.
	limits: { maxDepth: 200, maxChildNodes: 100_000, ellipsis: "…" },
	selectors: [
		...SKIPPED.map((selector) => ({ selector, format: "skip" })),
		{ selector: "a", format: "mamoriAnchor" },
		{ selector: "img", format: "mamoriImage" },
		{
			selector: "table",
			format: "mamoriTable",
			options: {
				maxColumnWidth: 60,
				uppercaseHeaderCells: false,
				leadingLineBreaks: 1,
				trailingLineBreaks: 1,
			},
		},
		{ selector: "tr", ...block(1, 1) },
		{ selector: "td", ...block(0, 0) },
		{ selector: "th", ...block(0, 0) },
		...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
			selector,
			format: "heading",
			options: { leadingLineBreaks: 2, trailingLineBreaks: 1, uppercase: false },
		})),
		{
			selector: "ul",
			format: "unorderedList",
			options: { itemPrefix: " ・", leadingLineBreaks: 1, trailingLineBreaks: 1 },
		},
		{
			selector: "ol",
			format: "orderedList",
			options: { leadingLineBreaks: 1, trailingLineBreaks: 1 },
		},
		{
			selector: "p",
			format: "paragraph",
			options: { leadingLineBreaks: 1, trailingLineBreaks: 1 },
		},
		{ selector: "dt", ...block(1, 0) },
		{ selector: "dd", ...block(0, 1) },
		{ selector: "textarea", ...block(1, 1) },
	],
});

/**
 * Readable plain text from HTML: paragraphs, lists and tables kept, link targets written beside
 * their text, images as their alt text; scripts, styles, frames and embedded objects dropped.
 *
 * @example
 * htmlToPlainText('<p>詳細は<a href="https://example.jp">こちら</a></p>'); // "詳細はこちら [https://example.jp]"
 */
export function htmlToPlainText(html: string): string {
	return convert(html);
}
