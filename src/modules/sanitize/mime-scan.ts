import libmime from "libmime";
import { type HeldReason, heldFor } from "./sanitize.contract.ts";

/**
 * A bounded look at the MIME structure before any parser sees the message: one forward pass over
 * header blocks and boundary lines (iterative, with an explicit stack), so that a message nested
 * a hundred deep or split into ten thousand parts is refused in milliseconds.
 */

export interface ScanLimits {
	maxDepth: number;
	maxParts: number;
	/** Largest header block of one entity, in bytes. */
	maxHeaderBytes: number;
}

/** The scan stops: the message is held for this reason. */
function stop(result: ScanResult, held: HeldReason): ScanResult {
	result.problem = held.reason;
	result.held = held;
	return result;
}

export interface ScanResult {
	/** Entities seen, containers and embedded messages included. */
	parts: number;
	/** Deepest nesting seen (the top-level message is depth 0). */
	depth: number;
	/** Why the message cannot be handled, or null. */
	problem: string | null;
	/** The same reason with its stable code, or null. */
	held: HeldReason | null;
	/** Multiparts whose closing delimiter never came. */
	unclosedMultiparts: number;
	/** Entities with more than one (identical) Content-Type header. */
	duplicateContentTypes: number;
}

interface OpenMultipart {
	/** `--boundary` as bytes. */
	delimiter: Buffer;
	depth: number;
}

const CR = 0x0d;
const LF = 0x0a;
const HYPHEN = 0x2d;
const NEWLINE_DASHES = Buffer.from("\n--", "latin1");

/** End of the header block starting at `start` and where the body begins. */
export function headerEnd(raw: Buffer, start: number): { end: number; body: number } {
	if (raw[start] === LF) return { end: start, body: start + 1 };
	if (raw[start] === CR && raw[start + 1] === LF) return { end: start, body: start + 2 };
	let from = start;
	for (;;) {
		const lf = raw.indexOf(LF, from);
		if (lf < 0) return { end: raw.length, body: raw.length };
		if (raw[lf + 1] === LF) return { end: lf + 1, body: lf + 2 };
		if (raw[lf + 1] === CR && raw[lf + 2] === LF) return { end: lf + 1, body: lf + 3 };
		from = lf + 1;
	}
}

const CONTENT_TYPE = /^content-type[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)/gim;
const TRANSFER_ENCODING = /^content-transfer-encoding[ \t]*:([^\n]*)/im;

interface EntityType {
	type: string;
	boundary: string | null;
	encoding: string;
	contentTypes: string[];
}

function entityType(header: string): EntityType {
	const values = [...header.matchAll(CONTENT_TYPE)].map((m) =>
		(m[1] ?? "").replace(/\r?\n[ \t]+/g, " ").trim(),
	);
	const parsed = libmime.parseHeaderValue(values[0] ?? "text/plain");
	const type = (parsed.value || "text/plain").toString().toLowerCase().trim();
	const boundary = parsed.params.boundary?.trim() || null;
	const encoding = (TRANSFER_ENCODING.exec(header)?.[1] ?? "").trim().toLowerCase();
	return { type, boundary, encoding, contentTypes: values };
}

/** Same meaning for two Content-Type values: type and parameters, ignoring case and spacing. */
function sameContentType(a: string, b: string): boolean {
	const pa = libmime.parseHeaderValue(a);
	const pb = libmime.parseHeaderValue(b);
	if (String(pa.value).toLowerCase() !== String(pb.value).toLowerCase()) return false;
	const keys = new Set([...Object.keys(pa.params), ...Object.keys(pb.params)]);
	for (const key of keys) if (pa.params[key] !== pb.params[key]) return false;
	return true;
}

/** 1 for `--b` (next part), 2 for `--b--` (close), 0 when the line at `at` is not this delimiter. */
function matchDelimiter(raw: Buffer, at: number, delimiter: Buffer): 0 | 1 | 2 {
	if (raw.length - at < delimiter.length) return 0;
	if (raw.compare(delimiter, 0, delimiter.length, at, at + delimiter.length) !== 0) return 0;
	let i = at + delimiter.length;
	let close = false;
	if (raw[i] === HYPHEN && raw[i + 1] === HYPHEN) {
		close = true;
		i += 2;
	}
	// Only transport padding may follow the boundary on its line.
	while (i < raw.length && (raw[i] === 0x20 || raw[i] === 0x09)) i++;
	if (i < raw.length && raw[i] !== CR && raw[i] !== LF) return 0;
	return close ? 2 : 1;
}

function nextLine(raw: Buffer, at: number): number {
	const lf = raw.indexOf(LF, at);
	return lf < 0 ? raw.length : lf + 1;
}

/**
 * Count and measure the MIME entities of `raw` without decoding anything. Embedded messages
 * (`message/rfc822` that is not transfer-encoded) are looked into; encoded ones are leaves here.
 *
 * @example
 * scanMimeStructure(raw, { maxDepth: 20, maxParts: 500, maxHeaderBytes: 1 << 20 }).problem;
 */
export function scanMimeStructure(raw: Buffer, limits: ScanLimits, baseDepth = 0): ScanResult {
	const result: ScanResult = {
		parts: 0,
		depth: baseDepth,
		problem: null,
		held: null,
		unclosedMultiparts: 0,
		duplicateContentTypes: 0,
	};
	const open: OpenMultipart[] = [];
	// The entity to read next: its header block starts at `entityAt`, at depth `entityDepth`.
	let entityAt: number | null = 0;
	let entityDepth = baseDepth;
	let cursor = 0;
	for (;;) {
		if (entityAt !== null) {
			result.parts++;
			result.depth = Math.max(result.depth, entityDepth);
			if (result.parts > limits.maxParts) {
				return stop(
					result,
					heldFor("mime_too_many_parts", `more than ${limits.maxParts} MIME parts`, {
						max: limits.maxParts,
					}),
				);
			}
			if (entityDepth > limits.maxDepth) {
				return stop(
					result,
					heldFor("mime_too_deep", `MIME nesting deeper than ${limits.maxDepth}`, {
						max: limits.maxDepth,
					}),
				);
			}
			const { end, body } = headerEnd(raw, entityAt);
			if (end - entityAt > limits.maxHeaderBytes) {
				return stop(
					result,
					heldFor(
						"mime_header_too_large",
						`a header block larger than ${limits.maxHeaderBytes} bytes`,
						{ max: limits.maxHeaderBytes },
					),
				);
			}
			const entity = entityType(raw.toString("latin1", entityAt, end));
			if (entity.contentTypes.length > 1) {
				const [first, ...rest] = entity.contentTypes as [string, ...string[]];
				if (rest.some((other) => !sameContentType(first, other))) {
					return stop(
						result,
						heldFor("mime_conflicting_types", "conflicting Content-Type headers in one part"),
					);
				}
				result.duplicateContentTypes++;
			}
			cursor = body;
			entityAt = null;
			if (entity.type.startsWith("multipart/")) {
				if (entity.boundary === null) {
					return stop(
						result,
						heldFor("mime_no_boundary", `${entity.type} without a boundary`, { type: entity.type }),
					);
				}
				open.push({ delimiter: Buffer.from(`--${entity.boundary}`, "latin1"), depth: entityDepth });
			} else if (
				(entity.type === "message/rfc822" || entity.type === "message/global") &&
				["", "7bit", "8bit", "binary"].includes(entity.encoding)
			) {
				entityAt = body;
				entityDepth++;
				continue;
			}
		}
		if (open.length === 0) return result;
		// Find the next line that starts with "--" and belongs to an open multipart.
		let lineAt: number;
		if (
			cursor < raw.length &&
			raw[cursor] === HYPHEN &&
			raw[cursor + 1] === HYPHEN &&
			(cursor === 0 || raw[cursor - 1] === LF)
		) {
			lineAt = cursor;
		} else {
			const found = raw.indexOf(NEWLINE_DASHES, cursor);
			if (found < 0) {
				result.unclosedMultiparts += open.length;
				return result;
			}
			lineAt = found + 1;
		}
		cursor = nextLine(raw, lineAt);
		for (let level = open.length - 1; level >= 0; level--) {
			const multipart = open[level] as OpenMultipart;
			const kind = matchDelimiter(raw, lineAt, multipart.delimiter);
			if (kind === 0) continue;
			// Inner multiparts that a parent's delimiter interrupts were never closed.
			result.unclosedMultiparts += open.length - 1 - level;
			open.length = level + 1;
			if (kind === 2) {
				open.pop();
			} else {
				entityAt = cursor;
				entityDepth = multipart.depth + 1;
			}
			break;
		}
	}
}
