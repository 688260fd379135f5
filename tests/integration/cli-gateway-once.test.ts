import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { after, before, test } from "node:test";
import { DEFAULT_LEASE_SECONDS } from "../../src/modules/sanitize/gateway/deliver-queue.ts";
import { DEFAULT_POLL_SECONDS } from "../../src/modules/sanitize/gateway/smtp-gateway.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { spawnCli } from "../helpers/cli.ts";
import { makeTenant } from "../helpers/factories.ts";
import {
	type CountingSink,
	composeMail,
	freePort,
	messageIdOf,
	sendRaw,
	startCountingSink,
	until,
} from "../helpers/mail-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Each mail delivered once, with `mamori gateway` as a real process killed with SIGKILL: a real
 * SMTP client sends, a real SMTP server downstream counts what it accepted by Message-ID.
 * (a) killed after the message is stored and before the sender saw 250 (the test-only
 * `MAMORI_TEST_GATEWAY_HOLD_REPLY_MS` holds the 250 back so the kill lands in that window): the
 * sender's retry to the restarted gateway is answered 250 and the message arrives once.
 * (b) killed while relaying to a downstream that hangs in DATA: the restarted gateway takes the
 * message over once the short lease has run out and it arrives once, well within 60 s.
 */

const runtime = await createTestRuntime();
let tenant: TenantRow;
const sinks: CountingSink[] = [];
const children: ChildProcess[] = [];

before(async () => {
	tenant = await makeTenant(runtime);
});
after(async () => {
	for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
	for (const sink of sinks) await sink.close();
	await runtime.cleanup();
});

interface Gateway {
	child: ChildProcess;
	output(): string;
}

async function startGatewayProcess(
	listen: number,
	relay: number,
	env: Record<string, string> = {},
): Promise<Gateway> {
	const child = spawnCli(
		[
			"gateway",
			"--tenant",
			tenant.slug,
			"--domains",
			"city.example.jp",
			"--relay",
			`smtp://127.0.0.1:${relay}`,
			"--listen",
			`127.0.0.1:${listen}`,
		],
		runtime,
		{ MAMORI_SECRET_KEY: process.env.MAMORI_SECRET_KEY, ...env },
	);
	children.push(child);
	let output = "";
	child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
		output += chunk;
	});
	await until(
		() => {
			assert.equal(child.exitCode, null, `the gateway exited:\n${output}`);
			return /listening on/.test(output);
		},
		60_000,
		"the gateway starts",
	);
	return { child, output: () => output };
}

async function kill(gateway: Gateway): Promise<void> {
	const exited = once(gateway.child, "exit");
	gateway.child.kill("SIGKILL");
	await exited;
}

const send = (port: number, raw: Buffer) => sendRaw(port, raw);

async function rowsWith(messageId: string) {
	return runtime.db
		.selectFrom("mail_messages")
		.selectAll()
		.where("tenant_id", "=", tenant.id)
		.where("message_id", "=", messageId)
		.execute();
}

test("a message stored just before a crash, retried by its sender, is delivered once", async () => {
	const sink = await startCountingSink();
	sinks.push(sink);
	const port = await freePort();
	const raw = await composeMail({ to: "taro@city.example.jp", text: "再送されても一通" });
	const messageId = messageIdOf(raw) ?? "";

	const first = await startGatewayProcess(port, sink.port, {
		MAMORI_TEST_GATEWAY_HOLD_REPLY_MS: "120000",
	});
	const unanswered = send(port, raw).then(
		(response) => `answered: ${response}`,
		(error: unknown) => `failed: ${String(error)}`,
	);
	await until(() => /TEST HOOK: stored /.test(first.output()), 60_000, "the message is stored");
	await kill(first);
	assert.match(await unanswered, /^failed:/, "the sender never saw a 250");
	const stored = await rowsWith(messageId);
	assert.equal(stored.length, 1, "the message was stored before the crash");

	const second = await startGatewayProcess(port, sink.port, { MAMORI_GATEWAY_POLL_SECONDS: "1" });
	const retry = await send(port, raw);
	assert.match(retry, new RegExp(`^250 .*already queued as ${stored[0]?.id}`));
	await until(() => sink.accepted.has(messageId), 60_000, "the message reaches the sink");
	// A few more polls of the gateway: nothing else is on its way.
	await new Promise((resolve) => setTimeout(resolve, 3000));
	assert.equal(sink.accepted.get(messageId), 1, "received exactly once");
	const rows = await rowsWith(messageId);
	assert.deepEqual(
		rows.map((r) => [r.id, r.status, r.duplicates]),
		[[stored[0]?.id, "delivered", 1]],
	);
	assert.match(second.output(), /a retry of message .* was answered 250 and not stored again/);
	await kill(second);
});

test("a message being relayed when the gateway is killed is taken over after the short lease and delivered once", async () => {
	assert.ok(
		DEFAULT_LEASE_SECONDS + DEFAULT_POLL_SECONDS <= 60,
		"in production a crashed worker's message is taken over within 60 s",
	);
	const sink = await startCountingSink();
	sinks.push(sink);
	sink.stall = true;
	const port = await freePort();
	const env = { MAMORI_GATEWAY_LEASE_SECONDS: "3", MAMORI_GATEWAY_POLL_SECONDS: "1" };
	const raw = await composeMail({ to: "taro@city.example.jp", text: "中継中に停止" });
	const messageId = messageIdOf(raw) ?? "";

	const first = await startGatewayProcess(port, sink.port, env);
	assert.match(await send(port, raw), /^250 .*queued as/);
	await until(() => sink.stalled.includes(messageId), 60_000, "the relay hangs in DATA");
	// Renewed while it relays: after more than one lease the claim is still the first gateway's.
	await new Promise((resolve) => setTimeout(resolve, 4500));
	const relaying = await rowsWith(messageId);
	assert.equal(relaying[0]?.status, "delivering");
	assert.ok(Date.parse(relaying[0]?.lease_until ?? "") > Date.now(), "the lease was renewed");

	await kill(first);
	const killedAt = Date.now();
	sink.stall = false;
	const second = await startGatewayProcess(port, sink.port, env);
	await until(() => sink.accepted.has(messageId), 60_000, "the message reaches the sink");
	const took = Date.now() - killedAt;
	assert.ok(took < 60_000, `taken over and delivered ${took} ms after the crash`);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	assert.equal(sink.accepted.get(messageId), 1, "received exactly once");
	assert.deepEqual(sink.stalled, [messageId], "the stalled attempt was the only other one");
	const rows = await rowsWith(messageId);
	assert.deepEqual(
		rows.map((r) => [r.status, r.attempts, r.lease_owner]),
		[["delivered", 1, null]],
	);
	await kill(second);
});
