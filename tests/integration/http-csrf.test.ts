import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { auditHead, countRows } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeSessionToken, makeTenant, TEST_PASSWORD } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

/** A tenant administrator's session token and its CSRF token. */
async function adminSession() {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const token = await makeSessionToken(runtime, admin);
	const client = new TestClient(app, token);
	await client.refreshCsrf();
	return { tenant, token, csrf: client.csrfToken ?? assert.fail("csrf token") };
}

async function createOrgUnit(
	headers: Record<string, string>,
	url = "/api/org-units",
): Promise<Response> {
	return app.request(url, {
		method: "POST",
		headers: { "content-type": "application/json", ...headers },
		body: JSON.stringify({ code: `c-${Math.random()}`, name: "情報政策課", kind: "section" }),
	});
}

/** Run a refused request and check that it changed nothing in the tenant. */
async function expectRefused(tenantId: string, send: () => Promise<Response>, detail?: RegExp) {
	const unitsBefore = await countRows(runtime.db, "org_units", tenantId);
	const headBefore = await auditHead(runtime.db, tenantId);
	const problem = await expectProblem(await send(), 403, "csrf_failed");
	if (detail) assert.match(problem.detail, detail);
	assert.equal(await countRows(runtime.db, "org_units", tenantId), unitsBefore);
	assert.deepEqual(await auditHead(runtime.db, tenantId), headBefore);
}

test("reads need no CSRF token", async () => {
	const { token } = await adminSession();
	const response = await app.request("/api/org-units", {
		headers: { cookie: `mamori_session=${token}` },
	});
	assert.equal(response.status, 200);
});

test("with the session's token in cookie and header, and a same-origin Origin, a write works", async () => {
	const { tenant, token, csrf } = await adminSession();
	const unitsBefore = await countRows(runtime.db, "org_units", tenant.id);
	const response = await createOrgUnit(
		{
			cookie: `mamori_session=${token}; mamori_csrf=${csrf}`,
			"x-csrf-token": csrf,
			origin: "http://localhost",
		},
		"http://localhost/api/org-units",
	);
	assert.equal(response.status, 201);
	assert.equal(await countRows(runtime.db, "org_units", tenant.id), unitsBefore + 1);
});

test("a write without the X-CSRF-Token header is refused", async () => {
	const { tenant, token, csrf } = await adminSession();
	await expectRefused(tenant.id, () =>
		createOrgUnit({ cookie: `mamori_session=${token}; mamori_csrf=${csrf}` }),
	);
});

test("a write with a wrong token is refused", async () => {
	const { tenant, token, csrf } = await adminSession();
	const forged = `${csrf.slice(0, -2)}xx`;
	await expectRefused(tenant.id, () =>
		createOrgUnit({
			cookie: `mamori_session=${token}; mamori_csrf=${forged}`,
			"x-csrf-token": forged,
		}),
	);
});

test("a write whose header does not match the CSRF cookie is refused", async () => {
	const { tenant, token, csrf } = await adminSession();
	await expectRefused(tenant.id, () =>
		createOrgUnit({
			cookie: `mamori_session=${token}; mamori_csrf=other-value`,
			"x-csrf-token": csrf,
		}),
	);
	await expectRefused(tenant.id, () =>
		createOrgUnit({ cookie: `mamori_session=${token}`, "x-csrf-token": csrf }),
	);
});

test("a write carrying another session's token is refused", async () => {
	const mine = await adminSession();
	const theirs = await adminSession();
	await expectRefused(
		mine.tenant.id,
		() =>
			createOrgUnit({
				cookie: `mamori_session=${mine.token}; mamori_csrf=${theirs.csrf}`,
				"x-csrf-token": theirs.csrf,
			}),
		/does not belong to this session/,
	);
});

test("a write from a foreign Origin is refused even with the right tokens", async () => {
	const { tenant, token, csrf } = await adminSession();
	const cookie = `mamori_session=${token}; mamori_csrf=${csrf}`;
	for (const origin of ["https://evil.example", "http://localhost:8081", "not a url"]) {
		await expectRefused(
			tenant.id,
			() =>
				createOrgUnit({ cookie, "x-csrf-token": csrf, origin }, "http://localhost/api/org-units"),
			/cross-origin|CSRF/,
		);
	}
});

test("logging in needs a CSRF token too, so nobody can log a victim into their account", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = new TestClient(app);
	client.sendCsrf = false;
	const sessionsBefore = await countRows(runtime.db, "sessions");
	const response = await client.post("/api/auth/login", {
		tenant: tenant.slug,
		username: staff.username,
		password: TEST_PASSWORD,
	});
	await expectProblem(response, 403, "csrf_failed");
	assert.equal(client.cookies.has("mamori_session"), false);
	assert.equal(await countRows(runtime.db, "sessions"), sessionsBefore);
});
