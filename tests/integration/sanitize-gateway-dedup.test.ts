import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openDatabase } from "../../src/db/connection.ts";
import { acceptMessage } from "../../src/modules/sanitize/gateway/accept-message.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeTenant } from "../helpers/factories.ts";
import { composeMail } from "../helpers/mail-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Each mail stored once: a sender that retries a message the gateway already stored (it never
 * saw the 250) is answered with the stored message, and nothing new is queued. On PostgreSQL the
 * concurrent deliveries use separate pools, as separate connections of the gateway do.
 */

const runtime = await createTestRuntime();
const pools =
	runtime.engine === "postgres"
		? [1, 2].map(() => openDatabase({ databaseUrl: runtime.databaseUrl, dataDir: runtime.dataDir }))
		: [];
let tenant: TenantRow;
const envelope = { from: "sender@outside.example", to: ["taro@city.example.jp"] };

before(async () => {
	tenant = await makeTenant(runtime);
});
after(async () => {
	for (const pool of pools) await pool.db.destroy();
	await runtime.cleanup();
});

async function rowsOf(messageId: string | null, body?: string) {
	const rows = await runtime.db
		.selectFrom("mail_messages")
		.selectAll()
		.where("tenant_id", "=", tenant.id)
		.$call((q) =>
			messageId === null
				? q.where("message_id", "is", null)
				: q.where("message_id", "=", messageId),
		)
		.orderBy("received_at")
		.execute();
	return body === undefined ? rows : rows.filter((r) => r.subject === body);
}

async function countWhere(table: "mail_quarantine" | "mail_recipients", ids: string[]) {
	const row = await runtime.db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("message_id", "in", ids)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

function messageIdOf(raw: Buffer): string {
	const id = /^Message-ID: (<[^>]+>)/im.exec(raw.toString("latin1"))?.[1];
	assert.ok(id, "the composed message has a Message-ID");
	return id;
}

test("a retry of a stored message, even with a Received header added, is the stored one", async () => {
	const raw = await composeMail({ to: "taro@city.example.jp", text: "一度だけ" });
	const first = await acceptMessage(runtime, tenant.id, envelope, raw);
	assert.equal(first.duplicate, false);
	const relayed = Buffer.concat([
		Buffer.from(
			"Received: from mx2.outside.example by gateway; Sun, 6 Dec 2026 01:00:00 +0000\r\n",
		),
		raw,
	]);
	const retry = await acceptMessage(runtime, tenant.id, envelope, relayed);
	assert.deepEqual(retry, { id: first.id, duplicate: true });
	const again = await acceptMessage(runtime, tenant.id, envelope, raw);
	assert.deepEqual(again, { id: first.id, duplicate: true });

	const rows = await rowsOf(messageIdOf(raw));
	assert.deepEqual(
		rows.map((r) => r.id),
		[first.id],
	);
	assert.equal(rows[0]?.duplicates, 2, "the retries are counted on the stored message");
	assert.match(rows[0]?.body_hash ?? "", /^[0-9a-f]{64}$/);
	assert.equal(await countWhere("mail_quarantine", [first.id]), 1);
	assert.equal(await countWhere("mail_recipients", [first.id]), 1);
});

test("the same Message-ID for other recipients (a split transaction) or with another body is stored", async () => {
	const raw = await composeMail({ to: "taro@city.example.jp", text: "分割" });
	const id = messageIdOf(raw);
	const first = await acceptMessage(runtime, tenant.id, envelope, raw);
	const split = await acceptMessage(
		runtime,
		tenant.id,
		{ ...envelope, to: ["hanako@city.example.jp"] },
		raw,
	);
	assert.equal(split.duplicate, false);
	const edited = Buffer.from(
		raw.toString("latin1").replace(/\r\n\r\n/, "\r\n\r\nP.S.\r\n"),
		"latin1",
	);
	const other = await acceptMessage(runtime, tenant.id, envelope, edited);
	assert.equal(other.duplicate, false);
	assert.equal(new Set([first.id, split.id, other.id]).size, 3);
	assert.equal((await rowsOf(id)).length, 3);
});

test("after 24 hours the same message is stored again, and takes the key over", async () => {
	const raw = await composeMail({ to: "taro@city.example.jp", text: "翌日" });
	const t0 = new Date();
	const first = await acceptMessage(runtime, tenant.id, envelope, raw, t0);
	const within = await acceptMessage(
		runtime,
		tenant.id,
		envelope,
		raw,
		new Date(t0.getTime() + 23 * 3600_000),
	);
	assert.deepEqual(within, { id: first.id, duplicate: true });
	const later = new Date(t0.getTime() + 25 * 3600_000);
	const next = await acceptMessage(runtime, tenant.id, envelope, raw, later);
	assert.equal(next.duplicate, false);
	const rows = await rowsOf(messageIdOf(raw));
	assert.deepEqual(
		rows.map((r) => [r.id, r.dedup_key === null]),
		[
			[first.id, true],
			[next.id, false],
		],
	);
	const retry = await acceptMessage(runtime, tenant.id, envelope, raw, later);
	assert.deepEqual(retry, { id: next.id, duplicate: true });
});

test("without a Message-ID: a retry has the same Date, envelope and body; without a Date nothing is matched", async () => {
	const dated = (subject: string, date: string) =>
		Buffer.from(
			`From: a@outside.example\r\nSubject: ${subject}\r\nDate: ${date}\r\n\r\nディスク残量わずか\r\n`,
		);
	const first = await acceptMessage(
		runtime,
		tenant.id,
		envelope,
		dated("n1", "Sun, 6 Dec 2026 01:00:00 +0000"),
	);
	const retry = await acceptMessage(
		runtime,
		tenant.id,
		envelope,
		dated("n1", "Sun, 6 Dec 2026 01:00:00 +0000"),
	);
	assert.deepEqual(retry, { id: first.id, duplicate: true });
	const nextAlert = await acceptMessage(
		runtime,
		tenant.id,
		envelope,
		dated("n2", "Sun, 6 Dec 2026 01:05:00 +0000"),
	);
	assert.equal(nextAlert.duplicate, false, "the same text sent again later is another message");

	const garbled = dated("n4", "someday, maybe");
	const g1 = await acceptMessage(runtime, tenant.id, envelope, garbled);
	const g2 = await acceptMessage(runtime, tenant.id, envelope, garbled);
	assert.deepEqual(g2, { id: g1.id, duplicate: true }, "an unreadable Date is compared as written");

	const undated = Buffer.from("From: a@outside.example\r\nSubject: n3\r\n\r\nno date, no id\r\n");
	const a = await acceptMessage(runtime, tenant.id, envelope, undated);
	const b = await acceptMessage(runtime, tenant.id, envelope, undated);
	assert.equal(b.duplicate, false);
	assert.notEqual(a.id, b.id);
	assert.equal((await rowsOf(null, "n3")).length, 2);
	assert.equal((await rowsOf(null, "n3"))[0]?.dedup_key, null);
});

test("concurrent deliveries of one message store it once; every one is answered with it", async () => {
	const raw = await composeMail({ to: "taro@city.example.jp", text: "同時" });
	const handles = [runtime, ...pools.map((p) => ({ db: p.db, config: runtime.config }))];
	const results = await Promise.all(
		Array.from({ length: 8 }, (_, i) => {
			const deps = handles[i % handles.length] ?? runtime;
			return acceptMessage(deps, tenant.id, envelope, raw);
		}),
	);
	const stored = results.filter((r) => !r.duplicate);
	assert.equal(stored.length, 1, "one delivery stored it");
	assert.deepEqual(new Set(results.map((r) => r.id)), new Set([stored[0]?.id]));
	const rows = await rowsOf(messageIdOf(raw));
	assert.equal(rows.length, 1);
	assert.equal(rows[0]?.duplicates, 7);
	assert.equal(await countWhere("mail_quarantine", [rows[0]?.id ?? ""]), 1);
});
