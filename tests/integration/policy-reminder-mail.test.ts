import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { SMTPServer } from "smtp-server";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

interface Received {
	to: string[];
	data: string;
}

let runtime: TestRuntime;
let smtp: SMTPServer;
let port: number;
const received: Received[] = [];

before(async () => {
	runtime = await createTestRuntime();
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ["STARTTLS"],
		onData(stream, session, callback) {
			let data = "";
			stream.setEncoding("utf8");
			stream.on("data", (chunk: string) => {
				data += chunk;
			});
			stream.on("end", () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
				callback();
			});
		},
	});
	await new Promise<void>((done) => smtp.listen(0, "127.0.0.1", done));
	port = (smtp.server.address() as AddressInfo).port;
});
after(async () => {
	await new Promise<void>((done) => smtp.close(() => done()));
	await runtime.cleanup();
});

test("reminders go by e-mail, through the configured SMTP server, to those pending with an address", async () => {
	const app = createApp({
		...runtime,
		config: { ...runtime.config, smtpUrl: `smtp://127.0.0.1:${port}` },
	});
	const tenant = await makeTenant(runtime);
	const manager = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const withMail = await makeAccount(runtime, tenant, { username: "yamada" });
	await makeAccount(runtime, tenant, { username: "nomail" });
	await inTransaction(runtime.db, (tx) =>
		updateAccount(tx, tenant.id, withMail.id, { email: "yamada@example.jp" }),
	);
	const version = await makeVersion(runtime, tenant.id, "published");
	const client = await activeClient(runtime, app, manager);
	const result = await expectJson<{ recipients: number; mailed: number }>(
		await client.post(`/api/policy-versions/${version.id}/reminders`),
	);
	assert.equal(result.recipients, 3, "the manager, yamada and nomail are pending");
	assert.equal(result.mailed, 1);
	assert.equal(received.length, 1);
	assert.deepEqual(received[0]?.to, ["yamada@example.jp"]);
	assert.match(received[0]?.data ?? "", /Subject: =\?UTF-8\?/);
	const [, body = ""] = (received[0]?.data ?? "").split("\r\n\r\n");
	const text = Buffer.from(body.replaceAll("\r\n", ""), "base64").toString("utf8");
	assert.match(text, /まだ確認していません/);
	assert.match(text, new RegExp(`/policies/versions/${version.id}`));
});

test("without MAMORI_SMTP_URL no mail is sent", async () => {
	const app = createApp(runtime);
	const tenant = await makeTenant(runtime);
	const manager = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const version = await makeVersion(runtime, tenant.id, "published");
	const before = received.length;
	const result = await expectJson<{ recipients: number; mailed: number }>(
		await (await activeClient(runtime, app, manager)).post(
			`/api/policy-versions/${version.id}/reminders`,
		),
	);
	assert.equal(result.mailed, 0);
	assert.equal(received.length, before);
});
