import { createHash } from "node:crypto";

/**
 * What makes two SMTP deliveries "the same message" for the gateway: a sender that never saw our
 * 250 (we crashed, or the connection broke after the commit) sends the message again, and it must
 * not be queued twice. Pure functions; the store and its 24-hour window are in accept-message.ts.
 */

/** How long a stored message answers for its retries. */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Where the header block ends and the body begins (after the first empty line), or -1. */
function bodyStart(raw: Buffer): number {
	const crlf = raw.indexOf("\r\n\r\n");
	const lf = raw.indexOf("\n\n");
	if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 4;
	return lf >= 0 ? lf + 2 : -1;
}

/** The header block, without the empty line that ends it (the whole message when it has none). */
export function headerBlock(raw: Buffer): Buffer {
	const start = bodyStart(raw);
	return start < 0 ? raw : raw.subarray(0, start);
}

/**
 * SHA-256 (hex) of the body, the bytes after the header block. The headers are left out on
 * purpose: a retrying or rerouted MTA adds `Received:` (and may add or rewrite other trace
 * headers), while the body it sends is the one it has queued, byte for byte.
 *
 * @example
 * bodyHash(Buffer.from("Subject: a\r\n\r\nhello")); // sha256 of "hello"
 */
export function bodyHash(raw: Buffer): string {
	const start = bodyStart(raw);
	return createHash("sha256")
		.update(start < 0 ? Buffer.alloc(0) : raw.subarray(start))
		.digest("hex");
}

/**
 * A Message-ID as compared: folding and angle brackets gone, the domain part lower-cased (the
 * local part is case-sensitive). Null when there is none.
 *
 * @example
 * normaliseMessageId(" <Abc.1@Mail.Example.JP>"); // "Abc.1@mail.example.jp"
 */
export function normaliseMessageId(value: string | null | undefined): string | null {
	if (!value) return null;
	const bracketed = /<([^>]*)>/.exec(value);
	const id = (bracketed ? (bracketed[1] ?? "") : value).replace(/\s+/g, "");
	if (id === "") return null;
	const at = id.lastIndexOf("@");
	return at < 0 ? id : id.slice(0, at) + id.slice(at).toLowerCase();
}

export interface DedupFacts {
	/** The Message-ID header as read, or null. */
	messageId: string | null;
	/** The Date header's text (unfolded), or null when there is none. */
	date: string | null;
	envelope: { from: string; to: string[] };
	/** From `bodyHash`. */
	bodyHash: string;
}

/**
 * The key under which a message answers for its retries (SHA-256, hex), or null when it cannot
 * be told apart from a different message with confidence and is never deduplicated.
 *
 * - With a Message-ID: the normalised Message-ID, the body hash and the envelope (sender and the
 *   set of recipients). The envelope is part of it because an MTA splits one message with many
 *   recipients into several SMTP transactions with the same Message-ID and body: each of those
 *   must be stored, only a repeat of the same transaction is a duplicate.
 * - Without a Message-ID: the envelope, the Date header and the body hash. The Date keeps apart
 *   two messages with the same text (a monitoring alert sent twice); a retry resends the same Date.
 * - Without either (the message breaks RFC 5322): null. A duplicate delivery is the lesser harm
 *   than a second, different message swallowed.
 *
 * @example
 * dedupKey({ messageId: "<a@x.jp>", date: null, envelope: { from: "s@x.jp", to: ["b@c.jp"] },
 *   bodyHash: bodyHash(raw) });
 */
export function dedupKey(facts: DedupFacts): string | null {
	const id = normaliseMessageId(facts.messageId);
	if (id === null && facts.date === null) return null;
	const recipients = [...new Set(facts.envelope.to.map((a) => a.toLowerCase()))].sort();
	const parts = [
		id === null ? "date" : "message-id",
		id ?? facts.date ?? "",
		facts.envelope.from.toLowerCase(),
		recipients.join(","),
		facts.bodyHash,
	];
	return createHash("sha256").update(parts.join("\0")).digest("hex");
}
