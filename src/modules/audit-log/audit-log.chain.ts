import { createHash } from "node:crypto";
import type { AuditEventTable } from "../../db/schema.ts";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers, in their stored form: all but the hash. */
export type ChainedFields = Omit<AuditEventTable, "hash">;

/**
 * SHA-256 over the previous hash and every stored field. JSON array encoding keeps the fields
 * unambiguous whatever characters they hold.
 */
export function hashEvent(event: ChainedFields): string {
	return createHash("sha256")
		.update(
			JSON.stringify([
				event.prev_hash,
				event.tenant_id,
				Number(event.seq),
				event.id,
				event.type,
				event.occurred_at,
				event.actor_id,
				event.actor_label,
				event.ip,
				event.record_type,
				event.record_id,
				event.data,
			]),
		)
		.digest("hex");
}
