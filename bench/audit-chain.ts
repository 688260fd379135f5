import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { loadConfig } from "../src/config.ts";
import { inTransaction } from "../src/db/transaction.ts";
import { hashEvent } from "../src/modules/audit-log/audit-log.chain.ts";
import { createTenant } from "../src/modules/tenants/create-tenant.ts";
import { openRuntime } from "../src/runtime.ts";

/** A few shapes of event, as `recordAudit` would store them, so rows have realistic sizes. */
const SAMPLES = [
	{
		type: "auth.login_succeeded",
		data: JSON.stringify({ method: "password_totp" }),
		record_type: "account",
	},
	{
		type: "auth.login_failed",
		data: JSON.stringify({ username: "yamada.taro", reason: "bad_credentials" }),
		record_type: null,
	},
	{ type: "auth.logout", data: JSON.stringify({}), record_type: "account" },
	{
		type: "org_unit.created",
		data: JSON.stringify({ code: "ou-1234", name: "情報政策課", kind: "section", parentId: null }),
		record_type: "org_unit",
	},
] as const;

/** A tenant made through the use case, so its chain head and first event are genuine. */
export async function createBenchTenant(dataDir: string, slug: string): Promise<void> {
	const runtime = await openRuntime({ ...loadConfig({}), dataDir });
	try {
		await inTransaction(runtime.db, (tx) =>
			createTenant(
				tx,
				{ label: "bench", ip: null },
				{ slug, name: `${slug} 市`, pack: "standard" },
			),
		);
	} finally {
		await runtime.close();
	}
}

/**
 * Create a tenant, then append events up to `total` with node:sqlite directly, in one transaction,
 * hashing each exactly as `recordAudit` does; finally move the chain head to the last one.
 */
export async function generateChain(dataDir: string, slug: string, total: number): Promise<void> {
	await createBenchTenant(dataDir, slug);
	const db = new DatabaseSync(join(dataDir, "mamori.sqlite"));
	try {
		db.exec("PRAGMA journal_mode = WAL");
		db.exec("PRAGMA synchronous = OFF");
		const tenant = db.prepare("SELECT id FROM tenants WHERE slug = ?").get(slug) as { id: string };
		const head = db
			.prepare("SELECT seq, hash FROM audit_heads WHERE tenant_id = ?")
			.get(tenant.id) as { seq: number; hash: string };
		const insert = db.prepare(
			`INSERT INTO audit_events (tenant_id, seq, id, type, occurred_at, actor_id, actor_label, ip,
			 record_type, record_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		);
		const actors = Array.from({ length: 50 }, (_, i) => ({
			id: randomUUID(),
			label: `職員 ${i + 1}`,
			ip: `10.0.${i >> 4}.${(i % 16) + 10}`,
		}));
		const start = Date.parse("2025-04-01T00:00:00.000Z");
		let prev = head.hash;
		db.exec("BEGIN");
		for (let seq = Number(head.seq) + 1; seq <= total; seq++) {
			const sample = SAMPLES[seq % SAMPLES.length] as (typeof SAMPLES)[number];
			const actor = actors[seq % actors.length] as (typeof actors)[number];
			const event = {
				tenant_id: tenant.id,
				seq,
				id: randomUUID(),
				type: sample.type,
				occurred_at: new Date(start + seq * 1000).toISOString(),
				actor_id: sample.record_type === null ? null : actor.id,
				actor_label: actor.label,
				ip: actor.ip,
				record_type: sample.record_type,
				record_id: sample.record_type === null ? null : actor.id,
				data: sample.data,
				prev_hash: prev,
			};
			const hash = hashEvent(event);
			insert.run(
				event.tenant_id,
				event.seq,
				event.id,
				event.type,
				event.occurred_at,
				event.actor_id,
				event.actor_label,
				event.ip,
				event.record_type,
				event.record_id,
				event.data,
				event.prev_hash,
				hash,
			);
			prev = hash;
		}
		db.prepare("UPDATE audit_heads SET seq = ?, hash = ? WHERE tenant_id = ?").run(
			total,
			prev,
			tenant.id,
		);
		db.exec("COMMIT");
		db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
	} finally {
		db.close();
	}
}
