import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import { createApp } from "../../src/http/app.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { TestClient } from "../helpers/client.ts";
import {
	type MadeAccount,
	makeAccount,
	makeSessionToken,
	makeTenant,
} from "../helpers/factories.ts";
import {
	grantRole,
	makeGatewayMessage,
	type Sink,
	setEmail,
	startSink,
} from "../helpers/mail-world.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Release of quarantined attachments over the API: a recipient asks, the unit's security manager
 * (or the chief officer) decides with a reason, the file is mailed to the recipient, and every
 * step is in the audit log. Others are refused by role and by unit.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
let sink: Sink;
let tenant: TenantRow;
let recipient: MadeAccount;
let colleague: MadeAccount;
let manager: MadeAccount;
let otherManager: MadeAccount;
let chief: MadeAccount;
let messageId: string;
const RECIPIENT = "Taro.Yamada@city.example.jp";

before(async () => {
	sink = await startSink();
	runtime.config.smtpUrl = `smtp://127.0.0.1:${sink.port}`;
	tenant = await makeTenant(runtime);
	const unit = await makeOrgUnit(runtime, tenant, { name: "総務課" });
	const otherUnit = await makeOrgUnit(runtime, tenant, { name: "税務課" });
	recipient = await makeStaff(runtime, tenant, unit.id);
	await setEmail(runtime, tenant.id, recipient.id, RECIPIENT);
	colleague = await makeStaff(runtime, tenant, otherUnit.id);
	await setEmail(runtime, tenant.id, colleague.id, "colleague@city.example.jp");
	manager = await makeAccount(runtime, tenant, { totp: true });
	await grantRole(runtime, tenant.id, manager.id, "section_manager", unit.id);
	otherManager = await makeAccount(runtime, tenant, { totp: true });
	await grantRole(runtime, tenant.id, otherManager.id, "section_manager", otherUnit.id);
	chief = await makeAccount(runtime, tenant, { roles: ["chief_officer"] });
	// The envelope address differs in case from the account's e-mail: matched case-insensitively.
	messageId = await makeGatewayMessage(runtime, tenant.id, "taro.yamada@city.example.jp", {
		attachments: [
			{ filename: "memo.txt", content: "original attachment text", contentType: "text/plain" },
			{ filename: "report.pdf", content: "%PDF-1.4 not really", contentType: "application/pdf" },
			{ filename: "setup.exe", content: "MZ...", contentType: "application/octet-stream" },
		],
	});
	// The throwaway sink of makeGatewayMessage received the message itself, not this one.
});
after(async () => {
	await sink.close();
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

async function code(response: Response, status: number): Promise<string> {
	const body = await json<{ code: string }>(response, status);
	return body.code;
}

async function auditTypes(): Promise<string[]> {
	const rows = await runtime.db
		.selectFrom("audit_events")
		.select("type")
		.where("tenant_id", "=", tenant.id)
		.where("type", "like", "mail.%")
		.orderBy("seq")
		.execute();
	return rows.map((r) => r.type);
}

interface Request {
	id: string;
	status: string;
	decisionReason: string | null;
	deliveryMode: string | null;
	deliveredAt: string | null;
}

describe("release of quarantined attachments", () => {
	test("each sees the mail of their scope", async () => {
		type List = { items: { id: string }[]; total: number };
		const ids = async (who: MadeAccount) =>
			(await json<List>(await (await as(who)).get("/api/mail/messages"), 200)).items.map(
				(m) => m.id,
			);
		assert.deepEqual(await ids(recipient), [messageId]);
		assert.deepEqual(await ids(manager), [messageId], "the recipient's unit manager");
		assert.deepEqual(await ids(chief), [messageId], "the chief officer sees all");
		assert.deepEqual(await ids(colleague), []);
		assert.deepEqual(await ids(otherManager), []);
		assert.deepEqual(await ids(await makeAccount(runtime, tenant)), [], "no address, no mail");
		assert.equal(
			await code(await (await as(colleague)).get(`/api/mail/messages/${messageId}`), 404),
			"not_found",
		);
		const detail = await json<{
			attachments: {
				filename: string;
				action: string;
				mayRequest: boolean;
				reasonCode: string | null;
				reasonParams: Record<string, string | number>;
			}[];
		}>(await (await as(recipient)).get(`/api/mail/messages/${messageId}`), 200);
		assert.deepEqual(
			detail.attachments.map((a) => [a.filename, a.action, a.mayRequest]),
			[
				["memo.txt", "removed", true],
				["report.pdf", "removed", true],
				["setup.exe", "removed", true],
			],
		);
		// The test sanitiser writes reasons without codes, as reports stored before codes existed:
		// the screen shows their stored words.
		assert.deepEqual(
			detail.attachments.map((a) => [a.reasonCode, a.reasonParams]),
			[
				[null, {}],
				[null, {}],
				[null, {}],
			],
		);
	});

	test("only a recipient may ask", async () => {
		const body = { attachmentIndex: 0, reason: "業務で必要" };
		const url = `/api/mail/messages/${messageId}/release-requests`;
		assert.equal(await code(await (await as(colleague)).post(url, body), 404), "not_found");
		assert.equal(await code(await (await as(manager)).post(url, body), 403), "forbidden");
		assert.equal(
			await code(await (await as(recipient)).post(url, { attachmentIndex: 9, reason: "x" }), 400),
			"validation_failed",
		);
		assert.deepEqual(await auditTypes(), []);
	});

	test("the unit's manager approves with a reason and the original reaches the recipient", async () => {
		const client = await as(recipient);
		const request = await json<Request>(
			await client.post(`/api/mail/messages/${messageId}/release-requests`, {
				attachmentIndex: 0,
				reason: "契約書の確認に必要",
			}),
			201,
		);
		assert.equal(request.status, "pending");
		assert.equal(
			await code(
				await client.post(`/api/mail/messages/${messageId}/release-requests`, {
					attachmentIndex: 0,
					reason: "again",
				}),
				409,
			),
			"conflict",
		);
		const decision = `/api/mail/release-requests/${request.id}/decision`;
		const approve = { outcome: "approve", reason: "業務上必要と認める" };
		assert.equal(
			await code(await client.post(decision, approve), 403),
			"forbidden",
			"not one's own",
		);
		assert.equal(
			await code(await (await as(otherManager)).post(decision, approve), 403),
			"forbidden",
			"another unit",
		);

		const listed = await json<{ items: (Request & { allowedActions: string[] })[] }>(
			await (await as(manager)).get("/api/mail/release-requests?status=pending"),
			200,
		);
		assert.deepEqual(
			listed.items.map((r) => [r.id, r.allowedActions]),
			[[request.id, ["decide"]]],
		);
		const none = await json<{ items: Request[] }>(
			await (await as(otherManager)).get("/api/mail/release-requests"),
			200,
		);
		assert.deepEqual(none.items, []);

		const decided = await json<Request>(await (await as(manager)).post(decision, approve), 200);
		assert.equal(decided.status, "approved");
		assert.equal(decided.decisionReason, "業務上必要と認める");
		assert.equal(decided.deliveryMode, "as_is", "text is released as is by default");
		assert.ok(decided.deliveredAt);

		const mail = await sink.next();
		assert.deepEqual(mail.to, [RECIPIENT]);
		const parsed = await simpleParser(mail.raw);
		assert.equal(parsed.attachments.length, 1);
		assert.equal(parsed.attachments[0]?.filename, "memo.txt");
		assert.equal(parsed.attachments[0]?.content.toString(), "original attachment text");

		assert.equal(
			await code(await (await as(manager)).post(decision, approve), 409),
			"conflict",
			"decided once",
		);
		assert.deepEqual(await auditTypes(), [
			"mail.release_requested",
			"mail.release_decided",
			"mail.release_delivered",
		]);
		const decidedEvent = await runtime.db
			.selectFrom("audit_events")
			.select(["data", "actor_id"])
			.where("tenant_id", "=", tenant.id)
			.where("type", "=", "mail.release_decided")
			.executeTakeFirstOrThrow();
		assert.equal(decidedEvent.actor_id, manager.id);
		assert.match(String(decidedEvent.data), /業務上必要と認める/);
	});

	test("a file that cannot be made harmless again is not approved; refusing records the reason", async () => {
		const request = await json<Request>(
			await (await as(recipient)).post(`/api/mail/messages/${messageId}/release-requests`, {
				attachmentIndex: 1,
				reason: "報告書",
			}),
			201,
		);
		const decision = `/api/mail/release-requests/${request.id}/decision`;
		const before = sink.received.length;
		// PDFs are re-sanitised, not released as is; until the sanitiser can, approval is refused.
		const approve = await (await as(chief)).post(decision, { outcome: "approve", reason: "ok" });
		if (approve.status === 200) {
			const approved = (await approve.json()) as Request;
			assert.equal(approved.deliveryMode, "sanitized");
			const mail = await sink.next();
			assert.equal((await simpleParser(mail.raw)).attachments.length, 1);
			return;
		}
		assert.equal(approve.status, 409, await approve.text());
		const refused = await json<Request>(
			await (await as(chief)).post(decision, { outcome: "refuse", reason: "原本の提供は不要" }),
			200,
		);
		assert.equal(refused.status, "refused");
		assert.equal(refused.decisionReason, "原本の提供は不要");
		assert.equal(refused.deliveredAt, null);
		assert.equal(sink.received.length, before, "nothing is mailed on refusal");
		assert.equal((await auditTypes()).at(-1), "mail.release_decided");
	});

	test("executables are never released", async () => {
		const request = await json<Request>(
			await (await as(recipient)).post(`/api/mail/messages/${messageId}/release-requests`, {
				attachmentIndex: 2,
				reason: "インストーラ",
			}),
			201,
		);
		const response = await (await as(manager)).post(
			`/api/mail/release-requests/${request.id}/decision`,
			{
				outcome: "approve",
				reason: "必要",
			},
		);
		assert.equal(await code(response, 409), "conflict");
		const row = await runtime.db
			.selectFrom("mail_release_requests")
			.select("status")
			.where("id", "=", request.id)
			.executeTakeFirstOrThrow();
		assert.equal(row.status, "pending");
	});

	test("the summary counts for officers; staff are refused", async () => {
		const summary = await json<{
			received: number;
			pendingRequests: number;
			attachmentActions: { removed: number };
		}>(await (await as(manager)).get("/api/mail/summary"), 200);
		assert.equal(summary.received, 1);
		assert.equal(summary.attachmentActions.removed, 3);
		assert.equal(summary.pendingRequests, 1, "the executable's request awaits a decision");
		assert.equal(
			await code(await (await as(recipient)).get("/api/mail/summary"), 403),
			"forbidden",
		);
	});
});
