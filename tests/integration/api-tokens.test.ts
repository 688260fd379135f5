import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { LEDGER_HEADERS } from "../../src/modules/assets/ledger-format.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession, unique } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Machine clients with API tokens: a token with the scope imports assets and opens an incident,
 * audited as the client; a token without the scope, an expired and a revoked one are refused at
 * once with stable codes; no token reaches accounts, roles or tokens; a token never rides a
 * session; calls past the rate get 429.
 */

const runtime = await createTestRuntime();
runtime.config.apiTokenRatePerMinute = 1000;
const app = createApp(runtime);
const scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
});

let tenant: TenantRow;
let unit: OrgUnitTable;
let admin: TestClient;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A machine client: only its bearer token, no cookies, no CSRF token. */
function machine(token: string) {
	return (method: string, path: string, body?: unknown, cookie?: string) =>
		app.request(path, {
			method,
			headers: {
				authorization: `Bearer ${token}`,
				...(body === undefined ? {} : { "content-type": "application/json" }),
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
}

async function makeToken(clientName: string, scopes: string[], expiresAt = inDays(30)) {
	const response = await admin.post("/api/api-tokens", { clientName, scopes, expiresAt });
	assert.equal(response.status, 201, await response.clone().text());
	return (await response.json()) as { id: string; token: string; tokenPrefix: string };
}

async function codeOf(response: Response) {
	return ((await response.json()) as { code: string }).code;
}

before(async () => {
	tenant = await makeTenant(runtime);
	unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
	const root = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	admin = new TestClient(app, await openSession(runtime, root));
});

test("the administrator makes a token shown once, stored hashed, listed with its scopes", async () => {
	const made = await makeToken("SIEM", ["incidents:create"]);
	assert.match(made.token, /^mamori_[A-Za-z0-9_-]{40,}$/);
	assert.ok(made.token.startsWith(made.tokenPrefix));
	const row = await runtime.db
		.selectFrom("api_tokens")
		.selectAll()
		.where("id", "=", made.id)
		.executeTakeFirstOrThrow();
	assert.notEqual(row.token_hash, made.token);
	assert.ok(!JSON.stringify(row).includes(made.token), "the token itself is not stored");
	const list = (await (await admin.get("/api/api-tokens")).json()) as {
		items: { id: string; clientName: string; scopes: string[]; state: string; token?: string }[];
	};
	const listed = list.items.find((item) => item.id === made.id);
	assert.deepEqual(
		{ client: listed?.clientName, scopes: listed?.scopes, state: listed?.state },
		{ client: "SIEM", scopes: ["incidents:create"], state: "active" },
	);
	assert.equal(listed?.token, undefined, "never shown again");
	const events = await auditEvents(runtime.db, tenant.id);
	assert.ok(events.some((e) => e.type === "api_token.created" && e.record_id === made.id));
});

test("a machine client opens an incident, audited as the client, and its last use is shown", async () => {
	const made = await makeToken("無害化ゲートウェイ", ["incidents:create"]);
	const call = machine(made.token);
	const response = await call("POST", "/api/incidents", {
		whatHappened: "マルウェアを検知しました",
		noticedAt: new Date().toISOString(),
		personalData: false,
	});
	assert.equal(response.status, 201, await response.clone().text());
	const created = (await response.json()) as { id: string; reference: string };
	assert.match(created.reference, /^INC-/);
	const events = await auditEvents(runtime.db, tenant.id);
	const opened = events.filter((e) => e.record_id === created.id);
	assert.ok(opened.length > 0, "the case's creation is audited");
	for (const event of opened) {
		assert.equal(event.actor_id, `api-token:${made.id}`);
		assert.equal(event.actor_label, "無害化ゲートウェイ");
	}
	const row = await runtime.db
		.selectFrom("api_tokens")
		.select("last_used_at")
		.where("id", "=", made.id)
		.executeTakeFirstOrThrow();
	assert.ok(row.last_used_at, "last use recorded");
	// The token's scope is to report; reading cases needs incidents:read.
	const read = await call("GET", `/api/incidents/${created.id}`);
	assert.equal(read.status, 403);
	assert.equal(await codeOf(read), "api_token_scope_missing");
});

test("a machine client imports assets as a job and follows it", async () => {
	const made = await makeToken("IT資産管理ツール", ["assets:import"]);
	const call = machine(made.token);
	const header = [...LEDGER_HEADERS].filter((h) => h !== "所管課名");
	const code = unique("PC");
	const values: Record<string, string> = {
		資産番号: code,
		資産名: "業務用PC",
		種別: "システム・機器・媒体",
		所管課: unit.code,
		情報セキュリティ管理者: "情報政策課長",
		保管場所: "本庁舎",
		ネットワーク区分: "LGWAN接続系",
		格付け: "C2/I2/A2",
		個人情報: "なし",
		保存期間: "5年",
		状態: "運用中",
	};
	const csv = `${header.join(",")}\r\n${header.map((h) => values[h] ?? "").join(",")}\r\n`;
	const response = await call("POST", "/api/assets/import", {
		filename: "pcs.csv",
		contentBase64: Buffer.from(csv).toString("base64"),
		mode: "apply",
		skipInvalid: false,
	});
	assert.equal(response.status, 202, await response.clone().text());
	const { id } = (await response.json()) as { id: string };
	let job: { status: string; result?: { created: number } | null };
	for (;;) {
		const polled = await call("GET", `/api/imports/${id}`);
		assert.equal(polled.status, 200, await polled.clone().text());
		job = (await polled.json()) as typeof job;
		if (!["queued", "running"].includes(job.status)) break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	assert.equal(job.status, "done", JSON.stringify(job));
	const asset = await runtime.db
		.selectFrom("assets")
		.select("name")
		.where("tenant_id", "=", tenant.id)
		.where("code", "=", code)
		.executeTakeFirst();
	assert.equal(asset?.name, "業務用PC");
	const events = await auditEvents(runtime.db, tenant.id);
	assert.ok(
		events.some((e) => e.actor_id === `api-token:${made.id}` && e.type.startsWith("asset")),
		"the import is audited as the client",
	);
});

test("a token without the scope, an unknown, an expired and a revoked token are refused at once", async () => {
	const reader = await makeToken("ポータル", ["findings:read"]);
	const noScope = await machine(reader.token)("POST", "/api/incidents", {
		whatHappened: "x",
		noticedAt: new Date().toISOString(),
		personalData: false,
	});
	assert.equal(noScope.status, 403);
	assert.equal(await codeOf(noScope), "api_token_scope_missing");

	const unknown = await machine("mamori_not-a-token")("GET", "/api/findings");
	assert.equal(unknown.status, 401);
	assert.equal(await codeOf(unknown), "api_token_invalid");

	const expiring = await makeToken("期限切れ", ["findings:read"], inDays(1));
	await runtime.db
		.updateTable("api_tokens")
		.set({ expires_at: new Date(Date.now() - 1000).toISOString() })
		.where("id", "=", expiring.id)
		.execute();
	const expired = await machine(expiring.token)("GET", "/api/findings");
	assert.equal(expired.status, 401);
	assert.equal(await codeOf(expired), "api_token_expired");

	const revoking = await makeToken("失効", ["findings:read"]);
	assert.equal((await machine(revoking.token)("GET", "/api/findings")).status, 200);
	const revoke = await admin.post(`/api/api-tokens/${revoking.id}/revoke`);
	assert.equal(revoke.status, 204, await revoke.clone().text());
	const revoked = await machine(revoking.token)("GET", "/api/findings");
	assert.equal(revoked.status, 401);
	assert.equal(await codeOf(revoked), "api_token_revoked");
	const again = await admin.post(`/api/api-tokens/${revoking.id}/revoke`);
	assert.equal(again.status, 409);
	const events = await auditEvents(runtime.db, tenant.id);
	assert.ok(events.some((e) => e.type === "api_token.revoked" && e.record_id === revoking.id));
});

test("no token reaches accounts, roles or tokens, and none rides a session", async () => {
	const every = await makeToken("全部", [
		"assets:read",
		"assets:import",
		"incidents:create",
		"incidents:read",
		"findings:read",
	]);
	const call = machine(every.token);
	const forbidden: [string, string, unknown?][] = [
		["GET", "/api/accounts"],
		["POST", "/api/accounts", { username: "x", displayName: "x" }],
		["POST", "/api/accounts/x/roles", { role: "ciso" }],
		["GET", "/api/api-tokens"],
		["POST", "/api/api-tokens", { clientName: "x", scopes: ["assets:read"], expiresAt: inDays(1) }],
		["POST", `/api/api-tokens/${every.id}/revoke`],
		["GET", "/api/tenant/settings"],
		["POST", "/api/auth/logout"],
	];
	for (const [method, path, body] of forbidden) {
		const response = await call(method, path, body);
		assert.equal(response.status, 403, `${method} ${path}`);
		assert.equal(await codeOf(response), "api_token_not_allowed", `${method} ${path}`);
	}
	// The administrator's session cookie sent along does not lend the token its rights.
	const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
	const riding = await call("GET", "/api/api-tokens", undefined, cookie);
	assert.equal(riding.status, 403);
	assert.equal(await codeOf(riding), "api_token_not_allowed");
	// Nor does a scoped read: it answers as the token (auditor's reach), not as the admin.
	const list = await call("GET", "/api/assets", undefined, cookie);
	assert.equal(list.status, 200, await list.clone().text());
	const listed = await admin.get("/api/api-tokens");
	const token = ((await listed.json()) as { items: { id: string; state: string }[] }).items.find(
		(item) => item.id === every.id,
	);
	assert.equal(token?.state, "active", "the token is untouched by its attempts");
});

test("a token past its rate gets 429 with Retry-After", async () => {
	const limited = createApp({
		...runtime,
		config: { ...runtime.config, apiTokenRatePerMinute: 3 },
	});
	const made = await makeToken("せっかち", ["findings:read"]);
	const statuses: number[] = [];
	let last: Response | undefined;
	for (let i = 0; i < 4; i++) {
		last = await limited.request("/api/findings", {
			headers: { authorization: `Bearer ${made.token}` },
		});
		statuses.push(last.status);
	}
	assert.deepEqual(statuses, [200, 200, 200, 429]);
	assert.equal(await codeOf(last as Response), "rate_limited");
	assert.ok(Number(last?.headers.get("retry-after")) >= 1);
});

test("every call is audited once as the client: reads and refusals here, changes by their use case", async () => {
	const made = await makeToken("ポータル（監査）", ["findings:read", "incidents:create"]);
	const call = machine(made.token);
	const calls = async () =>
		(await auditEvents(runtime.db, tenant.id))
			.filter((e) => e.type === "api_token.called" && e.record_id === made.id)
			.map((e) => {
				assert.equal(e.actor_id, `api-token:${made.id}`);
				assert.equal(e.actor_label, "ポータル（監査）");
				const { method, route, path, status } = e.payload as Record<string, unknown>;
				return [method, route, path, status];
			});
	assert.equal((await call("GET", "/api/findings")).status, 200);
	assert.equal((await call("GET", "/api/findings/no-such-finding")).status, 404);
	assert.equal((await call("GET", "/api/incidents")).status, 403);
	assert.equal((await call("GET", "/api/accounts")).status, 403);
	const opened = await call("POST", "/api/incidents", {
		whatHappened: "不審な通信を検知しました",
		noticedAt: new Date().toISOString(),
		personalData: false,
	});
	assert.equal(opened.status, 201, await opened.clone().text());
	assert.deepEqual(await calls(), [
		["GET", "/api/findings", "/api/findings", 200],
		["GET", "/api/findings/{id}", "/api/findings/no-such-finding", 404],
		["GET", "/api/incidents", "/api/incidents", 403],
		["GET", "/api/accounts", "/api/accounts", 403],
	]);
	// The opening is audited by its use case, as the client, and not a second time here.
	const { id } = (await opened.json()) as { id: string };
	const events = await auditEvents(runtime.db, tenant.id);
	assert.ok(
		events.some((e) => e.record_id === id && e.actor_id === `api-token:${made.id}`),
		"the case's opening names the client",
	);
});
