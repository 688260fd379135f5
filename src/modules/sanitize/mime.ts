import type { Transform } from "node:stream";
import { Headers, type MimeNode, Splitter, type SplitterChunk } from "@zone-eu/mailsplit";
import libmime from "libmime";
import addressparser from "nodemailer/lib/addressparser";
import { detectJapanese } from "./charset.ts";
import { headerEnd } from "./mime-scan.ts";

/**
 * Our one door to the MIME parser: `@zone-eu/mailsplit` (the splitter inside mailparser) cuts the
 * message into entities, libmime reads header values and encoded words. Nothing else in the
 * engine touches either library, so either can be replaced here.
 */

export interface MimeEntity {
	/** Lower-case type, `text/plain` when the header is missing. */
	contentType: string;
	charset: string | null;
	disposition: string | null;
	/** The name a client would save the part under (RFC 2231 wins over the plain form), or null. */
	filename: string | null;
	/** Every distinct name the part's headers give it; more than one is a conflict. */
	filenames: string[];
	/** Content-Transfer-Encoding, lower case, "" when missing. */
	encoding: string;
	flowed: boolean;
	delSp: boolean;
	/** Header access for this entity. */
	header(name: string): string | null;
	headerCount(name: string): number;
	children: MimeEntity[];
	/** Raw, still transfer-encoded body (leaves only). */
	body: Buffer[];
	bodyBytes: number;
	/** IMAP-style part number, "" for the top level. */
	partId: string;
}

export interface ParseLimits {
	maxParts: number;
	maxHeaderBytes: number;
}

/** Read a header line (bytes kept as latin1 by the splitter) as text: UTF-8, else Japanese, else as is. */
function headerLineText(line: string): string {
	if (!/[\u0080-\u00ff]/.test(line)) return line;
	const bytes = Buffer.from(line, "latin1");
	return detectJapanese(bytes)?.text ?? line;
}

/** Value of a raw header line: unfolded, key removed, not yet word-decoded. */
function rawValue(line: string): string {
	const text = headerLineText(line).replace(/\r?\n[ \t]*/g, " ");
	const colon = text.indexOf(":");
	return (colon < 0 ? "" : text.slice(colon + 1)).trim();
}

/** Decode RFC 2047 words; a broken word stays as written rather than failing the message. */
export function decodeWords(value: string): string {
	try {
		return libmime.decodeWords(value);
	} catch {
		return value;
	}
}

function stripExtended(value: string): string {
	return value.replace(/;\s*[\w-]+\*[\d*]*\s*=\s*(?:"[^"]*"|[^;]*)/g, "");
}

function paramNames(rawHeader: string | null, param: string): string[] {
	if (rawHeader === null) return [];
	const names: string[] = [];
	for (const source of [rawHeader, stripExtended(rawHeader)]) {
		const value = libmime.parseHeaderValue(source).params[param];
		if (value) names.push(decodeWords(value).trim());
	}
	return names;
}

function toEntity(node: MimeNode): MimeEntity {
	const headers = node.headers || null;
	const lines = headers ? headers.getList() : [];
	const header = (name: string): string | null => {
		const key = name.toLowerCase();
		const line = lines.find((l) => l.key === key);
		return line ? rawValue(line.line) : null;
	};
	const headerCount = (name: string): number => {
		const key = name.toLowerCase();
		return lines.filter((l) => l.key === key).length;
	};
	const disposition = paramNames(header("content-disposition"), "filename");
	const typeName = paramNames(header("content-type"), "name");
	const filenames = [...new Set([...disposition, ...typeName].filter((n) => n !== ""))];
	return {
		contentType: node.contentType || "text/plain",
		charset: node.charset || null,
		disposition: node.disposition || null,
		filename: disposition[0] || typeName[0] || null,
		filenames,
		encoding: (node.encoding || "").toLowerCase(),
		flowed: node.flowed,
		delSp: node.delSp,
		header,
		headerCount,
		children: [],
		body: [],
		bodyBytes: 0,
		partId: (node.partNr || []).filter((n) => typeof n === "number").join("."),
	};
}

/**
 * Split a message into its entity tree. Embedded messages stay leaves (the engine sanitises them
 * as messages of their own). Rejects on malformed input past the splitter's limits or on abort.
 *
 * @example
 * const root = await parseMime(raw, { maxParts: 500, maxHeaderBytes: 1 << 20 }, signal);
 */
export function parseMime(
	raw: Buffer,
	limits: ParseLimits,
	signal?: AbortSignal,
): Promise<MimeEntity> {
	return new Promise((resolve, reject) => {
		const splitter = new Splitter({
			ignoreEmbedded: true,
			maxChildNodes: limits.maxParts + 1,
			maxHeadSize: limits.maxHeaderBytes,
		}) as unknown as Transform;
		const entities = new Map<MimeNode, MimeEntity>();
		let root: MimeEntity | null = null;
		const onAbort = () => {
			splitter.destroy();
			reject(signal?.reason instanceof Error ? signal.reason : new Error("parsing aborted"));
		};
		signal?.addEventListener("abort", onAbort, { once: true });
		splitter.on("data", (chunk: SplitterChunk) => {
			if (chunk.type === "node") {
				const node = chunk;
				const entity = toEntity(node);
				entities.set(node, entity);
				const parent = node.parentNode ? entities.get(node.parentNode as MimeNode) : undefined;
				if (parent) parent.children.push(entity);
				else root ??= entity;
			} else if (chunk.type === "body" && chunk.value.length > 0) {
				const entity = entities.get(chunk.node);
				if (entity) {
					entity.body.push(chunk.value);
					entity.bodyBytes += chunk.value.length;
				}
			}
		});
		// `on`, not `once`: a second error after the first must not become an uncaught one.
		splitter.on("error", (error: Error) => {
			signal?.removeEventListener("abort", onAbort);
			reject(error);
		});
		splitter.once("end", () => {
			signal?.removeEventListener("abort", onAbort);
			if (root === null) reject(new Error("no MIME entity found"));
			else resolve(root);
		});
		splitter.end(raw);
	});
}

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
	HEX[0x41 + i] = 10 + i;
	HEX[0x61 + i] = 10 + i;
}

/**
 * Decode quoted-printable bytes leniently: soft line breaks removed, `=XX` decoded, a stray `=`
 * kept as is, transport padding before line ends dropped.
 *
 * @example
 * decodeQuotedPrintable(Buffer.from("=E4=BD=8F=\r\nabc")).toString(); // "住abc"
 */
export function decodeQuotedPrintable(input: Buffer): Buffer {
	const out = Buffer.allocUnsafe(input.length);
	let o = 0;
	// Only literal whitespace before a line end is padding; an encoded =20 is content.
	let lineStart = 0;
	for (let i = 0; i < input.length; i++) {
		const c = input[i] as number;
		if (c === 0x3d) {
			const a = input[i + 1];
			const b = input[i + 2];
			if (a === 0x0a) {
				i += 1;
				lineStart = o;
				continue;
			}
			if (a === 0x0d && b === 0x0a) {
				i += 2;
				lineStart = o;
				continue;
			}
			const hi = a === undefined ? -1 : (HEX[a] as number);
			const lo = b === undefined ? -1 : (HEX[b] as number);
			if (hi >= 0 && lo >= 0) {
				out[o++] = (hi << 4) | lo;
				lineStart = o;
				i += 2;
				continue;
			}
			out[o++] = c;
		} else if (c === 0x0a) {
			// Trailing whitespace on an encoded line is transport padding.
			let end = o;
			if (end > lineStart && out[end - 1] === 0x0d) end--;
			const hadCr = end < o;
			while (end > lineStart && (out[end - 1] === 0x20 || out[end - 1] === 0x09)) end--;
			o = end;
			if (hadCr) out[o++] = 0x0d;
			out[o++] = c;
			lineStart = o;
		} else {
			out[o++] = c;
		}
	}
	return out.subarray(0, o);
}

/** The body of a leaf with its transfer encoding undone. */
export function decodeBody(entity: MimeEntity): Buffer {
	const raw =
		entity.body.length === 1
			? (entity.body[0] as Buffer)
			: Buffer.concat(entity.body, entity.bodyBytes);
	switch (entity.encoding) {
		case "base64":
			return Buffer.from(raw.toString("latin1"), "base64");
		case "quoted-printable":
			return decodeQuotedPrintable(raw);
		default:
			return raw;
	}
}

export interface MailAddress {
	name: string;
	address: string;
}

/** Addresses of an address header, names decoded; groups flattened. */
export function readAddresses(value: string | null): MailAddress[] {
	if (value === null || value === "") return [];
	try {
		return addressparser(value, { flatten: true })
			.map((a) => ({ name: decodeWords(a.name ?? "").trim(), address: (a.address ?? "").trim() }))
			.filter((a) => a.address !== "" || a.name !== "");
	} catch {
		return [];
	}
}

export interface Envelope {
	subject: string | null;
	from: MailAddress[];
	to: MailAddress[];
	cc: MailAddress[];
	date: Date | null;
	messageId: string | null;
	inReplyTo: string | null;
	references: string[];
}

const MESSAGE_IDS = /<[^<>\s]+>/g;

/**
 * The top-level headers a report and the new message need, read from at most `maxBytes` of
 * header block; works on messages that are otherwise too broken or too big to parse.
 */
export function readEnvelope(raw: Buffer, maxBytes: number): Envelope {
	const { end } = headerEnd(raw.subarray(0, maxBytes), 0);
	const lines = new Headers(raw.subarray(0, end)).getList();
	const value = (key: string): string | null => {
		const line = lines.find((l) => l.key === key);
		return line ? rawValue(line.line) : null;
	};
	const all = (key: string): string =>
		lines
			.filter((l) => l.key === key)
			.map((l) => rawValue(l.line))
			.join(", ");
	const subject = value("subject");
	const date = value("date");
	const parsedDate = date === null ? null : new Date(date);
	return {
		subject: subject === null ? null : decodeWords(subject),
		from: readAddresses(value("from")),
		to: readAddresses(all("to")),
		cc: readAddresses(all("cc")),
		date: parsedDate === null || Number.isNaN(parsedDate.getTime()) ? null : parsedDate,
		messageId: value("message-id")?.match(MESSAGE_IDS)?.[0] ?? null,
		inReplyTo: value("in-reply-to")?.match(MESSAGE_IDS)?.[0] ?? null,
		references: value("references")?.match(MESSAGE_IDS) ?? [],
	};
}
