/**
 * HTML → readable plain text, in one pass over htmlparser2's tokenizer events (no DOM is built).
 * Paragraphs, headings, lists, quotes, `<pre>` and tables keep their shape; link targets are
 * written beside their text (`body-text.ts` defangs them afterwards); images become their alt
 * text; scripts, styles, frames, form inputs and embedded objects are dropped.
 */
import { Parser } from "htmlparser2";
import { renderTable, type TableCell } from "./table-text.ts";
import { displayWidth, TextSink } from "./text-sink.ts";

/** Limits: deeper content and children past the count are cut (written as "…"). */
export const HTML_TEXT_LIMITS = {
	maxDepth: 200,
	maxChildNodes: 100_000,
	/**
	 * Past this many open elements the rest of the document is dropped: the tokenizer's own
	 * element stack costs time proportional to its depth for each tag, so it must stay short.
	 */
	stopDepth: 512,
	/**
	 * The text may be at most this many times the HTML's length (plus 64 Ki characters), whatever
	 * the markup: every line of a deep quote repeats its prefix, tables are padded.
	 */
	outputPerInputChar: 2,
} as const;

const RULE = "-".repeat(40);

const ELLIPSIS = "…";

const INLINE = 0;
const SKIP = 1;
const BLOCK = 2;
const HEADING = 3;
const PRE = 4;
const QUOTE = 5;
const UL = 6;
const OL = 7;
const LI = 8;
const DD = 9;
const BR = 10;
const HR = 11;
const IMG = 12;
const ANCHOR = 13;
const TABLE = 14;
const ROW = 15;
const CELL = 16;
const CAPTION = 17;

const KINDS = new Map<string, number>();
/** Elements whose content is code, styling or embedded objects: never turned into text. */
for (const name of [
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
])
	KINDS.set(name, SKIP);
for (const name of [
	"address",
	"article",
	"aside",
	"center",
	"details",
	"dialog",
	"div",
	"dl",
	"dt",
	"fieldset",
	"figcaption",
	"figure",
	"footer",
	"form",
	"header",
	"hgroup",
	"legend",
	"main",
	"menu",
	"nav",
	"p",
	"section",
	"summary",
	"textarea",
])
	KINDS.set(name, BLOCK);
for (const name of ["h1", "h2", "h3", "h4", "h5", "h6"]) KINDS.set(name, HEADING);
for (const name of ["pre", "listing", "xmp", "plaintext"]) KINDS.set(name, PRE);
KINDS.set("blockquote", QUOTE);
KINDS.set("ul", UL);
KINDS.set("ol", OL);
KINDS.set("li", LI);
KINDS.set("dd", DD);
KINDS.set("br", BR);
KINDS.set("hr", HR);
KINDS.set("img", IMG);
KINDS.set("a", ANCHOR);
KINDS.set("table", TABLE);
KINDS.set("tr", ROW);
KINDS.set("td", CELL);
KINDS.set("th", CELL);
KINDS.set("caption", CAPTION);

/** Schemes an anchor may show; anything else (javascript:, data:, vbscript:…) is dropped. */
const SHOWN_HREF = /^(?:https?:|mailto:|ftp:|tel:)/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore controls inside a scheme
const SCHEME_NOISE = /[\s\u0000-\u001f]/g;
/** HTML's collapsible whitespace (not NBSP, not the ideographic space). */
const WHITESPACE = /[ \t\n\r\f]+/g;
const BULLET = " ・";
const BULLET_INDENT = " ".repeat(displayWidth(BULLET));

function isCollapsible(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

interface Anchor {
	/** The target to write, or null when there is none (empty, `#…`) or it was removed. */
	shown: string | null;
	removed: boolean;
	/** The anchor's words, joined, while they may still equal `shown`. */
	text: string;
	capturing: boolean;
	sink: TextSink;
}

interface List {
	ordered: boolean;
	next: number;
	type: string;
}

interface Table {
	rows: TableCell[][];
	caption: TextSink | null;
	/** Content inside the table but outside any cell: browsers show it before the table. */
	stray: TextSink;
	nested: boolean;
	parent: TextSink;
}

function integer(value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	const parsed = Number.parseInt(value, 10);
	return Number.isSafeInteger(parsed) && Math.abs(parsed) < 1e9 ? parsed : fallback;
}

function letters(n: number, upper: boolean): string {
	if (n <= 0) return String(n);
	let out = "";
	for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
		out = String.fromCharCode((upper ? 65 : 97) + ((rest - 1) % 26)) + out;
	return out;
}

const ROMAN: [number, string][] = [
	[1000, "m"],
	[900, "cm"],
	[500, "d"],
	[400, "cd"],
	[100, "c"],
	[90, "xc"],
	[50, "l"],
	[40, "xl"],
	[10, "x"],
	[9, "ix"],
	[5, "v"],
	[4, "iv"],
	[1, "i"],
];

function roman(n: number, upper: boolean): string {
	if (n <= 0 || n >= 4000) return String(n);
	let out = "";
	let rest = n;
	for (const [value, digits] of ROMAN)
		while (rest >= value) {
			out += digits;
			rest -= value;
		}
	return upper ? out.toUpperCase() : out;
}

function itemLabel(n: number, type: string): string {
	if (type === "a" || type === "A") return letters(n, type === "A");
	if (type === "i" || type === "I") return roman(n, type === "I");
	return String(n);
}

class Converter {
	private readonly root = new TextSink();
	private sink = this.root;
	/**
	 * Per open element, what its end tag undoes (its kind, or INLINE for nothing). Pushed by the
	 * start tag's end, so a tag cut off by the end of input gets an end tag without a start; that
	 * can only happen while the parser closes everything at the end, where no text follows.
	 */
	private readonly kinds: number[] = [];
	/** Per depth, how many children the open element there has had. */
	private readonly children: number[] = [0];
	/** Depth of the element whose content is being dropped (0: none). */
	private skipFrom = 0;
	private inText = false;
	private justCut = false;
	private pre = 0;
	private preStart = false;
	private readonly lists: List[] = [];
	private readonly anchors: Anchor[] = [];
	private capturing = 0;
	private readonly tables: Table[] = [];
	/** The sink each `indent` went to, so that the end tag outdents the same one. */
	private readonly indented: TextSink[] = [];
	private stopped = false;
	/** Characters the text may still grow by before conversion stops. */
	private budget = 0;
	/** The sink whose last content is a rule (`<hr>`), if any. */
	private rule: TextSink | null = null;
	private readonly parser: Parser;

	constructor() {
		this.parser = new Parser({
			onopentag: (name, attribs) => this.open(name, attribs),
			onclosetag: () => this.close(),
			ontext: (text) => this.text(text),
		});
	}

	convert(html: string): string {
		this.budget = HTML_TEXT_LIMITS.outputPerInputChar * html.length + 65_536;
		this.parser.end(html);
		// Stopped early: tables still open hold text; write them out where they belong.
		while (this.tables.length > 0) this.closeTable();
		return this.root.text();
	}

	private open(name: string, attribs: Record<string, string>): void {
		if (this.stopped) return;
		this.inText = false;
		const depth = this.kinds.push(INLINE);
		if (depth > HTML_TEXT_LIMITS.stopDepth) {
			this.stop();
			return;
		}
		if (this.skipFrom > 0) return;
		const siblings = (this.children[depth - 1] ?? 0) + 1;
		this.children[depth - 1] = siblings;
		this.children[depth] = 0;
		if (depth > HTML_TEXT_LIMITS.maxDepth || siblings > HTML_TEXT_LIMITS.maxChildNodes) {
			this.cut();
			this.skipFrom = depth;
			return;
		}
		if (this.preStart) this.preStart = false;
		let kind = KINDS.get(name) ?? INLINE;
		const sink = this.sink;
		switch (kind) {
			case INLINE:
				return;
			case SKIP:
				this.skipFrom = depth;
				return;
			case BLOCK:
				sink.block(1);
				break;
			case HEADING:
				sink.block(2);
				break;
			case PRE:
				sink.block(2);
				this.pre++;
				this.preStart = true;
				break;
			case QUOTE:
				sink.block(2);
				this.indent("> ");
				break;
			case UL:
			case OL:
				sink.block(1);
				this.lists.push({
					ordered: kind === OL,
					next: integer(attribs.start, 1),
					type: attribs.type ?? "1",
				});
				break;
			case LI: {
				const list = this.lists.at(-1);
				sink.block(1);
				if (list === undefined) {
					kind = BLOCK;
					break;
				}
				if (list.ordered) {
					const n = integer(attribs.value, list.next);
					list.next = n + 1;
					const marker = ` ${itemLabel(n, list.type)}. `;
					this.indent(" ".repeat(displayWidth(marker)), marker);
				} else this.indent(BULLET_INDENT, BULLET);
				break;
			}
			case DD:
				sink.block(1);
				this.indent("  ");
				break;
			case BR:
				this.newline();
				return;
			case HR:
				// Rules in a row (or with only line breaks between) are written once.
				if (this.rule === sink) return;
				sink.block(2);
				this.word(RULE);
				sink.block(2);
				this.rule = sink;
				return;
			case IMG: {
				const alt = (attribs.alt ?? "").replace(WHITESPACE, " ").trim();
				if (alt !== "") this.word(`[${alt}]`);
				return;
			}
			case ANCHOR:
				this.openAnchor(attribs.href ?? "");
				break;
			case TABLE: {
				const outer = this.tables.at(-1);
				if (outer !== undefined) outer.nested = true;
				const table: Table = {
					rows: [],
					caption: null,
					stray: new TextSink(),
					nested: false,
					parent: sink,
				};
				this.tables.push(table);
				this.sink = table.stray;
				break;
			}
			case ROW:
			case CELL:
			case CAPTION: {
				const table = this.tables.at(-1);
				if (table === undefined) {
					sink.block(1);
					kind = BLOCK;
					break;
				}
				if (kind === ROW) {
					table.rows.push([]);
					this.sink = table.stray;
				} else if (kind === CAPTION) {
					table.caption ??= new TextSink();
					this.sink = table.caption;
				} else {
					let row = table.rows.at(-1);
					if (row === undefined) {
						row = [];
						table.rows.push(row);
					}
					const cell: TableCell = {
						sink: new TextSink(),
						colspan: integer(attribs.colspan, 1),
						rowspan: integer(attribs.rowspan, 1),
						text: "",
					};
					row.push(cell);
					this.sink = cell.sink;
				}
				break;
			}
		}
		this.kinds[depth - 1] = kind;
	}

	private close(): void {
		if (this.stopped) return;
		this.inText = false;
		const depth = this.kinds.length;
		const kind = this.kinds.pop() ?? INLINE;
		if (this.skipFrom > 0) {
			if (depth === this.skipFrom) this.skipFrom = 0;
			return;
		}
		switch (kind) {
			case BLOCK:
				this.sink.block(1);
				break;
			case HEADING:
				this.sink.block(1);
				break;
			case PRE:
				this.pre--;
				this.preStart = false;
				this.sink.block(2);
				break;
			case QUOTE:
				this.outdent();
				this.sink.block(2);
				break;
			case UL:
			case OL:
				this.lists.pop();
				this.sink.block(1);
				break;
			case LI:
			case DD:
				this.outdent();
				this.sink.block(1);
				break;
			case ANCHOR:
				this.closeAnchor();
				break;
			case TABLE:
				this.closeTable();
				break;
			case ROW:
			case CELL:
			case CAPTION: {
				const table = this.tables.at(-1);
				if (table !== undefined) this.sink = table.stray;
				break;
			}
		}
	}

	private text(text: string): void {
		if (this.stopped || this.skipFrom > 0) return;
		if (!this.inText) {
			this.inText = true;
			const depth = this.kinds.length;
			const count = (this.children[depth] ?? 0) + 1;
			this.children[depth] = count;
			if (count > HTML_TEXT_LIMITS.maxChildNodes) this.cut();
		}
		if ((this.children[this.kinds.length] ?? 0) > HTML_TEXT_LIMITS.maxChildNodes) return;
		if (this.pre > 0) this.preformatted(text);
		else this.collapsed(text);
	}

	/** Whitespace runs become one space (or nothing, between wide characters split by a line break). */
	private collapsed(text: string): void {
		const length = text.length;
		let start = 0;
		let i = 0;
		while (i < length) {
			let code = text.charCodeAt(i);
			if (code > 0x20 || !isCollapsible(code)) {
				i++;
				continue;
			}
			if (i > start) this.word(text.slice(start, i));
			let lineBreak = false;
			do {
				if (code === 0x0a || code === 0x0d) lineBreak = true;
				i++;
				code = text.charCodeAt(i);
			} while (i < length && code <= 0x20 && isCollapsible(code));
			this.sink.space(lineBreak);
			start = i;
		}
		if (start < length) this.word(start === 0 ? text : text.slice(start));
	}

	/** `<pre>`: spaces and line breaks kept (a line break right after `<pre>` is not content). */
	private preformatted(text: string): void {
		let start = 0;
		if (this.preStart) {
			this.preStart = false;
			if (text.startsWith("\r\n")) start = 2;
			else if (text.startsWith("\n")) start = 1;
		}
		for (;;) {
			const end = text.indexOf("\n", start);
			const line = end < 0 ? text.slice(start) : text.slice(start, end);
			const content = line.endsWith("\r") ? line.slice(0, -1) : line;
			if (content !== "") this.word(content);
			if (end < 0) return;
			this.newline();
			start = end + 1;
		}
	}

	private word(word: string): void {
		const size = this.sink.size();
		this.sink.write(word);
		this.justCut = false;
		this.rule = null;
		this.budget -= this.sink.size() - size;
		if (this.budget < 0 && !this.stopped) this.stop();
		if (this.capturing > 0) {
			for (const anchor of this.anchors) {
				if (!anchor.capturing || anchor.sink !== this.sink) continue;
				anchor.text += word;
				if (anchor.shown === null || anchor.text.length > anchor.shown.length) {
					anchor.capturing = false;
					this.capturing--;
				}
			}
		}
	}

	private newline(): void {
		const size = this.sink.size();
		this.sink.newline();
		this.budget -= this.sink.size() - size;
		if (this.budget < 0 && !this.stopped) this.stop();
	}

	/** Stop converting: the rest of the document is dropped (a limit was reached). */
	private stop(): void {
		if (this.stopped) return;
		this.stopped = true;
		this.parser.pause();
		this.cut();
	}

	/** Mark cut content once, however many cut elements follow each other. */
	private cut(): void {
		if (this.justCut) return;
		this.sink.space(false);
		this.word(ELLIPSIS);
		this.justCut = true;
	}

	private indent(segment: string, marker = ""): void {
		this.sink.indent(segment, marker);
		this.indented.push(this.sink);
	}

	private outdent(): void {
		this.indented.pop()?.outdent();
	}

	private openAnchor(rawHref: string): void {
		const href = rawHref.trim();
		let shown: string | null = null;
		let removed = false;
		if (href !== "" && !href.startsWith("#")) {
			if (SHOWN_HREF.test(href) || SHOWN_HREF.test(href.replace(SCHEME_NOISE, "")))
				shown = href.charCodeAt(0) === 0x68 ? href : href.replace(/^mailto:/i, "");
			else removed = true;
		}
		const capturing = shown !== null;
		if (capturing) this.capturing++;
		this.anchors.push({ shown, removed, text: "", capturing, sink: this.sink });
	}

	private closeAnchor(): void {
		const anchor = this.anchors.pop();
		if (anchor === undefined) return;
		if (anchor.capturing) this.capturing--;
		if (anchor.removed) {
			this.sink.space(false);
			this.word("[link removed]");
		} else if (anchor.shown !== null && anchor.text !== anchor.shown) {
			if (anchor.text !== "") this.sink.space(false);
			this.word(`[${anchor.shown}]`);
		}
	}

	private closeTable(): void {
		const table = this.tables.pop();
		if (table === undefined) return;
		const parent = table.parent;
		const size = parent.size();
		this.sink = parent;
		parent.block(1);
		if (table.caption !== null && !table.caption.isEmpty()) {
			parent.paste(table.caption.text());
			parent.block(1);
		}
		if (!table.stray.isEmpty()) {
			parent.paste(table.stray.text());
			parent.block(1);
		}
		const body = renderTable(table.rows, table.nested);
		if (body !== "") parent.paste(body);
		this.budget -= parent.size() - size;
		if (this.budget < 0 && !this.stopped) this.stop();
		parent.block(1);
	}
}

/**
 * Readable plain text from HTML: paragraphs, lists and tables kept, link targets written beside
 * their text, images as their alt text; scripts, styles, frames and embedded objects dropped.
 *
 * @example
 * htmlToPlainText('<p>詳細は<a href="https://example.jp">こちら</a></p>'); // "詳細はこちら [https://example.jp]"
 */
export function htmlToPlainText(html: string): string {
	return new Converter().convert(html);
}
