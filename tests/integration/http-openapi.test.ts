import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

interface OpenApiDocument {
	openapi: string;
	info: { title: string; version: string };
	paths: Record<string, Partial<Record<(typeof METHODS)[number], { responses: object }>>>;
}

/** "METHOD /path/{param}" for every API route the router serves, but the docs themselves. */
function servedApiRoutes(): Set<string> {
	const served = new Set<string>();
	for (const route of app.routes) {
		if (route.method === "ALL") continue; // middleware and catch-alls
		if (!route.path.startsWith("/api/")) continue;
		if (route.path === "/api/openapi.json" || route.path.startsWith("/api/docs")) continue;
		served.add(`${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
	}
	return served;
}

test("GET /api/health answers ok", async () => {
	const response = await app.request("/api/health");
	assert.equal(response.status, 200);
	assert.deepEqual(await response.json(), { status: "ok" });
});

test("the OpenAPI 3.1 document describes exactly the routes the app serves", async () => {
	const response = await app.request("/api/openapi.json");
	assert.equal(response.status, 200);
	const document = (await response.json()) as OpenApiDocument;
	assert.equal(document.openapi, "3.1.0");
	assert.equal(document.info.title, "Mamori API");

	const documented = new Set<string>();
	for (const [path, operations] of Object.entries(document.paths)) {
		for (const method of METHODS) {
			const operation = operations[method];
			if (!operation) continue;
			documented.add(`${method.toUpperCase()} ${path}`);
			assert.ok(Object.keys(operation.responses).length > 0, `${method} ${path} has responses`);
		}
	}
	const served = servedApiRoutes();
	assert.ok(served.size >= 20, `the router lists its routes (${served.size})`);
	assert.ok(served.has("POST /api/auth/login") && served.has("GET /api/accounts/{id}"));
	const undocumented = [...served].filter((route) => !documented.has(route));
	const phantom = [...documented].filter((route) => !served.has(route));
	assert.deepEqual(undocumented, [], "every served route is documented");
	assert.deepEqual(phantom, [], "every documented route is served");
});

test("the API docs page uses only local assets, and they are served", async () => {
	const response = await app.request("/api/docs");
	assert.equal(response.status, 200);
	assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
	const html = await response.text();
	assert.doesNotMatch(html, /https?:\/\//i, "no external URL in the page");
	const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
	assert.ok(references.length >= 3, `the page loads its script and styles: ${references}`);
	for (const reference of references) {
		assert.match(reference, /^\/api\/docs\//, `${reference} is local`);
		const asset = await app.request(reference);
		assert.equal(asset.status, 200, reference);
		const type = asset.headers.get("content-type") ?? "";
		assert.match(type, reference.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
		const body = await asset.text();
		assert.ok(body.length > 100, `${reference} has content`);
		if (reference.endsWith("init.js")) {
			assert.doesNotMatch(body, /https?:\/\//i, "the init script fetches nothing external");
			assert.match(body, /\/api\/openapi\.json/);
		}
	}
});
