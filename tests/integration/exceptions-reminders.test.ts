import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import type { ExceptionView } from "../../src/modules/exceptions/exceptions.schemas.ts";
import { expireExceptions } from "../../src/modules/exceptions/expire-exceptions.ts";
import { loadBundledPack, validatePack } from "../../src/modules/policies/pack/load-pack.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { unitOf } from "../helpers/asset-world.ts";
import { dayFromToday, flowException } from "../helpers/exception-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Reminders before an exception's end: the lead time is the pack's
 * (`organisation.approvals.exception.reminderDays`, 14 when absent), and a reminder shows in the
 * app (Home's work list and the exceptions page), not only by mail, until it no longer stands.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

async function person(tenant: TenantRow, roles: Role[]) {
	const account = await makeAccount(runtime, tenant, { roles });
	return { account, client: await activeClient(runtime, app, account) };
}

/** A tenant on the standard pack with `reminderDays` set (or left out). */
async function tenantReminding(days: number | undefined) {
	const pack = structuredClone(loadBundledPack("standard"));
	if (days === undefined) delete pack.organisation.approvals.exception.reminderDays;
	else pack.organisation.approvals.exception.reminderDays = days;
	return inTransaction(runtime.db, (tx) =>
		createTenant(
			tx,
			{ label: "test", ip: null },
			{ slug: unique("remind"), name: "通知町", pack, packSource: "file:test" },
		),
	);
}

/** An approved exception of the manager's unit ending `endsIn` days from today. */
async function approvedEnding(tenant: TenantRow, endsIn: number) {
	const manager = await person(tenant, ["section_manager"]);
	const ciso = await person(tenant, ["ciso"]);
	const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
	const made = await expectJson<ExceptionView>(
		await manager.client.post(
			"/api/exceptions",
			flowException(unitId, { startsOn: dayFromToday(-60), endsOn: dayFromToday(endsIn) }),
		),
		201,
	);
	const approved = await expectJson<ExceptionView>(
		await ciso.client.post(`/api/exceptions/${made.id}/approve`, { version: 1, reason: "" }),
	);
	return { manager, ciso, exception: approved };
}

interface Work {
	items: { kind: string; count: number }[];
}
interface Reminders {
	items: { exceptionId: string; reference: string; clause: string; endsOn: string }[];
}

test("the pack's reminderDays sets the lead time; absent, it is 14 days", () => {
	const pack = structuredClone(loadBundledPack("standard"));
	pack.organisation.approvals.exception.reminderDays = 30;
	assert.equal(validatePack(pack).organisation.approvals.exception.reminderDays, 30);
	pack.organisation.approvals.exception.reminderDays = 0;
	assert.throws(() => validatePack(pack));
});

test("with reminderDays 30, an exception ending in 20 days is reminded; on the default 14 it is not yet", async () => {
	const reminding = await tenantReminding(30);
	const thirty = await approvedEnding(reminding, 20);
	const outcome = await expireExceptions(runtime, reminding.id);
	assert.deepEqual(
		outcome.reminded.map((r) => r.reference),
		[thirty.exception.reference],
	);

	const standard = await makeTenant(runtime);
	const fourteen = await approvedEnding(standard, 20);
	assert.deepEqual((await expireExceptions(runtime, standard.id)).reminded, []);
	// Nine days later it is within 14 days.
	const later = new Date(Date.now() + 9 * 86_400_000);
	assert.deepEqual(
		(await expireExceptions(runtime, standard.id, later)).reminded.map((r) => r.reference),
		[fourteen.exception.reference],
	);
	const silent = await tenantReminding(undefined);
	await approvedEnding(silent, 10);
	assert.equal((await expireExceptions(runtime, silent.id)).reminded.length, 1, "absent: 14 days");
});

test("a reminder shows on Home and on the exceptions page until the exception is withdrawn or ends", async () => {
	const tenant = await makeTenant(runtime);
	const { manager, ciso, exception } = await approvedEnding(tenant, 5);
	const bystander = await person(tenant, ["section_manager"]);
	const kinds = async (client: typeof manager.client) =>
		(await expectJson<Work>(await client.get("/api/my-work"))).items;

	// Nothing before the daily job has told anyone.
	assert.equal(
		(await expectJson<Reminders>(await manager.client.get("/api/exceptions/reminders"))).items
			.length,
		0,
	);
	assert.ok(!(await kinds(manager.client)).some((item) => item.kind === "exception_reminders"));

	await expireExceptions(runtime, tenant.id);
	for (const who of [manager, ciso]) {
		assert.ok(
			(await kinds(who.client)).some(
				(item) => item.kind === "exception_reminders" && item.count === 1,
			),
		);
		const listed = await expectJson<Reminders>(await who.client.get("/api/exceptions/reminders"));
		assert.deepEqual(
			listed.items.map((item) => [item.exceptionId, item.reference, item.endsOn, item.clause]),
			[[exception.id, exception.reference, exception.endsOn, exception.clause]],
		);
	}
	// Someone not told sees nothing.
	assert.deepEqual(
		(await expectJson<Reminders>(await bystander.client.get("/api/exceptions/reminders"))).items,
		[],
	);

	// Ended early by the unit: the reminder no longer stands.
	const current = await expectJson<ExceptionView>(
		await manager.client.get(`/api/exceptions/${exception.id}`),
	);
	await expectJson(
		await manager.client.post(`/api/exceptions/${exception.id}/withdraw`, {
			version: current.version,
		}),
	);
	assert.deepEqual(
		(await expectJson<Reminders>(await manager.client.get("/api/exceptions/reminders"))).items,
		[],
	);
	assert.ok(!(await kinds(ciso.client)).some((item) => item.kind === "exception_reminders"));
});
