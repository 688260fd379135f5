import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import { createApp } from "../../src/http/app.ts";
import { acceptMessage } from "../../src/modules/sanitize/gateway/accept-message.ts";
import { deliverDue } from "../../src/modules/sanitize/gateway/deliver-queue.ts";
import { findMailMessage } from "../../src/modules/sanitize/gateway/mail-queue.repository.ts";
import { mailSettingsOf } from "../../src/modules/sanitize/gateway/mail-settings.ts";
import { findReleaseRequest } from "../../src/modules/sanitize/release/release.repository.ts";
import {
	RELEASE_MAX_ATTEMPTS,
	retryReleaseDeliveries,
} from "../../src/modules/sanitize/release/retry-release.ts";
import { DEFAULT_POLICY } from "../../src/modules/sanitize/sanitize.contract.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { cleanPdf } from "../helpers/attachment-corpus.ts";
import { runCli } from "../helpers/cli.ts";
import { TestClient } from "../helpers/client.ts";
import {
	type MadeAccount,
	makeAccount,
	makeSessionToken,
	makeTenant,
} from "../helpers/factories.ts";
import {
	composeMail,
	freePort,
	grantRole,
	makeGatewayMessage,
	type Sink,
	setEmail,
	startSink,
} from "../helpers/mail-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * A tenant's 無害化 policy and gateway settings: set over the API by the tenant administrator or
 * the CISO (invariants enforced, audited), applied by the gateway and by releases; and the retry
 * of an approved file whose mail failed, automatically and by the approver's resend.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
let tenant: TenantRow;
let other: TenantRow;
let ciso: MadeAccount;
let admin: MadeAccount;
let chief: MadeAccount;
let recipient: MadeAccount;
const RECIPIENT = "hanako@city.example.jp";
const open: { close(): Promise<void> }[] = [];

before(async () => {
	tenant = await makeTenant(runtime);
	other = await makeTenant(runtime);
	ciso = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	chief = await makeAccount(runtime, tenant, { roles: ["chief_officer"] });
	const unit = await makeOrgUnit(runtime, tenant, { name: "企画課" });
	recipient = await makeStaff(runtime, tenant, unit.id);
	await setEmail(runtime, tenant.id, recipient.id, RECIPIENT);
	const manager = await makeAccount(runtime, tenant, { totp: true });
	await grantRole(runtime, tenant.id, manager.id, "section_manager", unit.id);
});
after(async () => {
	for (const thing of open.reverse()) await thing.close();
	await runtime.cleanup();
});

async function as(account: MadeAccount): Promise<TestClient> {
	return new TestClient(app, await makeSessionToken(runtime, account));
}

async function json<T>(response: Response, status: number): Promise<T> {
	const text = await response.text();
	assert.equal(response.status, status, text);
	return JSON.parse(text) as T;
}

interface Settings {
	retentionDays: number;
	releaseAsIs: string[];
	attachments: Record<string, string>;
	limits: Record<string, number>;
	allowedActions: string[];
}

const inputOf = (s: Settings) => ({
	retentionDays: s.retentionDays,
	releaseAsIs: s.releaseAsIs,
	attachments: s.attachments,
	limits: s.limits,
});

async function sink(port = 0): Promise<Sink> {
	const s = await startSink(port);
	open.push(s);
	return s;
}

describe("tenant policy and gateway settings", () => {
	test("the defaults until set; the CISO changes a rule, audited with before and after", async () => {
		const client = await as(ciso);
		const current = await json<Settings>(await client.get("/api/mail/settings"), 200);
		assert.deepEqual(current.attachments, DEFAULT_POLICY.attachments);
		assert.deepEqual(current.allowedActions, ["change"]);
		const saved = await json<Settings>(
			await client.request("PUT", "/api/mail/settings", {
				...inputOf(current),
				attachments: { ...current.attachments, pdf: "remove" },
				limits: { ...current.limits, maxPdfPages: 50 },
				retentionDays: 30,
			}),
			200,
		);
		assert.equal(saved.attachments.pdf, "remove");
		assert.equal(saved.limits.maxPdfPages, 50);
		const settings = await mailSettingsOf(runtime.db, tenant.id);
		assert.equal(settings.policy.attachments.pdf, "remove");
		assert.equal(settings.policy.attachments.ooxml, "sanitize", "the rest stay the default");
		assert.equal(settings.policy.limits.maxPdfPages, 50);
		assert.equal(settings.retentionDays, 30);
		assert.deepEqual(
			(await mailSettingsOf(runtime.db, other.id)).policy,
			DEFAULT_POLICY,
			"another tenant keeps the defaults",
		);

		const event = await runtime.db
			.selectFrom("audit_events")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.where("type", "=", "mail.settings_changed")
			.executeTakeFirstOrThrow();
		const data = JSON.parse(event.data) as {
			before: Settings;
			after: Settings;
		};
		assert.equal(data.before.attachments.pdf, "sanitize");
		assert.equal(data.after.attachments.pdf, "remove");
		assert.equal(data.after.retentionDays, 30);
		assert.equal(event.actor_id, ciso.id);
	});

	test("the tenant administrator may change; the chief officer may only read", async () => {
		const current = await json<Settings>(await (await as(chief)).get("/api/mail/settings"), 200);
		assert.deepEqual(current.allowedActions, []);
		const refused = await (await as(chief)).request("PUT", "/api/mail/settings", inputOf(current));
		assert.equal(refused.status, 403);
		const ok = await (await as(admin)).request("PUT", "/api/mail/settings", inputOf(current));
		assert.equal(ok.status, 200, await ok.text());
	});

	test("never-delivered types cannot pass; limits must be positive and bounded", async () => {
		const client = await as(ciso);
		const current = inputOf(await json<Settings>(await client.get("/api/mail/settings"), 200));
		const problem = async (body: unknown) =>
			json<{ code: string; issues: { path: string; message: string }[] }>(
				await client.request("PUT", "/api/mail/settings", body),
				400,
			);
		const pass = await problem({
			...current,
			attachments: { ...current.attachments, executable: "pass" },
		});
		assert.equal(pass.code, "validation_failed");
		assert.deepEqual(
			pass.issues.map((i) => i.path),
			["attachments.executable"],
		);
		assert.match(pass.issues[0]?.message ?? "", /never delivered/);
		const zero = await problem({ ...current, limits: { ...current.limits, maxParts: 0 } });
		assert.deepEqual(
			zero.issues.map((i) => i.path),
			["limits.maxParts"],
		);
		assert.match(zero.issues[0]?.message ?? "", /maxParts must be at least 1/);
		const huge = await problem({
			...current,
			limits: { ...current.limits, timeoutMs: 10 ** 9 },
		});
		assert.match(huge.issues[0]?.message ?? "", /timeoutMs must be at most/);
		const fraction = await problem({
			...current,
			limits: { ...current.limits, maxMimeDepth: 2.5 },
		});
		assert.deepEqual(
			fraction.issues.map((i) => i.path),
			["limits.maxMimeDepth"],
		);
		const asIs = await problem({ ...current, releaseAsIs: ["text", "script"] });
		assert.deepEqual(
			asIs.issues.map((i) => i.path),
			["releaseAsIs.1"],
		);
		const unknown = await problem({
			...current,
			attachments: { ...current.attachments, exe: "x" },
		});
		assert.ok(unknown.issues.some((i) => i.path === "attachments.exe"));
		assert.equal(
			(await mailSettingsOf(runtime.db, tenant.id)).policy.attachments.executable,
			"remove",
		);
	});

	test("the gateway applies the tenant's rule: a removed PDF leaves a notice and no PDF", async () => {
		// The first test set pdf: "remove" for `tenant`; `other` keeps the default (sanitise).
		const pdf = await cleanPdf();
		const deliver = async (tenantId: string) => {
			const raw = await composeMail({
				to: RECIPIENT,
				subject: "資料",
				text: "資料を送ります。",
				attachments: [{ filename: "shiryo.pdf", content: pdf, contentType: "application/pdf" }],
			});
			const { id } = await acceptMessage(
				runtime,
				tenantId,
				{ from: "a@outside.example", to: [RECIPIENT] },
				raw,
			);
			const downstream = await sink();
			await deliverDue(runtime, { relayUrl: `smtp://127.0.0.1:${downstream.port}` });
			const row = await findMailMessage(runtime.db, tenantId, id);
			assert.equal(row?.status, "delivered", row?.held_reason ?? row?.last_error ?? "");
			return simpleParser((await downstream.next()).raw);
		};
		const removed = await deliver(tenant.id);
		assert.equal(
			removed.attachments.some((a) => a.contentType === "application/pdf"),
			false,
			"no PDF is delivered",
		);
		assert.match(removed.text ?? "", /shiryo\.pdf/);
		assert.match(removed.text ?? "", /Mamori/);

		const sanitised = await deliver(other.id);
		assert.ok(
			sanitised.attachments.some((a) => a.contentType === "application/pdf"),
			"under the default policy the PDF is sanitised and delivered",
		);
	});
});

describe("release under the tenant policy and its delivery retry", () => {
	async function pendingRequest(attachment: { filename: string; content: string }) {
		const messageId = await makeGatewayMessage(runtime, tenant.id, RECIPIENT, {
			attachments: [{ ...attachment, contentType: "text/plain" }],
		});
		const request = await json<{ id: string }>(
			await (await as(recipient)).post(`/api/mail/messages/${messageId}/release-requests`, {
				attachmentIndex: 0,
				reason: "業務で必要",
			}),
			201,
		);
		return request.id;
	}

	async function setTextRelease(asIs: boolean, rule: "pass" | "remove") {
		const client = await as(ciso);
		const current = inputOf(await json<Settings>(await client.get("/api/mail/settings"), 200));
		await json(
			await client.request("PUT", "/api/mail/settings", {
				...current,
				releaseAsIs: asIs ? ["text"] : [],
				attachments: { ...current.attachments, text: rule },
			}),
			200,
		);
	}

	test("re-sanitising a release follows the tenant's rule", async () => {
		await setTextRelease(false, "remove");
		const id = await pendingRequest({ filename: "a.txt", content: "text to release" });
		const response = await (await as(chief)).post(`/api/mail/release-requests/${id}/decision`, {
			outcome: "approve",
			reason: "確認",
		});
		assert.equal(response.status, 409, "the tenant removes text, so it cannot be made harmless");
		assert.match(await response.text(), /cannot be made harmless/);
		await setTextRelease(true, "pass");
	});

	test("a failed mail is retried with a backoff, then the approver's resend delivers", async () => {
		const port = await freePort();
		runtime.config.smtpUrl = `smtp://127.0.0.1:${port}`;
		try {
			const first = await pendingRequest({ filename: "b.txt", content: "retry me" });
			const decided = await json<{ deliveredAt: string | null; allowedActions: string[] }>(
				await (await as(chief)).post(`/api/mail/release-requests/${first}/decision`, {
					outcome: "approve",
					reason: "確認",
				}),
				200,
			);
			assert.equal(decided.deliveredAt, null, "the mail server is down");
			let row = await findReleaseRequest(runtime.db, tenant.id, first);
			assert.equal(row?.delivery_attempts, 1);
			assert.ok(row?.next_delivery_at);

			// Not due yet: nothing is tried.
			assert.equal(await retryReleaseDeliveries(runtime, new Date()), 0);
			assert.equal((await findReleaseRequest(runtime.db, tenant.id, first))?.delivery_attempts, 1);

			// The server is back and the backoff has passed: the gateway's loop delivers it.
			const server = await sink(port);
			const later = new Date(Date.parse(row?.next_delivery_at ?? "") + 1000);
			assert.equal(await retryReleaseDeliveries(runtime, later), 1);
			const mail = await server.next();
			assert.deepEqual(mail.to, [RECIPIENT]);
			row = await findReleaseRequest(runtime.db, tenant.id, first);
			assert.ok(row?.delivered_at);
			assert.equal(row?.next_delivery_at, null);
			await server.close();
			open.splice(open.indexOf(server), 1);

			// A second approval fails too; automatic attempts stop at the cap.
			const second = await pendingRequest({ filename: "c.txt", content: "resend me" });
			await (await as(chief)).post(`/api/mail/release-requests/${second}/decision`, {
				outcome: "approve",
				reason: "確認",
			});
			await runtime.db
				.updateTable("mail_release_requests")
				.set({ delivery_attempts: RELEASE_MAX_ATTEMPTS, next_delivery_at: null })
				.where("id", "=", second)
				.execute();
			assert.equal(await retryReleaseDeliveries(runtime, new Date(Date.now() + 864e5)), 0);
			const list = await json<{ items: { id: string; allowedActions: string[] }[] }>(
				await (await as(chief)).get("/api/mail/release-requests"),
				200,
			);
			assert.deepEqual(list.items.find((r) => r.id === second)?.allowedActions, ["resend"]);
			assert.equal(
				(await (await as(recipient)).post(`/api/mail/release-requests/${second}/resend`, {}))
					.status,
				403,
				"the requester cannot resend",
			);

			const again = await sink(port);
			const resent = await json<{ deliveredAt: string | null }>(
				await (await as(chief)).post(`/api/mail/release-requests/${second}/resend`, {}),
				200,
			);
			assert.ok(resent.deliveredAt);
			assert.deepEqual((await again.next()).to, [RECIPIENT]);
			const conflict = await (await as(chief)).post(
				`/api/mail/release-requests/${second}/resend`,
				{},
			);
			assert.equal(conflict.status, 409, "already sent");

			const types = await runtime.db
				.selectFrom("audit_events")
				.select(["type", "data"])
				.where("tenant_id", "=", tenant.id)
				.where("record_id", "=", second)
				.orderBy("seq")
				.execute();
			assert.deepEqual(
				types.map((e) => e.type),
				[
					"mail.release_requested",
					"mail.release_decided",
					"mail.release_delivered",
					"mail.release_resent",
				],
			);
			assert.equal((JSON.parse(types[3]?.data ?? "{}") as { delivered: boolean }).delivered, true);
		} finally {
			runtime.config.smtpUrl = undefined;
		}
	});

	test("`mamori gateway retry-releases` sends what is due where no gateway runs", async () => {
		const port = await freePort();
		const smtpUrl = `smtp://127.0.0.1:${port}`;
		// The CLI reads the same instance key as this process: the quarantined original opens.
		const env = { MAMORI_SECRET_KEY: process.env.MAMORI_SECRET_KEY, MAMORI_SMTP_URL: smtpUrl };
		runtime.config.smtpUrl = smtpUrl;
		try {
			const id = await pendingRequest({ filename: "d.txt", content: "sent from a timer" });
			await (await as(chief)).post(`/api/mail/release-requests/${id}/decision`, {
				outcome: "approve",
				reason: "確認",
			});
			assert.equal((await findReleaseRequest(runtime.db, tenant.id, id))?.delivery_attempts, 1);
			// The backoff has passed.
			await runtime.db
				.updateTable("mail_release_requests")
				.set({ next_delivery_at: new Date(Date.now() - 1000).toISOString() })
				.where("id", "=", id)
				.execute();

			const unset = await runCli(["gateway", "retry-releases"], runtime, {
				...env,
				MAMORI_SMTP_URL: undefined,
			});
			assert.equal(unset.code, 2, JSON.stringify(unset));
			assert.match(unset.stderr, /MAMORI_SMTP_URL is not set/);

			const server = await sink(port);
			const result = await runCli(["gateway", "retry-releases"], runtime, env);
			assert.equal(result.code, 0, JSON.stringify(result));
			assert.match(result.stdout, /^sent 1 released attachment\(s\)$/m);
			assert.deepEqual((await server.next()).to, [RECIPIENT]);
			assert.ok((await findReleaseRequest(runtime.db, tenant.id, id))?.delivered_at);

			const nothing = await runCli(["gateway", "retry-releases"], runtime, env);
			assert.match(nothing.stdout, /^sent 0 released attachment\(s\)$/m, "nothing is sent twice");
		} finally {
			runtime.config.smtpUrl = undefined;
		}
	});
});
