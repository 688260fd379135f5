import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import { createTransport } from "nodemailer";
import { Webhook } from "standardwebhooks";
import { createApp } from "../../src/http/app.ts";
import { deliverDue } from "../../src/modules/sanitize/gateway/deliver-queue.ts";
import {
	findMailMessage,
	findQuarantined,
} from "../../src/modules/sanitize/gateway/mail-queue.repository.ts";
import { purgeQuarantine } from "../../src/modules/sanitize/gateway/purge-quarantine.ts";
import { quarantineBox } from "../../src/modules/sanitize/gateway/sealed-bytes.ts";
import {
	type GatewayOptions,
	type RunningGateway,
	startGateway,
} from "../../src/modules/sanitize/gateway/smtp-gateway.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { webhooksJobs } from "../../src/modules/webhooks/webhooks.jobs.ts";
import type { SubscriptionView } from "../../src/modules/webhooks/webhooks.schemas.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import {
	composeMail,
	freePort,
	holdingSanitizer,
	type Sink,
	startSink,
} from "../helpers/mail-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * The gateway over real SMTP with the real engine: nodemailer sends to the gateway on loopback, a
 * real SMTP server plays the LGWAN-side server. Acceptance (250) means the sealed original and the
 * queue row are stored.
 */

const runtime = await createTestRuntime();
let tenant: TenantRow;
const open: { close(): Promise<void> }[] = [];
const SECRET = "plaintext-marker-7d1c";

before(async () => {
	tenant = await makeTenant(runtime);
});
after(async () => {
	for (const thing of open.reverse()) await thing.close();
	await runtime.cleanup();
});

async function gateway(
	relayPort: number,
	extra: Partial<GatewayOptions> = {},
): Promise<RunningGateway> {
	const gw = await startGateway(runtime, {
		tenantId: tenant.id,
		host: "127.0.0.1",
		port: 0,
		domains: ["city.example.jp"],
		maxSize: 50_000,
		relayUrl: `smtp://127.0.0.1:${relayPort}`,
		pollSeconds: 0,
		purgeEveryMinutes: 0,
		...extra,
	});
	open.push(gw);
	return gw;
}

async function sink(port = 0): Promise<Sink> {
	const s = await startSink(port);
	open.push(s);
	return s;
}

async function send(port: number, raw: Buffer, to = "taro@city.example.jp") {
	const transport = createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
	try {
		return await transport.sendMail({
			envelope: { from: "sender@outside.example", to: [to] },
			raw,
		});
	} finally {
		transport.close();
	}
}

function queuedId(response: string): string {
	const id = /queued as ([0-9a-f-]{36})/.exec(response)?.[1];
	assert.ok(id, `the 250 reply names the queued message: ${response}`);
	return id;
}

async function refusal(promise: Promise<unknown>): Promise<number | undefined> {
	try {
		await promise;
	} catch (error) {
		return (error as { responseCode?: number }).responseCode;
	}
	assert.fail("the gateway accepted the message");
}

describe("sanitising gateway over SMTP", () => {
	test("relays the sanitised message and keeps the original sealed in quarantine", async () => {
		const downstream = await sink();
		const gw = await gateway(downstream.port);
		const raw = await composeMail({
			to: "taro@city.example.jp",
			subject: "請求書",
			text: `本文 ${SECRET}`,
			html: `<p>本文 ${SECRET}</p><script>alert(1)</script>`,
		});
		const info = await send(gw.port, raw);
		const id = queuedId(info.response);

		const delivered = await downstream.next();
		assert.deepEqual(delivered.to, ["taro@city.example.jp"]);
		const parsed = await simpleParser(delivered.raw);
		assert.ok(
			parsed.headers.get("x-mamori-sanitized"),
			"the delivered message is the sanitised one",
		);
		assert.equal(parsed.html, false, "no HTML part is delivered");
		assert.doesNotMatch(delivered.raw.toString("latin1"), /text\/html|<script/i);
		assert.match(parsed.text ?? "", new RegExp(SECRET));

		await gw.kick();
		const row = await findMailMessage(runtime.db, tenant.id, id);
		assert.equal(row?.status, "delivered");
		assert.equal(row?.attempts, 1);
		assert.equal(row?.subject, "請求書");
		const quarantined = await findQuarantined(runtime.db, tenant.id, id);
		assert.ok(quarantined);
		const stored = Buffer.from(quarantined.sealed);
		assert.equal(stored.includes(SECRET), false, "the stored blob does not hold the plaintext");
		assert.equal(stored.includes("請求書"), false);
		assert.ok(
			quarantineBox(runtime.config.dataDir).open(stored).equals(raw),
			"it opens to the original",
		);
	});

	test("answers 250 only after the message is stored: a failed write is a 451", async () => {
		const downstream = await sink();
		const broken = await startGateway(runtime, {
			tenantId: "no-such-tenant",
			host: "127.0.0.1",
			port: 0,
			domains: ["city.example.jp"],
			maxSize: 50_000,
			relayUrl: `smtp://127.0.0.1:${downstream.port}`,
			pollSeconds: 0,
			purgeEveryMinutes: 0,
		});
		open.push(broken);
		const raw = await composeMail({ to: "taro@city.example.jp", text: "x" });
		assert.equal(await refusal(send(broken.port, raw)), 451);

		const gw = await gateway(downstream.port);
		const id = queuedId((await send(gw.port, raw)).response);
		// The 250 named a row that exists as soon as the client has its answer.
		assert.ok(await findMailMessage(runtime.db, tenant.id, id));
		await downstream.next();
	});

	test("refuses recipients of other domains with 550", async () => {
		const gw = await gateway(await freePort());
		const raw = await composeMail({ to: "someone@elsewhere.example", text: "x" });
		assert.equal(await refusal(send(gw.port, raw, "someone@elsewhere.example")), 550);
	});

	test("refuses an oversized message with 552 and stores nothing", async () => {
		const gw = await gateway(await freePort(), { maxSize: 10_000 });
		const raw = await composeMail({ to: "taro@city.example.jp", text: "あ".repeat(20_000) });
		const before = await runtime.db.selectFrom("mail_messages").select("id").execute();
		assert.equal(await refusal(send(gw.port, raw)), 552);
		const afterRows = await runtime.db.selectFrom("mail_messages").select("id").execute();
		assert.equal(afterRows.length, before.length);
	});

	test("keeps a message queued while the downstream is down and delivers it when it is back", async () => {
		const port = await freePort();
		const gw = await gateway(port, { backlogThreshold: 1 });
		const raw = await composeMail({ to: "hanako@city.example.jp", text: `停止中 ${SECRET}` });
		const id = queuedId((await send(gw.port, raw, "hanako@city.example.jp")).response);
		await gw.kick();
		const waiting = await findMailMessage(runtime.db, tenant.id, id);
		assert.equal(waiting?.status, "queued");
		assert.equal(waiting?.attempts, 1);
		assert.ok(waiting?.last_error);
		assert.ok(Date.parse(waiting.next_attempt_at) > Date.parse(waiting.received_at), "backed off");

		// Downstream unreachable and the backlog at its threshold: new mail is deferred.
		const second = await composeMail({ to: "hanako@city.example.jp", text: "後続" });
		assert.equal(await refusal(send(gw.port, second, "hanako@city.example.jp")), 451);

		const downstream = await sink(port);
		const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
		const steps = await deliverDue(runtime, { relayUrl: `smtp://127.0.0.1:${port}` }, later);
		assert.deepEqual(
			steps.map((s) => [s.messageId, s.outcome]),
			[[id, "delivered"]],
		);
		const delivered = await downstream.next();
		assert.match((await simpleParser(delivered.raw)).text ?? "", new RegExp(SECRET));
		assert.equal((await findMailMessage(runtime.db, tenant.id, id))?.status, "delivered");
	});

	test("holds what the engine holds: kept in quarantine, not delivered, told to a receiver", async () => {
		// The city's SIEM is subscribed to held mail (a receiver on loopback).
		const hooks: { headers: Record<string, string>; body: string }[] = [];
		const receiver = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on("data", (chunk: Buffer) => chunks.push(chunk));
			request.on("end", () => {
				const headers: Record<string, string> = {};
				for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"])
					headers[name] = String(request.headers[name]);
				hooks.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
				response.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
		open.push({ close: () => new Promise<void>((resolve) => receiver.close(() => resolve())) });
		const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
		const client = await activeClient(runtime, createApp(runtime), admin);
		const sub = await expectJson<SubscriptionView>(
			await client.post("/api/webhooks/subscriptions", {
				url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
				eventTypes: ["mail.held"],
			}),
			201,
		);
		const downstream = await sink();
		const gw = await gateway(downstream.port, { sanitize: holdingSanitizer });
		const raw = await composeMail({ to: "taro@city.example.jp", text: "保留" });
		const id = queuedId((await send(gw.port, raw)).response);
		await gw.kick();
		const row = await findMailMessage(runtime.db, tenant.id, id);
		assert.equal(row?.status, "held");
		assert.equal(row?.held_reason, "held by the test");
		assert.equal(downstream.received.length, 0);
		assert.ok(await findQuarantined(runtime.db, tenant.id, id));
		await runDueJobs(runtime, { declarations: webhooksJobs, log: () => {} });
		const events = hooks.map(
			(hook) =>
				new Webhook(sub.secret ?? "").verify(hook.body, hook.headers) as {
					type: string;
					data: { messageId: string; reason: string; receivedAt: string; heldAt: string };
				},
		);
		const mine = events.filter((event) => event.data.messageId === id);
		assert.equal(mine.length, 1);
		assert.equal(mine[0]?.type, "mail.held");
		assert.equal(mine[0]?.data.receivedAt, row?.received_at);
		assert.equal(mine[0]?.data.heldAt, row?.updated_at);
	});

	test("purges originals once the retention has passed", async () => {
		const downstream = await sink();
		const gw = await gateway(downstream.port);
		const id = queuedId(
			(await send(gw.port, await composeMail({ to: "taro@city.example.jp", text: "x" }))).response,
		);
		await downstream.next();
		await purgeQuarantine(runtime.db, new Date(Date.now() + 89 * 24 * 60 * 60 * 1000));
		assert.ok(await findQuarantined(runtime.db, tenant.id, id), "kept for the 90 days");
		const purged = await purgeQuarantine(
			runtime.db,
			new Date(Date.now() + 91 * 24 * 60 * 60 * 1000),
		);
		assert.ok(purged.some((p) => p.tenantId === tenant.id && p.count >= 1));
		assert.equal(await findQuarantined(runtime.db, tenant.id, id), undefined);
		assert.ok(
			await findMailMessage(runtime.db, tenant.id, id),
			"the message row stays for the report",
		);
	});

	test("offers STARTTLS only when a certificate is configured", async () => {
		const dir = mkdtempSync(join(tmpdir(), "mamori-tls-"));
		const [cert, key] = [join(dir, "cert.pem"), join(dir, "key.pem")];
		execFileSync(
			"openssl",
			[
				"req",
				"-x509",
				"-newkey",
				"rsa:2048",
				"-nodes",
				"-keyout",
				key,
				"-out",
				cert,
				"-days",
				"1",
				"-subj",
				"/CN=localhost",
			],
			{ stdio: "ignore" },
		);
		const downstream = await sink();
		const secured = await gateway(downstream.port, {
			tls: { cert: readFileSync(cert), key: readFileSync(key) },
		});
		const plain = await gateway(downstream.port);
		rmSync(dir, { recursive: true, force: true });
		const raw = await composeMail({ to: "taro@city.example.jp", text: "暗号化" });
		const sendTls = async (port: number) => {
			const transport = createTransport({
				host: "127.0.0.1",
				port,
				secure: false,
				requireTLS: true,
				tls: { rejectUnauthorized: false },
			});
			try {
				return await transport.sendMail({
					envelope: { from: "a@outside.example", to: ["taro@city.example.jp"] },
					raw,
				});
			} finally {
				transport.close();
			}
		};
		queuedId((await sendTls(secured.port)).response);
		await downstream.next();
		await assert.rejects(sendTls(plain.port), /STARTTLS/i);
	});
});
