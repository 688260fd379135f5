import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { emitWebhookEvent } from "../../src/modules/webhooks/emit-webhook-event.ts";
import { webhooksJobs } from "../../src/modules/webhooks/webhooks.jobs.ts";
import type {
	DeliveryView,
	SubscriptionView,
} from "../../src/modules/webhooks/webhooks.schemas.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Old deliveries go: the scheduler's daily job deletes delivered and failed deliveries queued
 * more than MAMORI_WEBHOOK_DELIVERY_RETENTION_DAYS ago (90 by default), keeps pending ones and
 * recent ones, keeps an event whose dedupe key a sweep still needs, and audits the count.
 */

let runtime: TestRuntime;
const receiver = createServer((_request, response) => response.writeHead(204).end());
before(async () => {
	runtime = await createTestRuntime();
	await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});
after(async () => {
	receiver.close();
	await runtime.cleanup();
});

const DAY_MS = 86_400_000;

test("settled deliveries past the retention are deleted by the daily job, the rest kept", async () => {
	assert.equal(runtime.config.webhookDeliveryRetentionDays, 90);
	const tenant = await makeTenant(runtime);
	const account = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, createApp(runtime), account);
	const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	const sub = await expectJson<SubscriptionView>(
		await client.post("/api/webhooks/subscriptions", { url, eventTypes: ["take_out.overdue"] }),
		201,
	);
	const emit = (takeOutId: string, dedupeKey?: string) =>
		inTransaction(runtime.db, (tx) =>
			emitWebhookEvent(
				tx,
				tenant.id,
				"take_out.overdue",
				{ takeOutId, assetId: "a-1", untilDate: "2026-01-01" },
				dedupeKey ? { dedupeKey } : {},
			),
		);
	for (const id of ["old-delivered", "old-failed", "old-pending", "recent"]) await emit(id);
	await emit("old-deduped", "take_out.overdue:old-deduped:2026-01-01");
	// The scheduler sends all five now.
	await runDueJobs(runtime, { declarations: webhooksJobs, log: () => {} });
	const rows = await runtime.db
		.selectFrom("webhook_deliveries")
		.innerJoin("webhook_events", "webhook_events.id", "webhook_deliveries.event_id")
		.select(["webhook_deliveries.id", "webhook_deliveries.status", "webhook_events.body"])
		.where("webhook_deliveries.tenant_id", "=", tenant.id)
		.execute();
	assert.deepEqual(
		rows.map((row) => row.status),
		["delivered", "delivered", "delivered", "delivered", "delivered"],
	);
	const idOf = (takeOutId: string) => {
		const row = rows.find((r) => r.body.includes(`"takeOutId":"${takeOutId}"`));
		assert.ok(row, takeOutId);
		return row.id;
	};
	// Their ages and outcomes as months of use would leave them.
	const age = async (takeOutId: string, days: number, status: string) => {
		const at = new Date(Date.now() - days * DAY_MS).toISOString();
		const id = idOf(takeOutId);
		await runtime.db
			.updateTable("webhook_deliveries")
			.set({ created_at: at, status })
			.where("id", "=", id)
			.execute();
		const { event_id } = await runtime.db
			.selectFrom("webhook_deliveries")
			.select("event_id")
			.where("id", "=", id)
			.executeTakeFirstOrThrow();
		await runtime.db
			.updateTable("webhook_events")
			.set({ created_at: at })
			.where("id", "=", event_id)
			.execute();
	};
	await age("old-delivered", 91, "delivered");
	await age("old-failed", 120, "failed");
	await age("old-pending", 120, "pending");
	await age("old-deduped", 95, "delivered");
	await age("recent", 80, "delivered");

	// The next night's pass of the scheduler runs the clean-up.
	const tomorrow = new Date(Date.now() + DAY_MS);
	await runDueJobs(runtime, { declarations: webhooksJobs, now: () => tomorrow, log: () => {} });
	const page = await expectJson<{ items: DeliveryView[]; total: number }>(
		await client.get(`/api/webhooks/deliveries?subscriptionId=${sub.id}`),
	);
	const left = await runtime.db
		.selectFrom("webhook_deliveries")
		.select("id")
		.where("tenant_id", "=", tenant.id)
		.execute();
	assert.deepEqual(
		new Set(left.map((row) => row.id)),
		new Set([idOf("old-pending"), idOf("recent")]),
	);
	assert.equal(page.total, 2);
	const events = await runtime.db
		.selectFrom("webhook_events")
		.select("body")
		.where("tenant_id", "=", tenant.id)
		.execute();
	assert.deepEqual(
		events
			.map((e) => (JSON.parse(e.body) as { data: { takeOutId: string } }).data.takeOutId)
			.sort(),
		["old-deduped", "old-pending", "recent"],
		"the events of deleted deliveries go, unless a sweep needs their dedupe key",
	);
	const purged = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "webhook.deliveries_purged",
	);
	assert.deepEqual(
		purged.map((e) => e.payload),
		[{ count: 3, retentionDays: 90 }],
	);

	// A night with nothing to delete records nothing.
	const later = new Date(Date.now() + 2 * DAY_MS);
	await runDueJobs(runtime, { declarations: webhooksJobs, now: () => later, log: () => {} });
	const again = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "webhook.deliveries_purged",
	);
	assert.equal(again.length, 1);
});
