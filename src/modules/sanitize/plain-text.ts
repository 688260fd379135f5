/**
 * Pure text transformations for the sanitised body: format=flowed unwrapping, link defanging and
 * neutralising markup that a careless viewer might still render. Each pass is one linear scan.
 */

/**
 * Schemes that open something, matched at the end of the few characters before a colon. Web
 * schemes become `hxxp`/`hxxps`; others get their colon bracketed (`ftp[:]//`, `javascript[:]`).
 * Matched inside words too (`xhttps://`), since autolinkers are not consistent about boundaries.
 */
const SCHEME_BEFORE_COLON =
	/(h(?:tt|xx)ps?|ftps?|sftp|file|smb|wss?|telnet|ldap|gopher|news|nntp|tftp|vnc|rdp|ms-[a-z-]+|search-ms|javascript|vbscript|livescript|jscript|mocha|data)$/i;
const NEEDS_SLASHES =
	/^(?:ftps?|sftp|file|smb|wss?|telnet|ldap|gopher|news|nntp|tftp|vnc|rdp|ms-[a-z-]+|search-ms)$/i;
/** What follows `data:` when it starts a URL (`data:text/html…`, `data:,…`, `data:;base64,…`). */
const DATA_URL_REST = /^\s*(?:[\w.+-]+\/[\w.+-]+|[,;])/;
/** Openers of elements that run or fetch something, and any tag carrying an event handler. */
const ACTIVE_TAG =
	/<(?=\/?\s*(?:script|iframe|frame|frameset|html|head|body|object|embed|applet|svg|math|form|style|meta|link|base|img|template|input|button|textarea|video|audio|source|xml|\?xml)\b)|<(?=[a-z][\w-]*\s[^<>]*?\bon[a-z]+\s*=)/gi;

export interface DefangResult {
	text: string;
	/** How many links were rewritten. */
	links: number;
}

/**
 * Rewrite links so that nothing in the text is clickable: `https://` → `hxxps://`, `ftp://` →
 * `ftp[:]//`, `javascript:` → `javascript[:]`, `data:text/html` → `data[:]text/html`.
 *
 * @example
 * defangLinks("see https://example.jp").text; // "see hxxps://example.jp"
 */
export function defangLinks(input: string): DefangResult {
	const pieces: string[] = [];
	let links = 0;
	let copied = 0;
	for (let colon = input.indexOf(":"); colon >= 0; colon = input.indexOf(":", colon + 1)) {
		const match = SCHEME_BEFORE_COLON.exec(input.slice(Math.max(0, colon - 40), colon));
		if (!match) continue;
		const scheme = match[1] as string;
		const lower = scheme.toLowerCase();
		const after = input.slice(colon + 1, colon + 3);
		const start = colon - scheme.length;
		let replacement: string | null = null;
		if (lower.startsWith("h") && lower !== "hxxp" && lower !== "hxxps") {
			if (after === "//" || after === "\\\\") replacement = `hxxp${lower.slice(4)}:`;
		} else if (NEEDS_SLASHES.test(lower)) {
			if (after === "//" || after === "\\\\") replacement = `${scheme}[:]`;
		} else if (lower === "data") {
			if (DATA_URL_REST.test(input.slice(colon + 1, colon + 200))) replacement = "data[:]";
		} else if (!lower.startsWith("h")) {
			replacement = `${scheme}[:]`;
		}
		if (replacement === null) continue;
		links++;
		pieces.push(input.slice(copied, start), replacement);
		copied = colon + 1;
	}
	if (copied === 0) return { text: input, links };
	pieces.push(input.slice(copied));
	return { text: pieces.join(""), links };
}

/**
 * Replace the `<` of active-looking tags in plain text with a full-width `＜`, so that text which
 * quotes markup stays readable but can never become markup again.
 *
 * @example
 * neutraliseMarkup("<script>x</script>"); // "＜script>x＜/script>"
 */
export function neutraliseMarkup(text: string): string {
	return text.replace(ACTIVE_TAG, "＜");
}

/**
 * Undo RFC 3676 format=flowed: join soft-broken lines of the same quote depth, drop
 * space-stuffing, and with DelSp=yes the space that marks the soft break.
 *
 * @example
 * unflow("a long \nline\n", false); // "a long line\n"
 */
export function unflow(text: string, delSp: boolean): string {
	const lines = text.split(/\r?\n/);
	const out: string[] = [];
	let paragraph = "";
	let paragraphDepth = -1;
	for (const raw of lines) {
		let depth = 0;
		while (depth < raw.length && raw.charCodeAt(depth) === 0x3e) depth++;
		let line = raw.slice(depth);
		if (line.startsWith(" ")) line = line.slice(1);
		const flowed = line.endsWith(" ") && line !== "-- ";
		if (flowed && delSp) line = line.slice(0, -1);
		if (paragraphDepth !== -1 && paragraphDepth !== depth) {
			out.push(quote(paragraphDepth, paragraph));
			paragraph = "";
			paragraphDepth = -1;
		}
		paragraph += line;
		paragraphDepth = depth;
		if (!flowed) {
			out.push(quote(depth, paragraph));
			paragraph = "";
			paragraphDepth = -1;
		}
	}
	if (paragraphDepth !== -1) out.push(quote(paragraphDepth, paragraph));
	return out.join("\n");
}

function quote(depth: number, text: string): string {
	return depth === 0 ? text : `${">".repeat(depth)} ${text}`;
}

/** Normalise line ends to LF, drop NULs and other C0 controls that have no place in mail text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is removed
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function cleanControls(text: string): string {
	const lines = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
	return CONTROLS.test(lines) ? lines.replace(new RegExp(CONTROLS.source, "g"), "") : lines;
}
