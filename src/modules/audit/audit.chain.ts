import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers, in their stored form. */
export interface ChainedFields {
	tenant_id: string;
	seq: number;
	id: string;
	type: string;
	occurred_at: string;
	actor_id: string | null;
	actor_label: string | null;
	ip: string | null;
	record_type: string | null;
	record_id: string | null;
	data: string;
	prev_hash: string;
}

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
