import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openDatabase } from "../../src/db/connection.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { acceptMessage } from "../../src/modules/sanitize/gateway/accept-message.ts";
import {
	claimDueMessage,
	updateLeasedMessage,
} from "../../src/modules/sanitize/gateway/mail-queue.repository.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeTenant } from "../helpers/factories.ts";
import { composeMail } from "../helpers/mail-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Claiming queue jobs, on the engine the suite runs on: concurrent claimers never take the same
 * job, and a crashed worker's job is taken over once its lease ends. On PostgreSQL the claimers
 * use separate pools, as separate gateway processes do (`FOR UPDATE SKIP LOCKED`). On SQLite one
 * process does it all: its claimers share the single connection, serialised by `BEGIN IMMEDIATE`
 * and the driver's mutex (a second connection in the same thread would block it on the lock).
 */

const runtime = await createTestRuntime();
const second =
	runtime.engine === "postgres"
		? openDatabase({ databaseUrl: runtime.databaseUrl, dataDir: runtime.dataDir })
		: { db: runtime.db };
let tenant: TenantRow;

before(async () => {
	tenant = await makeTenant(runtime);
});
after(async () => {
	if (second.db !== runtime.db) await second.db.destroy();
	await runtime.cleanup();
});

async function queue(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		// A new message each time (its own Message-ID): a repeat would be taken for a retry.
		const raw = await composeMail({ to: "taro@city.example.jp", text: `x ${i}` });
		const accepted = await acceptMessage(
			runtime,
			tenant.id,
			{ from: "a@x.example", to: ["taro@city.example.jp"] },
			raw,
		);
		ids.push(accepted.id);
	}
	return ids;
}

async function drain(db: typeof runtime.db, owner: string, now: string, leaseUntil: string) {
	const claimed: string[] = [];
	for (;;) {
		const job = await inTransaction(db, (tx) =>
			claimDueMessage(tx, runtime.engine, owner, now, leaseUntil),
		);
		if (!job) return claimed;
		claimed.push(job.id);
	}
}

test("two concurrent claimers never get the same job", async () => {
	const ids = await queue(30);
	const now = new Date().toISOString();
	const leaseUntil = new Date(Date.now() + 600_000).toISOString();
	const [a, b, c] = await Promise.all([
		drain(runtime.db, "worker-a", now, leaseUntil),
		drain(second.db, "worker-b", now, leaseUntil),
		drain(second.db, "worker-c", now, leaseUntil),
	]);
	const all = [...a, ...b, ...c];
	assert.equal(new Set(all).size, all.length, "no job was claimed twice");
	assert.deepEqual([...all].sort(), [...ids].sort(), "every job was claimed once");
	const owners = await runtime.db
		.selectFrom("mail_messages")
		.select(["id", "lease_owner", "status"])
		.where("id", "in", ids)
		.execute();
	for (const row of owners) {
		assert.equal(row.status, "delivering");
		const expected = a.includes(row.id) ? "worker-a" : b.includes(row.id) ? "worker-b" : "worker-c";
		assert.equal(row.lease_owner, expected);
	}
});

test("a crashed worker's job is retried once its lease has expired, and the old owner is locked out", async () => {
	await runtime.db.updateTable("mail_messages").set({ status: "delivered" }).execute();
	const [id] = await queue(1);
	const t0 = Date.now();
	const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
	const first = await inTransaction(runtime.db, (tx) =>
		claimDueMessage(tx, runtime.engine, "crashed", at(0), at(300)),
	);
	assert.equal(first?.id, id);
	const early = await inTransaction(second.db, (tx) =>
		claimDueMessage(tx, runtime.engine, "rescuer", at(299), at(599)),
	);
	assert.equal(early, undefined, "the lease still holds");
	const taken = await inTransaction(second.db, (tx) =>
		claimDueMessage(tx, runtime.engine, "rescuer", at(301), at(601)),
	);
	assert.equal(taken?.id, id);
	assert.equal(taken?.lease_owner, "rescuer");
	assert.equal(
		await updateLeasedMessage(runtime.db, id ?? "", "crashed", { status: "delivered" }),
		false,
		"the crashed worker can no longer change the job",
	);
	assert.equal(
		await updateLeasedMessage(second.db, id ?? "", "rescuer", { status: "delivered" }),
		true,
	);
});
