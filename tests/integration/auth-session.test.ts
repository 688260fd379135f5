import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createApp } from "../../src/http/app.ts";
import { resolveSession } from "../../src/modules/auth/resolve-session.ts";
import { SESSION_CACHE_TTL_MS } from "../../src/modules/auth/session-cache.ts";
import { sessionIdFor } from "../../src/modules/auth/sessions.repository.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeSessionToken, makeTenant, TEST_PASSWORD } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

const IDLE_SECONDS = 600;
const ABSOLUTE_SECONDS = 3600;

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	runtime.config.sessionIdleSeconds = IDLE_SECONDS;
	runtime.config.sessionAbsoluteSeconds = ABSOLUTE_SECONDS;
	app = createApp(runtime);
});
after(() => runtime.cleanup());

function sessionRow(token: string) {
	return runtime.db
		.selectFrom("sessions")
		.selectAll()
		.where("id", "=", sessionIdFor(token))
		.executeTakeFirst();
}

async function backdate(token: string, fields: { created_at?: string; last_seen_at?: string }) {
	await runtime.db
		.updateTable("sessions")
		.set(fields)
		.where("id", "=", sessionIdFor(token))
		.execute();
}

const secondsAgo = (s: number) => new Date(Date.now() - s * 1000).toISOString();

async function staffSession() {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	return { tenant, staff, token: await makeSessionToken(runtime, staff) };
}

test("a session idle for longer than the idle timeout ends and is deleted", async () => {
	const { token } = await staffSession();
	const row = (await sessionRow(token)) ?? assert.fail("session stored");
	const lastSeen = Date.parse(row.last_seen_at);

	const justInTime = await resolveSession(
		runtime,
		token,
		new Date(lastSeen + (IDLE_SECONDS - 1) * 1000),
	);
	assert.ok(justInTime, "still valid a second before the idle timeout");
	const touched = (await sessionRow(token)) ?? assert.fail("still there");
	assert.ok(Date.parse(touched.last_seen_at) > lastSeen, "activity moves last_seen_at");

	const later = Date.parse(touched.last_seen_at) + (IDLE_SECONDS + 1) * 1000;
	assert.equal(await resolveSession(runtime, token, new Date(later)), null);
	assert.equal(await sessionRow(token), undefined, "the idle session is deleted");
});

test("an idle session is refused over HTTP, and its cookie cleared", async () => {
	const { token } = await staffSession();
	const client = new TestClient(app, token);
	assert.equal((await client.get("/api/org-units")).status, 200);
	await backdate(token, { last_seen_at: secondsAgo(IDLE_SECONDS + 5) });
	await sleep(SESSION_CACHE_TTL_MS); // the server's cached login state of this cookie expires
	const response = await client.get("/api/org-units");
	await expectProblem(response, 401, "unauthenticated");
	assert.match(response.headers.getSetCookie().join("\n"), /mamori_session=;.*Max-Age=0/i);
	assert.equal(await sessionRow(token), undefined);
});

test("activity does not extend a session past its absolute lifetime", async () => {
	const { token } = await staffSession();
	const row = (await sessionRow(token)) ?? assert.fail("session stored");
	const created = Date.parse(row.created_at);
	let now = created;
	// Busy all along: a request every half idle period, never idle.
	while (now + (IDLE_SECONDS / 2) * 1000 <= created + ABSOLUTE_SECONDS * 1000) {
		now += (IDLE_SECONDS / 2) * 1000;
		assert.ok(
			await resolveSession(runtime, token, new Date(now)),
			`valid at +${(now - created) / 1000}s`,
		);
	}
	now = created + (ABSOLUTE_SECONDS + 1) * 1000;
	assert.equal(await resolveSession(runtime, token, new Date(now)), null);
	assert.equal(await sessionRow(token), undefined, "the expired session is deleted");
});

test("an expired session is refused over HTTP even when recently active", async () => {
	const { token } = await staffSession();
	const client = new TestClient(app, token);
	await backdate(token, {
		created_at: secondsAgo(ABSOLUTE_SECONDS + 5),
		last_seen_at: secondsAgo(1),
	});
	await expectProblem(await client.get("/api/org-units"), 401, "unauthenticated");
	assert.equal(await sessionRow(token), undefined);
});

test("logout ends the session for good", async () => {
	const { tenant, staff } = await staffSession();
	const client = new TestClient(app);
	await client.login(tenant.slug, staff.username, TEST_PASSWORD);
	const token = client.cookies.get("mamori_session") ?? assert.fail("logged in");
	assert.ok(await sessionRow(token));

	const response = await client.post("/api/auth/logout");
	assert.equal(response.status, 204);
	assert.match(response.headers.getSetCookie().join("\n"), /mamori_session=;.*Max-Age=0/i);
	assert.equal(client.cookies.has("mamori_session"), false);
	assert.equal(await sessionRow(token), undefined);

	const replayed = new TestClient(app, token);
	await expectProblem(await replayed.get("/api/org-units"), 401, "unauthenticated");
	const info = (await (await replayed.get("/api/auth/session")).json()) as { session: unknown };
	assert.equal(info.session, null);
	const logout = (await auditEvents(runtime.db, tenant.id)).filter((e) => e.type === "auth.logout");
	assert.deepEqual(
		logout.map((e) => [e.actor_id, e.record_id]),
		[[staff.id, staff.id]],
	);
});

function cookieAttributes(response: Response, name: string): string[] {
	const line = response.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
	assert.ok(line, `${name} is set`);
	return line
		.split(";")
		.slice(1)
		.map((part) => part.trim().toLowerCase());
}

test("session and CSRF cookies are HttpOnly, SameSite=Strict, Path=/; Secure over https", async () => {
	const { tenant, staff } = await staffSession();
	for (const base of ["http://mamori.example", "https://mamori.example"]) {
		const client = new TestClient(app);
		const response = await client.request("POST", `${base}/api/auth/login`, {
			tenant: tenant.slug,
			username: staff.username,
			password: TEST_PASSWORD,
		});
		assert.equal(response.status, 200);
		for (const name of ["mamori_session", "mamori_csrf"]) {
			const attributes = cookieAttributes(response, name);
			assert.ok(attributes.includes("httponly"), `${name} HttpOnly`);
			assert.ok(attributes.includes("samesite=strict"), `${name} SameSite=Strict`);
			assert.ok(attributes.includes("path=/"), `${name} Path=/`);
			assert.equal(attributes.includes("secure"), base.startsWith("https"), `${name} Secure`);
		}
	}
});
