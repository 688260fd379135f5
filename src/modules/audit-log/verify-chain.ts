import { hash as sha256 } from "node:crypto";
import { SqliteIntrospector, sql } from "kysely";
import type { Db } from "../../db/connection.ts";
import { GENESIS_HASH, hashEvent } from "./audit-log.chain.ts";

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

/** Rows per query: large enough to amortise the round trip, small enough for the young heap. */
const PAGE = 10_000;

/**
 * After this many rows whose SQL-built form disagreed with `hashEvent` yet proved intact, stop
 * using the shortcut: the hash definition has moved on and the shortcut only costs time.
 */
const SHORTCUT_MISSES_ALLOWED = 100;

const CHAINED_COLUMNS = [
	"tenant_id",
	"seq",
	"id",
	"type",
	"occurred_at",
	"actor_id",
	"actor_label",
	"ip",
	"record_type",
	"record_id",
	"data",
	"prev_hash",
] as const;

/**
 * On SQLite, `json_array` over the chained fields, in `hashEvent`'s order, yields the very string
 * `hashEvent` hashes (it escapes like JSON.stringify for every valid string). Building it in C
 * saves a dozen JS strings and a JSON.stringify per event, which is most of the cost of a walk.
 * The casts keep a tampered BLOB from being read as JSONB. A disagreement is never trusted:
 * the row is re-read and judged by `hashEvent` itself.
 */
const SQLITE_CANONICAL = sql<string>`json_array(CAST(prev_hash AS TEXT), CAST(tenant_id AS TEXT),
	CAST(seq AS INTEGER), CAST(id AS TEXT), CAST(type AS TEXT), CAST(occurred_at AS TEXT),
	CAST(actor_id AS TEXT), CAST(actor_label AS TEXT), CAST(ip AS TEXT), CAST(record_type AS TEXT),
	CAST(record_id AS TEXT), CAST(data AS TEXT))`;

function canonicalPage(db: Db, tenantId: string, fromSeq: number) {
	return db
		.selectFrom("audit_events")
		.select(["seq", "prev_hash", "hash", SQLITE_CANONICAL.as("canonical")])
		.where("tenant_id", "=", tenantId)
		.where("seq", ">=", fromSeq)
		.orderBy("seq")
		.limit(PAGE)
		.execute();
}

function fullRows(db: Db, tenantId: string, fromSeq: number, limit: number) {
	return db
		.selectFrom("audit_events")
		.select([...CHAINED_COLUMNS, "hash"])
		.where("tenant_id", "=", tenantId)
		.where("seq", ">=", fromSeq)
		.orderBy("seq")
		.limit(limit)
		.execute();
}

/** Whether an event's stored hash matches its content, judged by `hashEvent`. */
async function intactByHashEvent(db: Db, tenantId: string, seq: number): Promise<boolean> {
	const [row] = await fullRows(db, tenantId, seq, 1);
	return row !== undefined && Number(row.seq) === seq && hashEvent(row) === row.hash;
}

/**
 * Walk a tenant's chain from the first event and name the first broken link: an event whose
 * stored hash does not match its content, whose `prev_hash` does not match its predecessor, a
 * gap in the sequence, or a head that does not match the last event (a cut-off tail).
 *
 * @example
 * const verdict = await verifyTenantChain(db, { id: tenant.id, slug: tenant.slug });
 * if (!verdict.intact) console.log(`broken at ${verdict.brokenAt}: ${verdict.reason}`);
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
	let shortcutMisses = db.introspection instanceof SqliteIntrospector ? 0 : Infinity;

	for (let more = true; more; ) {
		const rows =
			shortcutMisses < SHORTCUT_MISSES_ALLOWED
				? await canonicalPage(db, tenant.id, expectedSeq)
				: await fullRows(db, tenant.id, expectedSeq, PAGE);
		more = rows.length === PAGE;
		for (const row of rows) {
			const seq = Number(row.seq);
			if (seq !== expectedSeq) return broken(expectedSeq, `event ${expectedSeq} is missing`);
			if (row.prev_hash !== expectedPrev) {
				return broken(seq, `event ${seq} does not point at the hash of event ${seq - 1}`);
			}
			const canonical = "canonical" in row;
			const matches = canonical
				? sha256("sha256", row.canonical, "hex") === row.hash
				: hashEvent(row) === row.hash;
			if (!matches && !(canonical && (await intactByHashEvent(db, tenant.id, seq)))) {
				return broken(seq, `event ${seq} was altered after it was written`);
			}
			expectedPrev = row.hash;
			expectedSeq = seq + 1;
			count++;
			if (!matches && ++shortcutMisses === SHORTCUT_MISSES_ALLOWED) {
				more = true; // re-read the rest of this page without the shortcut
				break;
			}
		}
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
