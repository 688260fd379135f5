import assert from "node:assert/strict";
import { after, test } from "node:test";
import pg from "pg";
import { findMailMessage } from "../../src/modules/sanitize/gateway/mail-queue.repository.ts";
import { startGateway } from "../../src/modules/sanitize/gateway/smtp-gateway.ts";
import { makeTenant } from "../helpers/factories.ts";
import { composeMail, queuedIdOf, sendRaw, startSink } from "../helpers/mail-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Issue #21.1 for `mamori gateway`: PostgreSQL backends terminated while 4 senders deliver. The
 * gateway stays up, a message it could not queue is refused with 451 (the sender retries), and
 * every message answered 250 is in the queue.
 */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

test("PostgreSQL: the mail gateway survives terminated backends under 4 concurrent senders", {
	skip: runtime.engine !== "postgres" && "runs on PostgreSQL (DATABASE_URL)",
	timeout: 60_000,
}, async () => {
	const database = new URL(runtime.databaseUrl ?? "").pathname.slice(1);
	const tenant = await makeTenant(runtime);
	const downstream = await startSink();
	const logged: string[] = [];
	const logError = console.error;
	console.error = (...parts: unknown[]) => logged.push(parts.map(String).join(" "));
	const gateway = await startGateway(runtime, {
		tenantId: tenant.id,
		host: "127.0.0.1",
		port: 0,
		domains: ["city.example.jp"],
		maxSize: 50_000,
		relayUrl: `smtp://127.0.0.1:${downstream.port}`,
		pollSeconds: 0,
		purgeEveryMinutes: 0,
	});
	const superuser = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await superuser.connect();
	try {
		const raw = await composeMail({ to: "taro@city.example.jp", subject: "通知", text: "本文" });
		const accepted: string[] = [];
		const refusedCodes: number[] = [];
		let stop = false;
		const sender = async () => {
			while (!stop) {
				try {
					accepted.push(queuedIdOf(await sendRaw(gateway.port, raw)));
				} catch (error) {
					refusedCodes.push((error as { responseCode?: number }).responseCode ?? 0);
				}
			}
		};
		const senders = [1, 2, 3, 4].map(sender);
		for (let round = 0; round < 3; round++) {
			await sleep(400);
			await superuser.query(
				"select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
				[database],
			);
		}
		await sleep(600);
		const before = accepted.length;
		await sleep(600);
		stop = true;
		await Promise.all(senders);

		assert.ok(accepted.length > before, "the gateway queues mail again without a restart");
		assert.deepEqual(
			refusedCodes.filter((code) => code !== 451),
			[],
			"a message not queued is refused as temporary (451), never lost as 250",
		);
		for (const id of accepted) {
			assert.ok(await findMailMessage(runtime.db, tenant.id, id), `queued message ${id} is stored`);
		}
		// Logged with the real cause. Which one comes first is a race: a backend terminated while
		// idle reports 57P01; one terminated mid-query reports the closed connection.
		assert.ok(
			logged.some((line) =>
				/database_unavailable.*(57P01|connection closed by the server)/.test(line),
			),
			logged.join("\n"),
		);
		assert.ok(!logged.some((line) => /Unhandled|at .*\.ts:\d+/.test(line)), logged.join("\n"));
	} finally {
		console.error = logError;
		await superuser.end();
		await gateway.close();
		await downstream.close();
	}
});

function sleep(ms: number) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
