import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { SessionStage } from "../../src/modules/auth/sessions.repository.ts";
import { ROLES } from "../../src/modules/authz/roles.ts";
import { TestClient } from "../helpers/client.ts";
import { assertUnchanged, snapshot } from "../helpers/db-snapshot.ts";
import { operationName, ROUTE_TABLE, routeEntry } from "../helpers/route-table.ts";
import {
	assertProblem,
	assertServed,
	callerContext,
	documentOperations,
	mayTake,
	type RouteEntry,
	send,
} from "../helpers/route-walk.ts";
import { makeWorld, openSession, type TenantWorld } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * The route walk, part 1: the route table agrees with the OpenAPI document, and every route
 * refuses callers without a session, with a login step pending, or without the CSRF token.
 * Tenant isolation and role denial walk the same table in route-walk-*.test.ts.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
const operations = documentOperations(app);
let world: TenantWorld;

before(async () => {
	world = await makeWorld(runtime);
});
after(() => runtime.cleanup());

const STAGE_PROBLEMS: Record<Exclude<SessionStage, "active">, string> = {
	password_change: "password_change_required",
	mfa_enroll: "mfa_enrollment_required",
	mfa_verify: "mfa_verification_required",
};
const UNSAFE = new Set(["post", "put", "patch", "delete"]);

describe("the route table", () => {
	test("has an entry for every operation of the OpenAPI document", () => {
		assert.ok(operations.length > 0);
		const missing = operations.filter((op) => !routeEntry(op)).map(operationName);
		assert.deepEqual(missing, [], "add these operations to tests/helpers/route-table.ts");
	});

	test("has no entry without an operation in the document", () => {
		const documented = new Set(operations.map(operationName));
		const stale = ROUTE_TABLE.map(operationName).filter((name) => !documented.has(name));
		assert.deepEqual(stale, []);
		assert.equal(new Set(ROUTE_TABLE.map(operationName)).size, ROUTE_TABLE.length, "duplicates");
	});

	test("calls public exactly the operations the document declares without security", () => {
		const mismatched = operations
			.filter((op) => op.secured === (routeEntry(op)?.access.kind === "public"))
			.map(operationName);
		assert.deepEqual(mismatched, []);
	});

	test("keeps instance-level routes to instance administrators", () => {
		for (const entry of ROUTE_TABLE) {
			if (entry.access.kind !== "permission" || entry.access.level !== "instance") continue;
			const access = entry.access;
			const others = ROLES.filter((role) => role !== "instance_admin" && mayTake([role], access));
			assert.deepEqual(others, [], operationName(entry));
		}
	});
});

/** Send a well-formed request of the route with another client, and expect a refusal. */
async function expectRefused(
	entry: RouteEntry,
	client: (prepared: TestClient) => TestClient | Promise<TestClient>,
	status: number,
	code: string,
) {
	const ctx = await callerContext(app, runtime, entry, world);
	const request = await entry.request(ctx);
	const sender = await client(ctx.client);
	const before = await snapshot(runtime.db);
	const sent = await send(sender, entry, request);
	assertProblem(sent, status, code);
	assertUnchanged(before, await snapshot(runtime.db), operationName(entry));
	return { ctx, request };
}

for (const op of operations) {
	const entry = routeEntry(op);
	if (!entry) continue; // reported by "the route table" above
	const { access } = entry;

	describe(operationName(op), () => {
		if (access.kind === "public") {
			test("serves callers without a session", async () => {
				const ctx = await callerContext(app, runtime, entry, world);
				assertServed(await send(ctx.client, entry, await entry.request(ctx)), entry);
			});
		} else {
			test("without a session: 401 unauthenticated, nothing changed", async () => {
				await expectRefused(entry, () => new TestClient(app), 401, "unauthenticated");
			});

			const stages: SessionStage[] = ["password_change", "mfa_enroll", "mfa_verify"];
			if (access.kind === "self") stages.push("active");
			for (const stage of stages) {
				if (access.kind === "self" && access.stages.includes(stage)) {
					test(`at stage ${stage}: served`, async () => {
						const ctx = await callerContext(app, runtime, entry, world, { stage });
						assertServed(await send(ctx.client, entry, await entry.request(ctx)), entry);
					});
					continue;
				}
				const code = stage === "active" ? "conflict" : STAGE_PROBLEMS[stage];
				const status = stage === "active" ? 409 : 403;
				test(`at stage ${stage}, holding every role: ${status} ${code}, nothing changed`, async () => {
					const stuck = await openSession(runtime, world.root, stage);
					await expectRefused(entry, () => new TestClient(app, stuck), status, code);
				});
			}
		}

		if (!UNSAFE.has(op.method)) return;
		test("without the CSRF header: 403 csrf_failed, nothing changed; then served with it", async () => {
			const { ctx, request } = await expectRefused(
				entry,
				async (client) => {
					await client.refreshCsrf();
					client.sendCsrf = false;
					return client;
				},
				403,
				"csrf_failed",
			);
			ctx.client.sendCsrf = true;
			assertServed(await send(ctx.client, entry, request), entry);
		});
		if (access.kind === "public") return;
		test("with a CSRF cookie and header not of the session: 403 csrf_failed", async () => {
			const forge = (client: TestClient) => {
				client.cookies.set("mamori_csrf", "forged-by-another-site");
				client.csrfToken = "forged-by-another-site";
				return client;
			};
			await expectRefused(entry, forge, 403, "csrf_failed");
		});
	});
}
