import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { Webhook } from "standardwebhooks";
import { createApp } from "../../src/http/app.ts";
import { signalOverdueTakeOuts } from "../../src/modules/assets/take-outs/signal-overdue-take-outs.ts";
import { notifyOverdueFindings } from "../../src/modules/assurance/findings/notify-overdue.ts";
import { expireExceptions } from "../../src/modules/exceptions/expire-exceptions.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import type { WebhookEventType } from "../../src/modules/webhooks/webhook-events.ts";
import { webhooksJobs } from "../../src/modules/webhooks/webhooks.jobs.ts";
import type { SubscriptionView } from "../../src/modules/webhooks/webhooks.schemas.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { makeTakeOut } from "../helpers/custody-world.ts";
import { dayFromToday, makeException } from "../helpers/exception-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { makeFinding } from "../helpers/finding-world.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Each event type is emitted end to end by the use case or daily job of its module, in the
 * transaction of its change: a receiver subscribed to it (a loopback server) gets it from the
 * scheduler and verifies it with the `standardwebhooks` library. Incident openings are in
 * webhooks.test.ts; escalation in incident-chain.test.ts; mail held in sanitize-gateway.test.ts.
 */

interface Received {
	headers: IncomingHttpHeaders;
	body: string;
}

const received: Received[] = [];
const receiver = createServer((request, response) => {
	const chunks: Buffer[] = [];
	request.on("data", (chunk: Buffer) => chunks.push(chunk));
	request.on("end", () => {
		received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
		response.writeHead(204).end();
	});
});

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
	await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});
after(async () => {
	receiver.close();
	await runtime.cleanup();
});

/** A tenant whose administrator subscribed the receiver to `types`; the signing secret. */
async function subscribed(
	types: WebhookEventType[],
): Promise<{ tenant: TenantRow; secret: string }> {
	const tenant = await makeTenant(runtime);
	const account = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, createApp(runtime), account);
	const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	const sub = await expectJson<SubscriptionView>(
		await client.post("/api/webhooks/subscriptions", { url, eventTypes: types }),
		201,
	);
	return { tenant, secret: sub.secret ?? "" };
}

/** Run the scheduler's deliveries; the events the receiver got, verified with the library. */
async function deliveredEvents(secret: string) {
	received.length = 0;
	await runDueJobs(runtime, { declarations: webhooksJobs, log: () => {} });
	return received.map((got) => {
		const payload = new Webhook(secret).verify(got.body, {
			"webhook-id": String(got.headers["webhook-id"]),
			"webhook-timestamp": String(got.headers["webhook-timestamp"]),
			"webhook-signature": String(got.headers["webhook-signature"]),
		}) as { type: string; version: number; data: Record<string, unknown> };
		assert.equal(payload.version, 1);
		return { type: payload.type, data: payload.data };
	});
}

test("finding.overdue: the daily sweep of overdue findings emits it once", async () => {
	const { tenant, secret } = await subscribed(["finding.overdue"]);
	await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const unit = await makeOrgUnit(runtime, tenant);
	// Its action is planned for 2099-03-31: the sweep runs the day after.
	const finding = await makeFinding(runtime, tenant.id, unit.id, "action_planned");
	const later = new Date("2099-04-01T01:00:00Z");
	const told = await notifyOverdueFindings(runtime, tenant.id, later);
	assert.equal(told.length, 1);
	assert.deepEqual(await deliveredEvents(secret), [
		{
			type: "finding.overdue",
			data: { findingId: finding.id, reference: finding.reference, dueOn: "2099-03-31" },
		},
	]);
	await notifyOverdueFindings(runtime, tenant.id, later);
	assert.deepEqual(await deliveredEvents(secret), [], "the same day's sweep again: nothing new");
});

test("finding.overdue: emitted when nobody in the app is told, once in each 7 days overdue", async () => {
	const { tenant, secret } = await subscribed(["finding.overdue"]);
	// No CISO and no manager of the unit: nobody to notify in the app.
	const unit = await makeOrgUnit(runtime, tenant);
	const finding = await makeFinding(runtime, tenant.id, unit.id, "action_planned");
	const event = {
		type: "finding.overdue",
		data: { findingId: finding.id, reference: finding.reference, dueOn: "2099-03-31" },
	};
	const told = await notifyOverdueFindings(runtime, tenant.id, new Date("2099-04-01T01:00:00Z"));
	assert.deepEqual(told, [], "nobody is notified in the app");
	assert.deepEqual(await deliveredEvents(secret), [event]);
	await notifyOverdueFindings(runtime, tenant.id, new Date("2099-04-07T01:00:00Z"));
	assert.deepEqual(await deliveredEvents(secret), [], "its 7th day overdue: already told");
	await notifyOverdueFindings(runtime, tenant.id, new Date("2099-04-08T01:00:00Z"));
	assert.deepEqual(await deliveredEvents(secret), [event], "its 8th day overdue: told again");
});

test("exception.lapsing then exception.lapsed: the daily expiry job emits each", async () => {
	const { tenant, secret } = await subscribed(["exception.lapsing", "exception.lapsed"]);
	await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const unit = await makeOrgUnit(runtime, tenant);
	const endsOn = dayFromToday(5);
	const exception = await makeException(runtime, tenant.id, unit.id, "approved", {
		networkFlows: [],
		endsOn,
	});
	const data = { exceptionId: exception.id, reference: exception.reference, endsOn };
	const lapsing = await expireExceptions(runtime, tenant.id, new Date());
	assert.equal(lapsing.reminded.length, 1);
	assert.deepEqual(await deliveredEvents(secret), [{ type: "exception.lapsing", data }]);
	const lapsed = await expireExceptions(runtime, tenant.id, new Date(Date.now() + 7 * 86_400_000));
	assert.deepEqual(lapsed.lapsed, [exception.reference]);
	assert.deepEqual(await deliveredEvents(secret), [{ type: "exception.lapsed", data }]);
});

test("take_out.overdue: the daily sweep of take-outs past their return date emits it once", async () => {
	const { tenant, secret } = await subscribed(["take_out.overdue"]);
	const unit = await makeOrgUnit(runtime, tenant);
	// Asked for 2026-04-01 to 04-02 and approved, never returned.
	const { asset, takeOut } = await makeTakeOut(runtime, tenant.id, unit.id, { approve: true });
	const next = new Date("2026-04-03T01:00:00Z");
	assert.equal(await signalOverdueTakeOuts(runtime, tenant.id, next), 1);
	assert.deepEqual(await deliveredEvents(secret), [
		{
			type: "take_out.overdue",
			data: { takeOutId: takeOut.id, assetId: asset.id, untilDate: "2026-04-02" },
		},
	]);
	await signalOverdueTakeOuts(runtime, tenant.id, new Date("2026-04-04T01:00:00Z"));
	assert.deepEqual(await deliveredEvents(secret), [], "told once per take-out");
});
