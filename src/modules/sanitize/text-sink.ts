/**
 * The output side of the HTML → text conversion: a line-oriented text builder that collapses
 * whitespace like a browser, merges the line breaks blocks ask for, and writes indentation
 * (list markers, quote marks) at the start of each line. Every call is amortised O(length).
 */

/** Wide (East Asian full-width) code units; surrogates count as wide (CJK extensions, emoji). */
export function isWide(code: number): boolean {
	return (
		(code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
		(code >= 0xd800 && code <= 0xdfff) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6)
	);
}

/** Columns a string takes in a monospaced font: wide characters and Hangul take two. */
export function displayWidth(text: string): number {
	let width = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x1100) width++;
		else if (code >= 0xdc00 && code <= 0xdfff) continue;
		else if (isWide(code) || (code >= 0xac00 && code <= 0xd7a3) || code <= 0x115f) width += 2;
		else width++;
	}
	return width;
}

/** Longest indentation written at the start of a line (about ten levels of quotes or lists). */
const MAX_PREFIX = 24;

/** Whitespace between words: none, a plain space, or a run holding a line break. */
const NO_GAP = 0;
const SPACE = 1;
const SEGMENT_BREAK = 2;

export class TextSink {
	private out = "";
	private started = false;
	/** Line breaks at the end of `out` (0 while the current line has content). */
	private trailing = 0;
	/** Line breaks the next content must follow (blocks ask; the largest request wins). */
	private breaks = 0;
	private gap = NO_GAP;
	private lastCode = 0;
	/** Indentation segments, innermost last (allocated on first use: most sinks are table cells). */
	private segments: string[] | null = null;
	/** Per segment, the marker still to print on its first line ("" once printed or if none). */
	private markers: string[] | null = null;
	private pendingMarkers = 0;
	private prefix = "";
	/** The prefix where the last content was written (a quote just left or entered). */
	private lastPrefix = "";

	/** The text written so far, without trailing whitespace. */
	text(): string {
		return this.trailing === 0 ? this.out : this.out.trimEnd();
	}

	/** Characters written so far. */
	size(): number {
		return this.out.length;
	}

	/** Whether nothing visible has been written. */
	isEmpty(): boolean {
		return !this.started;
	}

	/** Ask for at least `count` line breaks before the next content (1: new line, 2: blank line). */
	block(count: number): void {
		if (count > this.breaks) this.breaks = count;
	}

	/** A collapsible whitespace run; `segmentBreak` when it held a line break. */
	space(segmentBreak: boolean): void {
		if (!this.started || this.trailing > 0) return;
		if (segmentBreak) this.gap = SEGMENT_BREAK;
		else if (this.gap === NO_GAP) this.gap = SPACE;
	}

	/** A hard line break (`<br>`, a newline in `<pre>`). */
	newline(): void {
		if (!this.started) return;
		if (this.breaks > this.trailing) this.flushBreaks();
		this.breaks = 0;
		if (this.trailing > 0) this.out += this.prefix.trimEnd();
		this.out += "\n";
		this.trailing++;
		this.gap = NO_GAP;
	}

	/** Visible text with no collapsible whitespace at its ends (inner spaces are kept as given). */
	write(word: string): void {
		if (!this.started) {
			this.started = true;
			this.out = this.linePrefix();
		} else if (this.breaks > this.trailing) {
			this.flushBreaks();
			this.out += this.linePrefix();
		} else if (this.trailing > 0) {
			this.out += this.linePrefix();
		} else if (this.gap !== NO_GAP) {
			// CSS Text: a line break between two wide characters disappears (Japanese source text
			// is often wrapped mid-sentence); any other collapsed run becomes one space.
			if (this.gap === SPACE || !isWide(this.lastCode) || !isWide(word.charCodeAt(0)))
				this.out += " ";
		}
		this.trailing = 0;
		this.breaks = 0;
		this.gap = NO_GAP;
		this.out += word;
		this.lastPrefix = this.prefix;
		this.lastCode = word.charCodeAt(word.length - 1);
	}

	/** Already formatted lines (a rendered table), each written at the current indentation. */
	paste(text: string): void {
		let start = 0;
		for (;;) {
			const end = text.indexOf("\n", start);
			const line = end < 0 ? text.slice(start) : text.slice(start, end);
			if (start > 0) this.newline();
			if (line !== "") this.write(line);
			if (end < 0) return;
			start = end + 1;
		}
	}

	/** Indent the following lines by `segment`; the first line shows `marker` instead when given. */
	indent(segment: string, marker = ""): void {
		// Deep quotes and lists stop indenting further: a prefix on every line must stay short, or
		// a little markup (`<blockquote>` × 150, then `<br>` × n) would make a huge text.
		if (this.prefix.length + segment.length > MAX_PREFIX) segment = "";
		this.segments ??= [];
		this.markers ??= [];
		this.segments.push(segment);
		this.markers.push(marker);
		if (marker !== "") this.pendingMarkers++;
		this.prefix += segment;
	}

	outdent(): void {
		const segment = this.segments?.pop();
		if (segment === undefined) return;
		if (this.markers?.pop() !== "") this.pendingMarkers--;
		this.prefix = this.prefix.slice(0, this.prefix.length - segment.length);
	}

	private flushBreaks(): void {
		const count = this.breaks - this.trailing;
		// Blank lines between two quote levels belong to the outer one.
		const blank = (
			this.lastPrefix.length < this.prefix.length ? this.lastPrefix : this.prefix
		).trimEnd();
		for (let i = 0; i < count; i++) {
			if (this.trailing > 0) this.out += blank;
			this.out += "\n";
			this.trailing++;
		}
	}

	private linePrefix(): string {
		const segments = this.segments;
		const markers = this.markers;
		if (this.pendingMarkers === 0 || segments === null || markers === null) return this.prefix;
		let prefix = "";
		for (let i = 0; i < segments.length; i++) {
			prefix += markers[i] || segments[i];
			markers[i] = "";
		}
		this.pendingMarkers = 0;
		return prefix;
	}
}
