// Baseline for `mamori audit verify`: the textbook loop over node:sqlite, every column of every
// row, hashed with hashEvent. Prints {"events":n,"ms":t}, timing the walk only.
import { DatabaseSync } from "node:sqlite";
import { type ChainedFields, hashEvent } from "../src/modules/audit-log/audit-log.chain.ts";

const [path, slug] = process.argv.slice(2);
if (!path || !slug) throw new Error("usage: naive-verify.ts <sqlite file> <tenant slug>");
const db = new DatabaseSync(path, { readOnly: true });
const tenant = db.prepare("SELECT id FROM tenants WHERE slug = ?").get(slug) as { id: string };
const started = performance.now();
let events = 0;
let prev = "0".repeat(64);
const rows = db.prepare("SELECT * FROM audit_events WHERE tenant_id = ? ORDER BY seq");
for (const row of rows.iterate(tenant.id) as Iterable<ChainedFields & { hash: string }>) {
	if (row.prev_hash !== prev || hashEvent(row) !== row.hash) {
		throw new Error(`baseline: chain broken at ${row.seq}`);
	}
	prev = row.hash;
	events++;
}
console.log(JSON.stringify({ events, ms: performance.now() - started }));
db.close();
