import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { Webhook } from "standardwebhooks";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createApp } from "../../src/http/app.ts";
import { signalOverdueTakeOuts } from "../../src/modules/assets/take-outs/signal-overdue-take-outs.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { emitWebhookEvent } from "../../src/modules/webhooks/emit-webhook-event.ts";
import { webhooksJobs } from "../../src/modules/webhooks/webhooks.jobs.ts";
import type {
	DeliveryView,
	SubscriptionView,
} from "../../src/modules/webhooks/webhooks.schemas.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { parseAllowedHosts } from "../../src/shared/allowed-hosts.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeIncident } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Webhooks end to end: a tenant administrator subscribes a receiver (a real HTTP server on
 * loopback), a case is reported, the scheduler's job sends the event signed as Standard Webhooks
 * describes, and the receiver verifies it with the `standardwebhooks` library. A receiver that
 * fails is retried with backoff and then shown as failed; hosts outside the instance's allow-list
 * are refused, by name at subscription and by resolved address when sending.
 */

interface Received {
	headers: IncomingHttpHeaders;
	body: string;
}

class Receiver {
	readonly received: Received[] = [];
	status = 204;
	readonly server: Server;
	constructor() {
		this.server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on("data", (chunk: Buffer) => chunks.push(chunk));
			request.on("end", () => {
				this.received.push({
					headers: request.headers,
					body: Buffer.concat(chunks).toString("utf8"),
				});
				response.writeHead(this.status).end(this.status >= 400 ? "receiver broken" : "");
			});
		});
	}
	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
	}
	url(host = "127.0.0.1"): string {
		return `http://${host}:${(this.server.address() as AddressInfo).port}/hook`;
	}
}

let runtime: TestRuntime;
let deps: AppDeps;
let app: ReturnType<typeof createApp>;
const receiver = new Receiver();
before(async () => {
	runtime = await createTestRuntime();
	deps = runtime;
	app = createApp(deps);
	await receiver.start();
});
after(async () => {
	receiver.server.close();
	await runtime.cleanup();
});

/** Scheduler passes, each `hours` later than the one before, as the backoff asks. */
async function runPasses(count: number, hours = 2, on: AppDeps = deps): Promise<void> {
	const start = Date.now();
	for (let pass = 0; pass < count; pass++) {
		const at = new Date(start + pass * hours * 3600 * 1000);
		await runDueJobs(on, { declarations: webhooksJobs, now: () => at, log: () => {} });
	}
}

async function admin(on = app): Promise<{ tenant: TenantRow; client: TestClient }> {
	const tenant = await makeTenant(runtime);
	const account = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	return { tenant, client: await activeClient(runtime, on, account) };
}

async function subscribeVia(client: TestClient, url: string, eventTypes: string[]) {
	return expectJson<SubscriptionView>(
		await client.post("/api/webhooks/subscriptions", { url, description: "SIEM", eventTypes }),
		201,
	);
}

async function deliveries(client: TestClient, subscriptionId: string) {
	const page = await expectJson<{ items: DeliveryView[]; total: number }>(
		await client.get(`/api/webhooks/deliveries?subscriptionId=${subscriptionId}`),
	);
	return page.items;
}

describe("a receiver subscribed to incidents", () => {
	test("gets the reported case, signed, and verifies it with the library", async () => {
		receiver.received.length = 0;
		receiver.status = 204;
		const { tenant, client } = await admin();
		const sub = await subscribeVia(client, receiver.url(), ["incident.opened"]);
		assert.match(sub.secret ?? "", /^whsec_[A-Za-z0-9+/]{43}=$/);
		// Shown once: the list never has it, and the database holds it sealed.
		const listed = await expectJson<{ items: SubscriptionView[] }>(
			await client.get("/api/webhooks/subscriptions"),
		);
		assert.equal(listed.items[0]?.secret, undefined);
		const stored = await runtime.db
			.selectFrom("webhook_subscriptions")
			.select("secret_sealed")
			.where("id", "=", sub.id)
			.executeTakeFirstOrThrow();
		assert.ok(!stored.secret_sealed.includes((sub.secret ?? "").slice(6)));
		const subscribed = (await auditEvents(runtime.db, tenant.id)).find(
			(event) => event.type === "webhook.subscribed",
		);
		assert.deepEqual(subscribed?.payload, {
			url: receiver.url(),
			description: "SIEM",
			eventTypes: ["incident.opened"],
			enabled: true,
		});

		const incident = await makeIncident(runtime, tenant.id);
		const [pending] = await deliveries(client, sub.id);
		assert.equal(pending?.status, "pending");
		assert.equal(pending?.eventType, "incident.opened");

		await runPasses(1);
		assert.equal(receiver.received.length, 1);
		const got = receiver.received[0] as Received;
		const verified = new Webhook(sub.secret ?? "").verify(got.body, {
			"webhook-id": String(got.headers["webhook-id"]),
			"webhook-timestamp": String(got.headers["webhook-timestamp"]),
			"webhook-signature": String(got.headers["webhook-signature"]),
		});
		assert.deepEqual(verified, {
			type: "incident.opened",
			timestamp: (verified as { timestamp: string }).timestamp,
			version: 1,
			data: { incidentId: incident.id, reference: incident.reference, source: "system" },
		});
		assert.equal(got.headers["webhook-id"], pending?.eventId);
		assert.match(got.headers["content-type"] ?? "", /^application\/json/);
		// A wrong secret does not verify.
		assert.throws(() =>
			new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(got.body, {
				"webhook-id": String(got.headers["webhook-id"]),
				"webhook-timestamp": String(got.headers["webhook-timestamp"]),
				"webhook-signature": String(got.headers["webhook-signature"]),
			}),
		);
		const [done] = await deliveries(client, sub.id);
		assert.equal(done?.status, "delivered");
		assert.equal(done?.attempts, 1);
		assert.equal(done?.lastStatus, 204);
		assert.equal(done?.nextAttemptAt, null);
	});

	test("a failing receiver gets retries with backoff, then shows a failed delivery", async () => {
		receiver.received.length = 0;
		receiver.status = 500;
		const { client } = await admin();
		const sub = await subscribeVia(client, receiver.url(), ["incident.opened"]);
		const queued = await expectJson<{ deliveryId: string }>(
			await client.post(`/api/webhooks/subscriptions/${sub.id}/test`),
			202,
		);
		await runPasses(1);
		const [first] = await deliveries(client, sub.id);
		assert.equal(first?.id, queued.deliveryId);
		assert.equal(first?.status, "pending");
		assert.equal(first?.attempts, 1);
		assert.equal(first?.lastStatus, 500);
		assert.equal(first?.lastError, "HTTP 500");
		assert.ok(first?.nextAttemptAt && Date.parse(first.nextAttemptAt) > Date.now());

		await runPasses(6);
		assert.equal(receiver.received.length, 6, "six attempts in all, then no more");
		// The same webhook-id on every attempt, each signed afresh.
		assert.equal(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size, 1);
		const [failed] = await deliveries(client, sub.id);
		assert.equal(failed?.status, "failed");
		assert.equal(failed?.attempts, 6);
		assert.equal(failed?.maxAttempts, 6);
		assert.equal(failed?.lastError, "HTTP 500");
		assert.equal(failed?.nextAttemptAt, null);
		const failedOnly = await expectJson<{ total: number }>(
			await client.get(`/api/webhooks/deliveries?subscriptionId=${sub.id}&status=failed`),
		);
		assert.equal(failedOnly.total, 1);
	});
});

describe("the instance's allow-list", () => {
	test("a host not on it is refused at subscription, naming the host", async () => {
		const { tenant, client } = await admin();
		const refused = await expectProblem(
			await client.post("/api/webhooks/subscriptions", {
				url: "https://siem.example.org/hook",
				eventTypes: ["mail.held"],
			}),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			refused.issues?.map((issue) => [issue.path, issue.code, issue.params]),
			[["url", "webhook_host_not_allowed", { host: "siem.example.org" }]],
		);
		const wrongPort = await expectProblem(
			await client.post("/api/webhooks/subscriptions", {
				url: "ftp://127.0.0.1/hook",
				eventTypes: ["mail.held"],
			}),
			400,
			"validation_failed",
		);
		assert.equal(wrongPort.issues?.[0]?.code, "webhook_url_not_http");
		const rows = await runtime.db
			.selectFrom("webhook_subscriptions")
			.select("id")
			.where("tenant_id", "=", tenant.id)
			.execute();
		assert.equal(rows.length, 0);
	});

	test("a name on it that resolves to loopback is refused when sending (DNS rebinding)", async () => {
		receiver.received.length = 0;
		receiver.status = 204;
		// `localhost` listed by name only: it resolves to loopback, which only an address entry allows.
		const byName = {
			...runtime,
			config: { ...runtime.config, webhookAllowedHosts: parseAllowedHosts("localhost") },
		};
		const { client } = await admin(createApp(byName));
		const sub = await subscribeVia(client, receiver.url("localhost"), ["incident.opened"]);
		await client.post(`/api/webhooks/subscriptions/${sub.id}/test`);
		await runPasses(1, 2, byName);
		const [refused] = await deliveries(client, sub.id);
		assert.equal(refused?.status, "failed");
		assert.equal(refused?.attempts, 1, "not retried: the instance does not allow it");
		assert.match(
			refused?.lastError ?? "",
			/^localhost resolves to (127\.0\.0\.1|::1), which is not allowed$/,
		);
		assert.equal(receiver.received.length, 0);
	});
});

describe("what is emitted", () => {
	test("only to enabled subscriptions of the type, and a repeated occurrence once", async () => {
		const { tenant, client } = await admin();
		const mail = await subscribeVia(client, receiver.url(), ["mail.held"]);
		const takeOuts = await subscribeVia(client, receiver.url(), ["take_out.overdue"]);
		const data = { takeOutId: "t-1", assetId: "a-1", untilDate: "2026-04-01" };
		const key = "take_out.overdue:t-1:2026-04-01";
		const emit = () =>
			inTransaction(runtime.db, (tx) =>
				emitWebhookEvent(tx, tenant.id, "take_out.overdue", data, { dedupeKey: key }),
			);
		assert.equal(await emit(), 1);
		assert.equal(await emit(), 0, "the same occurrence again");
		assert.equal((await deliveries(client, mail.id)).length, 0);
		assert.equal((await deliveries(client, takeOuts.id)).length, 1);
		// Paused, then removed: nothing more is queued.
		await expectJson(
			await client.request("PUT", `/api/webhooks/subscriptions/${takeOuts.id}`, {
				version: 1,
				url: takeOuts.url,
				description: "",
				eventTypes: ["take_out.overdue"],
				enabled: false,
			}),
		);
		const later = { ...data, takeOutId: "t-2" };
		const emitted = await inTransaction(runtime.db, (tx) =>
			emitWebhookEvent(tx, tenant.id, "take_out.overdue", later),
		);
		assert.equal(emitted, 0);
		const removed = await client.post(`/api/webhooks/subscriptions/${takeOuts.id}/unsubscribe`, {
			version: 2,
		});
		assert.equal(removed.status, 204);
		const list = await expectJson<{ items: SubscriptionView[] }>(
			await client.get("/api/webhooks/subscriptions"),
		);
		assert.deepEqual(
			list.items.map((item) => item.id),
			[mail.id],
		);
		const types = (await auditEvents(runtime.db, tenant.id)).map((event) => event.type);
		assert.deepEqual(
			types.filter((type) => type.startsWith("webhook.")),
			["webhook.subscribed", "webhook.subscribed", "webhook.changed", "webhook.unsubscribed"],
		);
	});

	test("the daily sweep has nothing to tell of a tenant without take-outs", async () => {
		const { tenant } = await admin();
		assert.equal(await signalOverdueTakeOuts(runtime, tenant.id), 0);
	});
});
