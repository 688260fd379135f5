import { createHash, randomUUID } from "node:crypto";
import { isUniqueViolation } from "../../../db/errors.ts";
import { inTransaction, type Tx } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { bodyHash, DEDUP_WINDOW_MS, dedupKey, headerBlock } from "./dedup-key.ts";
import { countDuplicate, insertQueuedMessage, releaseDedupKey } from "./mail-queue.repository.ts";
import { mailSettingsOf } from "./mail-settings.ts";
import { quarantineBox } from "./sealed-bytes.ts";

export interface Envelope {
	from: string;
	to: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AcceptedMessage {
	/** The queued message: the new one, or the one this delivery repeats. */
	id: string;
	/** A retry of a message stored within 24 hours: nothing new was stored. */
	duplicate: boolean;
}

interface HeaderSummary {
	messageId: string | null;
	subject: string | null;
	/** The Date header's text, unfolded, or null. As written: a retry resends the same text. */
	date: string | null;
}

/** Message-ID, Subject and Date from the header block only; the engine reads the rest later. */
async function headerSummary(raw: Buffer): Promise<HeaderSummary> {
	try {
		const { simpleParser } = await import("mailparser");
		const parsed = await simpleParser(Buffer.concat([headerBlock(raw), Buffer.from("\r\n\r\n")]));
		// The text, not mailparser's Date: it turns an unreadable date into the current time.
		const dateLine = parsed.headerLines.find((h) => h.key === "date")?.line;
		const date =
			dateLine
				?.replace(/^date:/i, "")
				.replace(/\s+/g, " ")
				.trim() || null;
		return { messageId: parsed.messageId ?? null, subject: parsed.subject ?? null, date };
	} catch {
		return { messageId: null, subject: null, date: null };
	}
}

/**
 * Queue an accepted message: the row that the worker delivers from and the original, sealed, in
 * quarantine until the tenant's retention ends, in one transaction. The gateway answers 250 only
 * after this returns, so acceptance never depends on the downstream server.
 *
 * A message that repeats one stored in the last 24 hours (same dedup key: Message-ID, body and
 * envelope, see dedup-key.ts) is not stored again: its sender never saw our 250 and retried. The
 * check and the insert are race-free: the unique index on the key lets one of two concurrent
 * deliveries in (PostgreSQL makes the second wait for the first and then refuses it), and the
 * other is answered as the repeat it is.
 *
 * @example
 * const { id, duplicate } = await acceptMessage(deps, tenant.id, { from: "a@x.jp", to: ["b@city.jp"] }, raw);
 */
export async function acceptMessage(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	envelope: Envelope,
	raw: Buffer,
	now: Date = new Date(),
): Promise<AcceptedMessage> {
	const { messageId, subject, date } = await headerSummary(raw);
	const hash = bodyHash(raw);
	const key = dedupKey({ messageId, date, envelope, bodyHash: hash });
	const settings = await mailSettingsOf(deps.db, tenantId);
	const sealed = quarantineBox(deps.config.dataDir).seal(raw);
	const id = randomUUID();
	const at = now.toISOString();
	const windowStart = new Date(now.getTime() - DEDUP_WINDOW_MS).toISOString();
	const store = (tx: Tx) =>
		insertQueuedMessage(
			tx,
			{
				id,
				tenant_id: tenantId,
				envelope_from: envelope.from,
				envelope_to: JSON.stringify(envelope.to),
				message_id: messageId,
				subject,
				size: raw.length,
				received_at: at,
				status: "queued",
				attempts: 0,
				next_attempt_at: at,
				lease_owner: null,
				lease_until: null,
				last_error: null,
				report: null,
				held_reason: null,
				held_reason_code: null,
				held_reason_params: null,
				sanitized: null,
				delivered_at: null,
				updated_at: at,
				body_hash: hash,
				dedup_key: key,
				duplicates: 0,
			},
			{
				message_id: id,
				tenant_id: tenantId,
				sealed,
				sha256: createHash("sha256").update(raw).digest("hex"),
				stored_at: at,
				purge_after: new Date(now.getTime() + settings.retentionDays * DAY_MS).toISOString(),
			},
		);
	if (key === null) {
		await inTransaction(deps.db, store);
		return { id, duplicate: false };
	}
	try {
		return await inTransaction(deps.db, async (tx) => {
			await releaseDedupKey(tx, tenantId, key, windowStart);
			const earlier = await countDuplicate(tx, tenantId, key);
			if (earlier) return { id: earlier, duplicate: true };
			await store(tx);
			return { id, duplicate: false };
		});
	} catch (error) {
		// A concurrent delivery of the same message committed first.
		if (!isUniqueViolation(error)) throw error;
		const earlier = await inTransaction(deps.db, (tx) => countDuplicate(tx, tenantId, key));
		if (!earlier) throw error;
		return { id: earlier, duplicate: true };
	}
}
