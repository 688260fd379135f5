import type { Db } from "../../db/connection.ts";
import { GENESIS_HASH, hashEvent } from "./audit.chain.ts";

export type ChainVerdict =
	| { tenantId: string; slug: string; intact: true; events: number }
	| {
			tenantId: string;
			slug: string;
			intact: false;
			events: number;
			brokenAt: number;
			reason: string;
	  };

const PAGE = 5000;

/**
 * Walk a tenant's chain from the first event and name the first broken link: an event whose
 * stored hash does not match its content, whose `prev_hash` does not match its predecessor, a
 * gap in the sequence, or a head that does not match the last event (a cut-off tail).
 */
export async function verifyTenantChain(
	db: Db,
	tenant: { id: string; slug: string },
): Promise<ChainVerdict> {
	let expectedPrev = GENESIS_HASH;
	let expectedSeq = 1;
	let count = 0;
	const broken = (seq: number, reason: string): ChainVerdict => ({
		tenantId: tenant.id,
		slug: tenant.slug,
		intact: false,
		events: count,
		brokenAt: seq,
		reason,
	});

	for (;;) {
		const rows = await db
			.selectFrom("audit_events")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.where("seq", ">=", expectedSeq)
			.orderBy("seq")
			.limit(PAGE)
			.execute();
		for (const row of rows) {
			const seq = Number(row.seq);
			if (seq !== expectedSeq) return broken(expectedSeq, `event ${expectedSeq} is missing`);
			if (row.prev_hash !== expectedPrev) {
				return broken(seq, `event ${seq} does not point at the hash of event ${seq - 1}`);
			}
			const hash = hashEvent(row);
			if (hash !== row.hash) return broken(seq, `event ${seq} was altered after it was written`);
			expectedPrev = hash;
			expectedSeq = seq + 1;
			count++;
		}
		if (rows.length < PAGE) break;
	}

	const head = await db
		.selectFrom("audit_heads")
		.select(["seq", "hash"])
		.where("tenant_id", "=", tenant.id)
		.executeTakeFirst();
	if (!head) return broken(0, "the tenant has no chain head");
	if (Number(head.seq) !== count || head.hash !== expectedPrev) {
		return broken(count + 1, `the chain head expects ${head.seq} events but ${count} remain`);
	}
	return { tenantId: tenant.id, slug: tenant.slug, intact: true, events: count };
}
