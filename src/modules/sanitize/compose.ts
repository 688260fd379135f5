import { randomBytes, randomUUID } from "node:crypto";
import { domainToASCII } from "node:url";
import { buildHeaderValue, encodeWords, foldLines } from "nodemailer/lib/mime-funcs";
import type { MailAddress } from "./mime.ts";

/**
 * Writes the new, harmless message: a few safe headers, one UTF-8 text part and the delivered
 * attachments, all 7-bit (quoted-printable or base64), CRLF line ends, lines within 78 columns.
 */

export interface OutgoingAttachment {
	filename: string;
	contentType: string;
	content: Buffer;
}

export interface OutgoingMessage {
	from: MailAddress[];
	to: MailAddress[];
	cc: MailAddress[];
	subject: string | null;
	date: Date | null;
	messageId: string | null;
	inReplyTo: string | null;
	references: string[];
	/** The `X-Mamori-Sanitized` value. */
	sanitized: string;
	text: string;
	attachments: OutgoingAttachment[];
}

const CRLF = "\r\n";
const MESSAGE_ID = /^<[^<>\s"\\]{1,250}@[^<>\s"\\]{1,250}>$/;
const MIME_TYPE = /^[a-z0-9][\w.+-]{0,126}\/[a-z0-9][\w.+-]{0,126}$/i;
/** A charset parameter the attachment's type may carry (`text/plain; charset=utf-8`). */
const CHARSET_PARAM = /^charset=([a-z0-9][\w.:+-]{0,39})$/i;

/** The type and its charset, or `application/octet-stream` when the value is not that simple. */
function attachmentType(contentType: string): { type: string; params: Record<string, string> } {
	const [type = "", ...rest] = contentType.split(";").map((part) => part.trim());
	if (!MIME_TYPE.test(type)) return { type: "application/octet-stream", params: {} };
	const charset = rest.length === 1 ? CHARSET_PARAM.exec(rest[0] as string)?.[1] : undefined;
	if (rest.length > 0 && charset === undefined)
		return { type: "application/octet-stream", params: {} };
	return { type: type.toLowerCase(), params: charset ? { charset: charset.toLowerCase() } : {} };
}

/** Drop controls, line breaks and bidirectional overrides from a header value. */
function clean(value: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is removed
	return value.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ").trim();
}

function header(name: string, value: string): string {
	return foldLines(`${name}: ${value}`, 76);
}

function textHeader(name: string, value: string): string {
	return header(name, encodeWords(clean(value), "B", 52));
}

function formatAddress({ name, address }: MailAddress): string {
	const at = address.lastIndexOf("@");
	let mailbox = clean(address).replace(/[<>"\s,;]/g, "");
	if (at > 0) {
		const domain = mailbox.slice(mailbox.lastIndexOf("@") + 1);
		const ascii = domainToASCII(domain);
		if (ascii !== "") mailbox = `${mailbox.slice(0, mailbox.lastIndexOf("@") + 1)}${ascii}`;
	}
	const display = clean(name);
	if (display === "") return mailbox;
	const encoded = /^[\x20-\x7e]*$/.test(display)
		? `"${display.replace(/["\\]/g, "\\$&")}"`
		: encodeWords(display, "B", 52);
	return mailbox === "" ? `${encoded}:;` : `${encoded} <${mailbox}>`;
}

function addressHeader(name: string, list: MailAddress[]): string | null {
	return list.length === 0 ? null : header(name, list.map(formatAddress).join(", "));
}

/** A file name safe to write into a header: no path, no controls, no direction tricks. */
export function safeFilename(name: string): string {
	const base = clean(name)
		.replace(/^.*[\\/]/, "")
		.replace(/["*:<>?|]/g, "_")
		.slice(0, 200);
	return base === "" || base === "." || base === ".." ? "attachment" : base;
}

/** Base64 in 76-column lines, written straight into one buffer. */
function base64Lines(content: Buffer): Buffer {
	const encoded = Buffer.from(content.toString("base64"), "latin1");
	const lines = Math.ceil(encoded.length / 76);
	const out = Buffer.allocUnsafe(encoded.length + lines * 2);
	let o = 0;
	for (let i = 0; i < encoded.length; i += 76) {
		o += encoded.copy(out, o, i, Math.min(i + 76, encoded.length));
		out[o++] = 0x0d;
		out[o++] = 0x0a;
	}
	return out.subarray(0, o);
}

const HEX_DIGITS = Buffer.from("0123456789ABCDEF", "latin1");

/**
 * Quoted-printable for CRLF text in one pass: printable ASCII kept, everything else `=XX`, soft
 * breaks before column 76, trailing space or tab before a line end encoded.
 */
export function quotedPrintable(bytes: Buffer): Buffer {
	const out = Buffer.allocUnsafe(bytes.length * 3 + Math.ceil(bytes.length / 25) * 3 + 2);
	let o = 0;
	let column = 0;
	for (let i = 0; i < bytes.length; i++) {
		const c = bytes[i] as number;
		if (c === 0x0d && bytes[i + 1] === 0x0a) {
			out[o++] = 0x0d;
			out[o++] = 0x0a;
			i++;
			column = 0;
			continue;
		}
		const next = bytes[i + 1];
		const atLineEnd = next === undefined || next === 0x0d;
		const literal =
			(c >= 0x21 && c <= 0x7e && c !== 0x3d) || ((c === 0x20 || c === 0x09) && !atLineEnd);
		const width = literal ? 1 : 3;
		if (column + width > 75) {
			out[o++] = 0x3d;
			out[o++] = 0x0d;
			out[o++] = 0x0a;
			column = 0;
		}
		if (literal) {
			out[o++] = c;
		} else {
			out[o++] = 0x3d;
			out[o++] = HEX_DIGITS[c >> 4] as number;
			out[o++] = HEX_DIGITS[c & 15] as number;
		}
		column += width;
	}
	out[o++] = 0x0d;
	out[o++] = 0x0a;
	return out.subarray(0, o);
}

/** The text part: 7bit for short-lined ASCII, base64 for mostly Japanese text, else QP. */
function textPart(text: string): { encoding: string; body: Buffer } {
	const crlf = text.replace(/\r?\n/g, CRLF);
	const ascii = !/[^\x20-\x7e\r\n\t]/.test(crlf);
	if (ascii && !/[^\r\n]{999}/.test(crlf)) {
		return {
			encoding: "7bit",
			body: Buffer.from(crlf.endsWith(CRLF) ? crlf : `${crlf}${CRLF}`, "latin1"),
		};
	}
	const bytes = Buffer.from(crlf, "utf8");
	const nonAscii = bytes.length - crlf.length;
	if (nonAscii * 4 > crlf.length) return { encoding: "base64", body: base64Lines(bytes) };
	return { encoding: "quoted-printable", body: quotedPrintable(bytes) };
}

function dateHeader(date: Date | null): string {
	const when = date !== null && !Number.isNaN(date.getTime()) ? date : new Date();
	return when.toUTCString().replace(/GMT$/, "+0000");
}

/**
 * Build the message bytes.
 *
 * @example
 * composeMessage({ from: [], to: [], cc: [], subject: "件名", date: null, messageId: null,
 *   inReplyTo: null, references: [], sanitized: "headers-reduced", text: "本文", attachments: [] });
 */
export function composeMessage(message: OutgoingMessage): Buffer {
	const head: string[] = [];
	const add = (line: string | null) => {
		if (line !== null) head.push(line);
	};
	add(addressHeader("From", message.from));
	add(addressHeader("To", message.to));
	add(addressHeader("Cc", message.cc));
	add(message.subject === null ? null : textHeader("Subject", message.subject));
	add(header("Date", dateHeader(message.date)));
	const messageId =
		message.messageId !== null && MESSAGE_ID.test(message.messageId)
			? message.messageId
			: `<${randomUUID()}@mamori.invalid>`;
	add(header("Message-ID", messageId));
	if (message.inReplyTo !== null && MESSAGE_ID.test(message.inReplyTo))
		add(header("In-Reply-To", message.inReplyTo));
	const references = message.references.filter((r) => MESSAGE_ID.test(r)).slice(-50);
	if (references.length > 0) add(header("References", references.join(" ")));
	add(header("MIME-Version", "1.0"));
	add(textHeader("X-Mamori-Sanitized", message.sanitized));

	const text = textPart(message.text);
	const textHead = `Content-Type: text/plain; charset=utf-8${CRLF}Content-Transfer-Encoding: ${text.encoding}${CRLF}`;
	if (message.attachments.length === 0) {
		return Buffer.concat([
			Buffer.from(`${head.join(CRLF)}${CRLF}${textHead}${CRLF}`, "latin1"),
			text.body,
		]);
	}
	const boundary = `=_mamori_${randomBytes(12).toString("hex")}`;
	add(header("Content-Type", `multipart/mixed; boundary="${boundary}"`));
	const chunks: Buffer[] = [
		Buffer.from(`${head.join(CRLF)}${CRLF}${CRLF}--${boundary}${CRLF}${textHead}${CRLF}`, "latin1"),
		text.body,
	];
	for (const attachment of message.attachments) {
		const filename = safeFilename(attachment.filename);
		const { type, params } = attachmentType(attachment.contentType);
		const isMessage = type === "message/rfc822";
		const lines = [
			`--${boundary}`,
			header(
				"Content-Type",
				isMessage ? type : buildHeaderValue({ value: type, params: { ...params, name: filename } }),
			),
			header("Content-Transfer-Encoding", isMessage ? "7bit" : "base64"),
			header(
				"Content-Disposition",
				buildHeaderValue({ value: "attachment", params: { filename } }),
			),
		];
		chunks.push(Buffer.from(`${lines.join(CRLF)}${CRLF}${CRLF}`, "latin1"));
		if (isMessage) {
			chunks.push(attachment.content);
			if (!attachment.content.subarray(-2).equals(Buffer.from(CRLF)))
				chunks.push(Buffer.from(CRLF));
		} else {
			chunks.push(base64Lines(attachment.content));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--${CRLF}`, "latin1"));
	return Buffer.concat(chunks);
}
