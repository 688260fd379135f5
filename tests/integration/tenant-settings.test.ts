import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * The tenant's date style (和暦 or 西暦): its administrator changes it over the API, the change
 * is audited, the session carries it to the screens, and exports write dates that way.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
after(() => runtime.cleanup());

let tenant: TenantRow;
let admin: TestClient;
let ciso: TestClient;

before(async () => {
	tenant = await makeTenant(runtime);
	admin = new TestClient(
		app,
		await openSession(runtime, await makeAccount(runtime, tenant, { roles: ["tenant_admin"] })),
	);
	ciso = new TestClient(
		app,
		await openSession(runtime, await makeAccount(runtime, tenant, { roles: ["ciso"] })),
	);
});

async function exportedTimes(): Promise<string[]> {
	const response = await admin.get("/api/audit-events/export.csv");
	assert.equal(response.status, 200);
	const table = await readTable(new Uint8Array(await response.arrayBuffer()));
	return table.rows.slice(1).map((row) => row[1] ?? "");
}

async function sessionStyle(client: TestClient): Promise<string | undefined> {
	const info = (await (await client.get("/api/auth/session")).json()) as {
		session: { tenant: { dateStyle: string } } | null;
	};
	return info.session?.tenant.dateStyle;
}

test("a new tenant writes dates in 和暦, on screen (the session) and in exports", async () => {
	const settings = await admin.get("/api/tenant/settings");
	assert.equal(settings.status, 200);
	assert.deepEqual(await settings.json(), {
		dateStyle: "wareki",
		incidentPreliminaryDays: null,
		packPreliminaryDays: 5,
		allowedActions: ["change"],
	});
	assert.equal(await sessionStyle(ciso), "wareki");
	const times = await exportedTimes();
	assert.ok(times.length > 0);
	for (const time of times) assert.match(time, /^令和\d+年\d+月\d+日 \d{2}:\d{2}:\d{2}$/u);
});

test("the administrator switches to 西暦: audited, and every reader and export follows", async () => {
	const before = (await auditEvents(runtime.db, tenant.id)).length;
	const changed = await admin.request("PUT", "/api/tenant/settings", { dateStyle: "seireki" });
	assert.equal(changed.status, 200);
	assert.equal(((await changed.json()) as { dateStyle: string }).dateStyle, "seireki");
	const events = (await auditEvents(runtime.db, tenant.id)).slice(before);
	assert.deepEqual(
		events.map((e) => [e.type, e.payload, e.record_type]),
		[
			[
				"tenant.settings_changed",
				{
					before: { dateStyle: "wareki", incidentPreliminaryDays: null },
					after: { dateStyle: "seireki", incidentPreliminaryDays: null },
				},
				"tenant",
			],
		],
	);
	assert.equal(await sessionStyle(ciso), "seireki");
	for (const time of await exportedTimes()) {
		assert.match(time, /^20\d\d年\d+月\d+日 \d{2}:\d{2}:\d{2}$/u);
	}
});

test("only the tenant administrator changes it; a bad value is refused and nothing changes", async () => {
	const read = await ciso.get("/api/tenant/settings");
	assert.equal(read.status, 200);
	assert.deepEqual(((await read.json()) as { allowedActions: string[] }).allowedActions, []);
	const refused = await ciso.request("PUT", "/api/tenant/settings", { dateStyle: "wareki" });
	assert.equal(refused.status, 403);
	const bad = await admin.request("PUT", "/api/tenant/settings", { dateStyle: "heisei" });
	assert.equal(bad.status, 400);
	assert.equal(await sessionStyle(admin), "seireki");
});
