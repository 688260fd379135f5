import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { listRoleAssignments } from "../../src/modules/accounts/accounts.repository.ts";
import { ROLES, type Role } from "../../src/modules/authz/roles.ts";
import { TestClient } from "../helpers/client.ts";
import { assertUnchanged, changedTables, snapshot } from "../helpers/db-snapshot.ts";
import { type MadeAccount, makeAccount } from "../helpers/factories.ts";
import { operationName, routeEntry } from "../helpers/route-table.ts";
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
 * The route walk, part 3: role denial. Every route that needs a permission is called by an account
 * holding each role alone, and by one holding none. The policy object decides which must be
 * refused (403 forbidden, nothing changed) and which served; a policy change moves the test with it.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
const operations = documentOperations(app);
let world: TenantWorld;

before(async () => {
	world = await makeWorld(runtime, { holders: true });
});
after(() => runtime.cleanup());

interface Holder {
	label: string;
	roles: Role[];
	account: () => MadeAccount;
}

const HOLDERS: Holder[] = [
	...ROLES.map((role) => ({
		label: `holding ${role} alone`,
		roles: [role],
		account: () => {
			const account = world.holders.get(role);
			assert.ok(account, `no holder of ${role}`);
			return account;
		},
	})),
	{ label: "holding no role (plain staff)", roles: [], account: () => world.plain },
];

async function callAs(entry: RouteEntry, holder: Holder, allowed: boolean) {
	const ctx = await callerContext(app, runtime, entry, world, { caller: holder.account() });
	const request = await entry.request(ctx);
	const before = await snapshot(runtime.db);
	const sent = await send(ctx.client, entry, request);
	const after = await snapshot(runtime.db);
	if (!allowed) {
		assertProblem(sent, 403, "forbidden");
		assertUnchanged(before, after, operationName(entry));
		return;
	}
	assertServed(sent, entry);
	if (entry.readOnly) {
		assertUnchanged(before, after, operationName(entry));
	} else if (entry.method !== "get") {
		assert.notDeepEqual(changedTables(before, after), [], "an allowed change is made");
	}
}

for (const op of operations) {
	const entry = routeEntry(op);
	if (entry?.access.kind !== "permission") continue; // public and self routes need no role
	const access = entry.access;

	describe(`${operationName(op)} (${access.action})`, () => {
		test("is allowed to some role", () => {
			assert.ok(ROLES.some((role) => mayTake([role], access)));
		});
		for (const holder of HOLDERS) {
			const allowed = mayTake(holder.roles, access);
			const expected = allowed ? `served (${entry.ok})` : "403 forbidden, nothing changed";
			test(`${holder.label}: ${expected}`, () => callAs(entry, holder, allowed));
		}
	});
}

/**
 * Routes a tenant administrator may use, aimed at instance administration: granting or ending it,
 * or taking over an instance administrator's login by resetting its password or authenticator,
 * would lift a tenant's administrator to the instance level.
 */
describe("no way from tenant administration to instance administration", () => {
	async function attempt(method: string, url: string, body: unknown, caller: MadeAccount) {
		const client = new TestClient(app, await openSession(runtime, caller));
		const before = await snapshot(runtime.db);
		const response = await client.request(method, url, body);
		return { response, before, after: await snapshot(runtime.db) };
	}

	async function refused(method: string, url: string, body?: unknown) {
		const { response, before, after } = await attempt(method, url, body, world.admin);
		assert.equal(response.status, 403, await response.clone().text());
		assert.equal(((await response.json()) as { code: string }).code, "forbidden");
		assertUnchanged(before, after, `${method} ${url}`);
	}

	async function instanceAdmin() {
		return makeAccount(runtime, world.tenant, { roles: ["instance_admin"] });
	}

	test("granting instance_admin: 403 forbidden, nothing changed", () =>
		refused("POST", `/api/accounts/${world.target.id}/roles`, {
			role: "instance_admin",
			orgUnitId: null,
		}));

	test("ending an instance_admin assignment: 403 forbidden, nothing changed", async () => {
		const holder = await instanceAdmin();
		const assignment = (await listRoleAssignments(runtime.db, world.tenant.id, [holder.id]))[0];
		assert.ok(assignment);
		await refused("DELETE", `/api/accounts/${holder.id}/roles/${assignment.id}`);
	});

	for (const reset of ["password-reset", "mfa-reset"]) {
		test(`${reset} of an instance administrator: 403 forbidden, nothing changed`, async () => {
			await refused("POST", `/api/accounts/${(await instanceAdmin()).id}/${reset}`);
		});

		test(`${reset} of an instance administrator by an instance administrator: served`, async () => {
			const url = `/api/accounts/${(await instanceAdmin()).id}/${reset}`;
			const { response } = await attempt("POST", url, undefined, world.root);
			assert.equal(response.status, 200, await response.text());
		});
	}
});
