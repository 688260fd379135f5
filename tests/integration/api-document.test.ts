import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { API_TAGS } from "../../src/http/api-document.ts";
import { createApp, openApiDocument } from "../../src/http/app.ts";
import { deriveOperationId } from "../../src/http/operation-ids.ts";
import { isApiScope } from "../../src/modules/api-tokens/scopes.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The document integrators generate clients from: every operation has a unique verb-and-noun
 * `operationId`, module tags, an explicit `security` and problem responses. A route that leaves
 * one out fails here (see "API document" in ARCHITECTURE.md for how a route declares them).
 */

interface Operation {
	operationId?: string;
	tags?: string[];
	security?: Record<string, string[]>[];
	responses: Record<string, { content?: Record<string, unknown> }>;
}

let runtime: TestRuntime;
let operations: { key: string; path: string; operation: Operation }[];
let document: ReturnType<typeof openApiDocument>;

before(async () => {
	runtime = await createTestRuntime();
	document = openApiDocument(createApp(runtime));
	const paths = document.paths as Record<string, Record<string, Operation>>;
	operations = Object.entries(paths).flatMap(([path, item]) =>
		Object.entries(item).map(([method, operation]) => ({
			key: `${method.toUpperCase()} ${path}`,
			path,
			operation,
		})),
	);
});
after(() => runtime.cleanup());

/** The only operations anyone may call without credentials. A new one is a deliberate choice. */
const ANONYMOUS = new Set([
	"getHealth",
	"listLoginTenants",
	"getSession",
	"logIn",
	"getSignInOptions",
	"logInWithDirectory",
	"startOidcSignIn",
	"finishOidcSignIn",
]);

/** What a token may never reach, whatever its scopes: accounts, roles, tokens, tenants, login. */
const NEVER_FOR_TOKENS = /^\/api\/(accounts|api-tokens|tenants|tenant|auth)(\/|$)/;

test("every operation has a unique verb-and-noun operationId", () => {
	assert.ok(operations.length > 100, `${operations.length} operations`);
	const seen = new Map<string, string>();
	for (const { key, operation } of operations) {
		const id = operation.operationId;
		assert.ok(id, `${key} has an operationId`);
		assert.match(id, /^[a-z]+[A-Z][A-Za-z0-9]*$/, `${key}: ${id} is camelCase verb + noun`);
		assert.ok(!seen.has(id), `${key}: ${id} is also the id of ${seen.get(id)}`);
		seen.set(id, key);
	}
});

test("every operation has module tags that the document describes", () => {
	const described = new Set((document.tags ?? []).map((tag) => tag.name));
	assert.deepEqual([...described].sort(), Object.keys(API_TAGS).sort());
	for (const { key, operation } of operations) {
		assert.ok(operation.tags && operation.tags.length > 0, `${key} has tags`);
		for (const tag of operation.tags)
			assert.ok(described.has(tag), `${key}: tag ${tag} in API_TAGS`);
	}
});

test("every operation declares its security; anonymous ones are the known few", () => {
	const schemes = Object.keys(document.components?.securitySchemes ?? {}).sort();
	assert.deepEqual(schemes, ["apiToken", "session"]);
	assert.deepEqual(document.servers?.length, 1);
	for (const { key, path, operation } of operations) {
		const security = operation.security;
		assert.ok(Array.isArray(security), `${key} declares security (an empty list when public)`);
		const id = operation.operationId ?? "";
		assert.equal(security.length === 0, ANONYMOUS.has(id), `${key}: anonymous only if listed`);
		for (const requirement of security) {
			for (const [scheme, scopes] of Object.entries(requirement)) {
				assert.ok(schemes.includes(scheme), `${key}: scheme ${scheme} is declared`);
				if (scheme === "session") assert.deepEqual(scopes, [], `${key}: session has no scopes`);
				if (scheme === "apiToken") {
					assert.ok(scopes.length > 0, `${key}: a token requirement names its scope`);
					for (const scope of scopes) assert.ok(isApiScope(scope), `${key}: scope ${scope}`);
					assert.doesNotMatch(path, NEVER_FOR_TOKENS, `${key} is never open to tokens`);
				}
			}
		}
	}
});

test("every operation with credentials documents its problem responses", () => {
	for (const { key, operation } of operations) {
		if (operation.security?.length === 0) continue;
		for (const status of ["401", "403"]) {
			const response = operation.responses[status];
			assert.ok(response?.content?.["application/problem+json"], `${key} documents ${status}`);
		}
	}
});

test("operationIds are derived from method and path, readably", () => {
	assert.equal(deriveOperationId("get", "/api/assets"), "listAssets");
	assert.equal(deriveOperationId("post", "/api/assets"), "createAsset");
	assert.equal(deriveOperationId("get", "/api/assets/{id}"), "getAsset");
	assert.equal(deriveOperationId("patch", "/api/assets/{id}"), "updateAsset");
	assert.equal(deriveOperationId("post", "/api/exceptions/{id}/approve"), "approveException");
	assert.equal(deriveOperationId("get", "/api/assets/export"), "exportAssets");
	assert.equal(deriveOperationId("get", "/api/incidents/{id}/tasks"), "listIncidentTasks");
	assert.equal(deriveOperationId("get", "/api/risks/options"), "getRiskOptions");
	const ids = new Set(operations.map(({ operation }) => operation.operationId));
	for (const id of ["logIn", "reportIncident", "importAssets", "listApiTokens", "revokeApiToken"]) {
		assert.ok(ids.has(id), `the document names ${id}`);
	}
});
