import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { serve } from "@hono/node-server";
import { createApp } from "../../src/http/app.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

/** The CSP as a map from directive to its sources. */
function csp(response: Response): Map<string, string[]> {
	const header = response.headers.get("content-security-policy");
	assert.ok(header, "a Content-Security-Policy is set");
	return new Map(
		header.split(";").map((part) => {
			const [name = "", ...sources] = part.trim().split(/\s+/);
			return [name, sources];
		}),
	);
}

function assertSecurityHeaders(response: Response, label: string) {
	const policy = csp(response);
	const scripts = policy.get("script-src") ?? policy.get("default-src");
	assert.ok(scripts, `${label}: script-src or default-src`);
	assert.ok(!scripts.includes("'unsafe-inline'"), `${label}: no inline script`);
	assert.ok(!scripts.includes("'unsafe-eval'"), `${label}: no eval`);
	assert.deepEqual(policy.get("frame-ancestors"), ["'none'"], `${label}: frame-ancestors`);
	// object-src falls back to default-src when it is not given.
	const objects = policy.get("object-src") ?? policy.get("default-src");
	assert.deepEqual(objects, ["'none'"], `${label}: object-src`);
	assert.equal(response.headers.get("x-frame-options"), "DENY", label);
	assert.equal(response.headers.get("x-content-type-options"), "nosniff", label);
	assert.equal(response.headers.get("referrer-policy"), "no-referrer", label);
}

test("every kind of page carries the security headers, without inline script", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await activeClient(runtime, app, staff);
	const responses: [string, Response][] = [
		["/", await client.get("/")],
		["/some/page", await client.get("/some/page")],
		["/api/health", await client.get("/api/health")],
		["/api/org-units", await client.get("/api/org-units")],
		["/api/docs", await client.get("/api/docs")],
		["problem", await new TestClient(app).get("/api/org-units")],
	];
	for (const [label, response] of responses) assertSecurityHeaders(response, label);
	assert.equal(responses[3]?.[1].status, 200);
	assert.match(responses[3]?.[1].headers.get("content-type") ?? "", /^application\/json/);
});

test("every API response, errors included, is marked no-store", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await activeClient(runtime, app, staff);
	const noCsrf = await activeClient(runtime, app, staff);
	noCsrf.sendCsrf = false;
	const responses: [string, Response][] = [
		["health", await client.get("/api/health")],
		["json", await client.get("/api/org-units")],
		["session", await client.get("/api/auth/session")],
		["unauthenticated", await new TestClient(app).get("/api/org-units")],
		["not found", await client.get("/api/no-such-thing")],
		["validation", await client.post("/api/org-units", { code: "" })],
		["csrf", await noCsrf.post("/api/org-units", { code: "a", name: "b", kind: "section" })],
	];
	for (const [label, response] of responses) {
		assert.equal(response.headers.get("cache-control"), "no-store", label);
	}
	assert.deepEqual(
		responses.map(([, r]) => r.status),
		[200, 200, 200, 401, 404, 400, 403],
	);
});

/** The headers a response carries, without those that vary per connection or per moment. */
function stableHeaders(response: Response): [string, string][] {
	const varying = new Set(["date", "connection", "keep-alive", "content-length", "last-modified"]);
	return [...response.headers].filter(([name]) => !varying.has(name)).sort();
}

test("served over a real socket, responses carry exactly the headers of in-process requests", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await makeAccount(runtime, tenant);
	const client = await activeClient(runtime, app, staff);
	const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
	await new Promise<void>((resolve) => server.once("listening", () => resolve()));
	const { port } = server.address() as AddressInfo;
	try {
		const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
		const paths: [string, Record<string, string>][] = [
			["/", {}],
			["/api/health", {}],
			["/api/docs", {}],
			["/api/org-units", { cookie }],
			["/api/org-units", {}],
			["/api/no-such-thing", { cookie }],
		];
		for (const [path, headers] of paths) {
			const inProcess = await app.request(path, { headers });
			const served = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
			assert.equal(served.status, inProcess.status, path);
			assert.deepEqual(stableHeaders(served), stableHeaders(inProcess), path);
			assertSecurityHeaders(served, `${path} over a socket`);
			await served.arrayBuffer();
		}
	} finally {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
});
