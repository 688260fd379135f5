import assert from "node:assert/strict";
import { once } from "node:events";
import { connect } from "node:net";
import { after, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import {
	mailSettingsOf,
	saveMailSettings,
} from "../../src/modules/sanitize/gateway/mail-settings.ts";
import { spawnCli } from "../helpers/cli.ts";
import { makeTenant } from "../helpers/factories.ts";
import { freePort } from "../helpers/mail-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** `mamori gateway` as a process: what it tells senders over SMTP, and a clean stop. */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

/** The lines of the server's answer to `EHLO`, after its greeting. */
async function ehlo(port: number): Promise<string[]> {
	const socket = connect(port, "127.0.0.1");
	socket.setEncoding("utf8");
	let received = "";
	const until = async (done: () => boolean) => {
		while (!done()) {
			const [chunk] = (await once(socket, "data")) as [string];
			received += chunk;
		}
	};
	await until(() => /^220 .*\r\n/m.test(received));
	received = "";
	socket.write("EHLO test.example\r\n");
	await until(() => /^250 .*\r\n/m.test(received));
	socket.end("QUIT\r\n");
	return received.split("\r\n").filter(Boolean);
}

test("without --max-size the gateway advertises the tenant's message size limit, and stops cleanly", async () => {
	const tenant = await makeTenant(runtime);
	const current = await mailSettingsOf(runtime.db, tenant.id);
	await inTransaction(runtime.db, (tx) =>
		saveMailSettings(tx, tenant.id, {
			...current,
			policy: {
				...current.policy,
				limits: { ...current.policy.limits, maxMessageBytes: 2_000_000 },
			},
		}),
	);
	const port = await freePort();
	const relay = await freePort();
	const gateway = spawnCli(
		[
			"gateway",
			"--tenant",
			tenant.slug,
			"--domains",
			"city.example.jp",
			"--relay",
			`smtp://127.0.0.1:${relay}`,
			"--listen",
			`127.0.0.1:${port}`,
		],
		runtime,
		// The same instance key as this process, as a second process of one installation has.
		{ MAMORI_SECRET_KEY: process.env.MAMORI_SECRET_KEY },
	);
	try {
		let output = "";
		gateway.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
			output += chunk;
		});
		gateway.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
			output += chunk;
		});
		const deadline = Date.now() + 30_000;
		while (!/listening on/.test(output)) {
			assert.ok(Date.now() < deadline, `the gateway did not start:\n${output}`);
			assert.equal(gateway.exitCode, null, `the gateway exited:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		assert.match(output, /messages up to 2000000 bytes/);
		const lines = await ehlo(port);
		assert.ok(
			lines.some((line) => /^250[- ]SIZE 2000000$/.test(line)),
			`EHLO answer: ${lines.join(" | ")}`,
		);
		gateway.kill("SIGTERM");
		const [code] = (await once(gateway, "exit")) as [number | null];
		assert.equal(code, 0, output);
	} finally {
		if (gateway.exitCode === null) gateway.kill("SIGKILL");
	}
});
