import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { TestClient } from "../helpers/client.ts";
import { assertUnchanged, snapshot, tenantMarkers } from "../helpers/db-snapshot.ts";
import { tokenOf } from "../helpers/route-table.api-tokens.ts";
import { operationName, routeEntry } from "../helpers/route-table.ts";
import {
	assertProblem,
	assertServed,
	type CrossTenantProbe,
	callerContext,
	documentOperations,
	type RequestContext,
	type RouteEntry,
	type RouteRequest,
	type Sent,
	send,
} from "../helpers/route-walk.ts";
import { makeWorld, openSession, type TenantWorld } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * The route walk, part 2: tenant isolation. Every route is called with the session of tenant B's
 * most privileged account (every role but instance_admin) while tenant A exists. Routes naming
 * A's resources refuse and change nothing at all; routes that serve B show nothing of A and
 * leave every row of A as it was.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
const operations = documentOperations(app);
let a: TenantWorld;
let b: TenantWorld;

before(async () => {
	a = await makeWorld(runtime);
	b = await makeWorld(runtime);
	// A live session and a failed login, so that A has sessions and login_throttle rows to keep.
	await openSession(runtime, a.admin);
	const failed = await new TestClient(app).login(a.tenant.slug, a.plain.username, "wrong password");
	assert.equal(failed.response.status, 401);
	// The scheduler's per-tenant jobs (the daily reminder sweep), so A has jobs rows to keep.
	await ensureRecurring(runtime.db, JOBS, new Date());
	// An API token of A, so that A has api_tokens rows to keep.
	await tokenOf(runtime, a);
});
after(() => runtime.cleanup());

test("tenant A has rows in every tenant-owned table, so that 'unchanged' means something", async () => {
	const digest = await snapshot(runtime.db, a.tenant.id);
	const empty = Object.entries(digest)
		.filter(([, table]) => table.rows === 0)
		.map(([name]) => name);
	assert.deepEqual(empty, []);
	for (const table of ["accounts", "role_assignments", "org_units", "sessions", "audit_events"]) {
		assert.ok(digest[table], `the snapshot covers ${table}`);
	}
	assert.ok(digest.audit_heads && digest.login_throttle && digest.tenants);
});

function requestOf(entry: RouteEntry, probe: CrossTenantProbe, ctx: RequestContext) {
	if (probe.request === "own") return entry.request(ctx);
	if (probe.request === "foreign") return entry.request({ ...ctx, world: a });
	return probe.request(a, ctx);
}

/**
 * A's identifiers in the response, except those the request itself carried, those shown to all
 * by design, and those B uses too (B may pick a user name or code that A also uses).
 */
function leaks(sent: Sent, markers: string[], allowed: string[]): string[] {
	return markers.filter(
		(marker) =>
			sent.text.includes(marker) && !sent.requestText.includes(marker) && !allowed.includes(marker),
	);
}

async function walk(entry: RouteEntry, probe: CrossTenantProbe) {
	const caller = entry.access.kind === "self" ? undefined : b.admin;
	const ctx = await callerContext(app, runtime, entry, b, caller ? { caller } : {});
	const request: RouteRequest = await requestOf(entry, probe, ctx);
	const markers = await tenantMarkers(runtime.db, a.tenant.id);
	const ownedByB = await tenantMarkers(runtime.db, b.tenant.id);
	const tenantA = await snapshot(runtime.db, a.tenant.id);
	const everything = await snapshot(runtime.db);

	const sent = await send(ctx.client, entry, request);

	const allowed = [...ownedByB, ...(probe.shownToAll?.(a) ?? [])];
	assert.deepEqual(leaks(sent, markers, allowed), [], "tenant A's data leaked");
	if (probe.expect === "served") {
		assertServed(sent, entry);
		probe.check?.(sent, a, b);
		assertUnchanged(tenantA, await snapshot(runtime.db, a.tenant.id), "tenant A");
	} else {
		assertProblem(sent, probe.expect.status, probe.expect.code);
		assertUnchanged(everything, await snapshot(runtime.db), "the database");
	}
}

for (const op of operations) {
	const entry = routeEntry(op);
	describe(operationName(op), () => {
		if (!entry) {
			test("has a route-table entry", () => assert.fail("see route-walk.test.ts"));
			return;
		}
		test("has cross-tenant probes", () => assert.ok(entry.crossTenant.length > 0));
		if (op.path.includes("{")) {
			test("is probed with tenant A's ids in its path", () => {
				assert.ok(entry.crossTenant.some((probe) => probe.request === "foreign"));
			});
		}
		for (const probe of entry.crossTenant) {
			const expected =
				probe.expect === "served"
					? `${entry.ok}, nothing of A shown, A unchanged`
					: `${probe.expect.status} ${probe.expect.code}, nothing changed`;
			test(`with tenant B's session, ${probe.name}: ${expected}`, () => walk(entry, probe));
		}
	});
}
