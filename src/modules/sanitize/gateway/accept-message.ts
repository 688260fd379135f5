import { createHash, randomUUID } from "node:crypto";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { insertQueuedMessage } from "./mail-queue.repository.ts";
import { mailSettingsOf } from "./mail-settings.ts";
import { quarantineBox } from "./sealed-bytes.ts";

export interface Envelope {
	from: string;
	to: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Message-ID and Subject from the header block only; the engine reads the rest later. */
async function headerSummary(
	raw: Buffer,
): Promise<{ messageId: string | null; subject: string | null }> {
	let end = raw.indexOf("\r\n\r\n");
	if (end < 0) end = raw.indexOf("\n\n");
	const head = end < 0 ? raw : raw.subarray(0, end);
	try {
		const { simpleParser } = await import("mailparser");
		const parsed = await simpleParser(Buffer.concat([head, Buffer.from("\r\n\r\n")]));
		return { messageId: parsed.messageId ?? null, subject: parsed.subject ?? null };
	} catch {
		return { messageId: null, subject: null };
	}
}

/**
 * Queue an accepted message: the row that the worker delivers from and the original, sealed, in
 * quarantine until the tenant's retention ends, in one transaction. The gateway answers 250 only
 * after this returns, so acceptance never depends on the downstream server.
 *
 * @example
 * const id = await acceptMessage(deps, tenant.id, { from: "a@x.jp", to: ["b@city.jp"] }, raw);
 */
export async function acceptMessage(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	envelope: Envelope,
	raw: Buffer,
	now: Date = new Date(),
): Promise<string> {
	const { messageId, subject } = await headerSummary(raw);
	const settings = await mailSettingsOf(deps.db, tenantId);
	const sealed = quarantineBox(deps.config.dataDir).seal(raw);
	const id = randomUUID();
	const at = now.toISOString();
	await inTransaction(deps.db, (tx) =>
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
				sanitized: null,
				delivered_at: null,
				updated_at: at,
			},
			{
				message_id: id,
				tenant_id: tenantId,
				sealed,
				sha256: createHash("sha256").update(raw).digest("hex"),
				stored_at: at,
				purge_after: new Date(now.getTime() + settings.retentionDays * DAY_MS).toISOString(),
			},
		),
	);
	return id;
}
