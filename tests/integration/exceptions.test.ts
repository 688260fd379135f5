import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { activeExceptions } from "../../src/modules/exceptions/active-exceptions.ts";
import type { ExceptionView } from "../../src/modules/exceptions/exceptions.schemas.ts";
import { expireExceptions } from "../../src/modules/exceptions/expire-exceptions.ts";
import { saveNetworkModel } from "../../src/modules/network/save-model.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { dayFromToday, flowException } from "../helpers/exception-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { sampleNetworkModel } from "../helpers/network-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * 例外措置 over HTTP: a unit's 管理者 requests an exception for a flow of the network model, the
 * pack's approver decides, the network check shows the flow as 例外 with the reference while it
 * is in force and as a violation again once it has lapsed; the periodic report lists it.
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

/** A tenant whose stored network model is the sample (its flow `f-bad` breaks the rules). */
async function networkedTenant(tenant?: TenantRow) {
	const made = tenant ?? (await makeTenant(runtime));
	await inTransaction(runtime.db, (tx) =>
		saveNetworkModel(tx, systemActor(made.id, "test"), sampleNetworkModel(), { source: "edit" }),
	);
	return made;
}

interface NetworkView {
	check: {
		report: {
			compliant: boolean;
			excepted?: number;
			flows: { id: string; verdict: string }[];
			violations: { flow: string | null; exception?: { reference: string } | null }[];
		};
	};
}

async function flowVerdict(client: { get(path: string): Promise<Response> }, flow: string) {
	const view = await expectJson<NetworkView>(await client.get("/api/network/model"));
	return {
		verdict: view.check.report.flows.find((f) => f.id === flow)?.verdict,
		references: view.check.report.violations
			.filter((v) => v.flow === flow)
			.map((v) => v.exception?.reference ?? null),
		compliant: view.check.report.compliant,
	};
}

describe("exceptions", () => {
	test("a manager requests, the CISO approves; the flow is 例外 with the reference, then a violation after the end", async () => {
		const tenant = await networkedTenant();
		const manager = await person(tenant, ["section_manager"]);
		const ciso = await person(tenant, ["ciso"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");

		const before = await flowVerdict(ciso.client, "f-bad");
		assert.equal(before.verdict, "violation");
		assert.ok(before.references.every((reference) => reference === null));

		const requested = await expectJson<ExceptionView>(
			await manager.client.post(
				"/api/exceptions",
				flowException(unitId, { endsOn: dayFromToday(80) }),
			),
			201,
		);
		assert.match(requested.reference, /^例外-R\d+-0001$/);
		assert.equal(requested.state, "requested");
		// A request covers nothing until approved.
		assert.equal((await flowVerdict(ciso.client, "f-bad")).verdict, "violation");
		assert.deepEqual(requested.allowedActions, ["withdraw"]);

		const seen = await expectJson<ExceptionView>(
			await ciso.client.get(`/api/exceptions/${requested.id}`),
		);
		assert.deepEqual(seen.allowedActions, ["approve", "refuse", "withdraw"]);
		const approved = await expectJson<ExceptionView>(
			await ciso.client.post(`/api/exceptions/${requested.id}/approve`, {
				version: requested.version,
				reason: "代替措置を確認した",
			}),
		);
		assert.equal(approved.state, "approved");
		assert.equal(approved.inForce, true);
		assert.equal(approved.decision?.as, "ciso");

		const during = await flowVerdict(ciso.client, "f-bad");
		assert.equal(during.verdict, "exception");
		assert.ok(during.references.length > 0);
		assert.ok(during.references.every((reference) => reference === requested.reference));
		assert.equal(during.compliant, false, "an exception is not compliance");

		// Not in force on the day after its end, even before the job runs.
		const dayAfter = new Date(
			Date.parse(`${approved.endsOn}T00:00:00+09:00`) + 86_400_000 + 3600_000,
		);
		assert.deepEqual(await activeExceptions(runtime.db, tenant.id, dayAfter), []);
		assert.equal((await activeExceptions(runtime.db, tenant.id)).length, 1);

		// The daily job marks it lapsed after the end; the flow is a violation again.
		const outcome = await expireExceptions(runtime, tenant.id, dayAfter);
		assert.deepEqual(outcome.lapsed, [requested.reference]);
		const after = await flowVerdict(ciso.client, "f-bad");
		assert.equal(after.verdict, "violation");
		assert.ok(after.references.every((reference) => reference === null));
		const lapsed = await expectJson<ExceptionView>(
			await ciso.client.get(`/api/exceptions/${requested.id}`),
		);
		assert.equal(lapsed.state, "lapsed");
		assert.deepEqual(lapsed.allowedActions, ["renew"]);
		// A second run finds nothing to do.
		assert.deepEqual((await expireExceptions(runtime, tenant.id, dayAfter)).lapsed, []);

		const types = (await auditEvents(runtime.db, tenant.id)).map((event) => event.type);
		for (const type of ["exception.requested", "exception.approved", "exception.lapsed"]) {
			assert.ok(types.includes(type), `${type} is logged`);
		}
	});

	test("a refusal needs a reason; a manager of another unit neither sees nor requests", async () => {
		const tenant = await networkedTenant();
		const manager = await person(tenant, ["section_manager"]);
		const other = await person(tenant, ["section_manager"]);
		const ciso = await person(tenant, ["ciso"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const requested = await expectJson<ExceptionView>(
			await manager.client.post("/api/exceptions", flowException(unitId)),
			201,
		);

		const refusedBlank = await expectProblem(
			await ciso.client.post(`/api/exceptions/${requested.id}/refuse`, {
				version: 1,
				reason: "  ",
			}),
			400,
			"validation_failed",
		);
		assert.equal(refusedBlank.issues?.[0]?.code, "exception_refusal_reason_required");
		// The manager may not decide at all.
		await expectProblem(
			await manager.client.post(`/api/exceptions/${requested.id}/approve`, {
				version: 1,
				reason: "",
			}),
			403,
			"forbidden",
		);
		const refused = await expectJson<ExceptionView>(
			await ciso.client.post(`/api/exceptions/${requested.id}/refuse`, {
				version: 1,
				reason: "代替措置が不十分",
			}),
		);
		assert.equal(refused.state, "refused");
		assert.equal(refused.decision?.reason, "代替措置が不十分");
		const again = await expectProblem(
			await ciso.client.post(`/api/exceptions/${requested.id}/approve`, { version: 2, reason: "" }),
			409,
			"conflict",
		);
		assert.equal(again.issues?.[0]?.code, "exception_step_not_allowed");
		assert.equal((await flowVerdict(ciso.client, "f-bad")).verdict, "violation");

		await expectProblem(
			await other.client.get(`/api/exceptions/${requested.id}`),
			404,
			"not_found",
		);
		const list = await expectJson<{ total: number }>(await other.client.get("/api/exceptions"));
		assert.equal(list.total, 0);
		const notTheirs = await expectProblem(
			await other.client.post("/api/exceptions", flowException(unitId)),
			403,
			"forbidden",
		);
		assert.equal(notTheirs.issues?.[0]?.code, "exception_not_unit_manager");
		const refusedEvent = (await auditEvents(runtime.db, tenant.id)).find(
			(event) => event.type === "exception.refused",
		);
		assert.equal(refusedEvent?.payload.reason, "代替措置が不十分");
	});

	test("the approver comes from the pack: without a delegate, 統括 is refused with a code", async () => {
		const pack = structuredClone(loadBundledPack("standard"));
		delete pack.organisation.approvals.exception.delegate;
		const tenant = await inTransaction(runtime.db, (tx) =>
			createTenant(
				tx,
				{ label: "test", ip: null },
				{ slug: `nodelegate-${Date.now()}`, name: "委任なし町", pack, packSource: "file:test" },
			),
		);
		const unit = await inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, systemActor(tenant.id, "test"), {
				code: "ou-1",
				name: "情報政策課",
				kind: "section",
				parentId: null,
			}),
		);
		const chief = await person(tenant, ["chief_officer"]);
		const ciso = await person(tenant, ["ciso"]);
		const requested = await expectJson<ExceptionView>(
			await chief.client.post("/api/exceptions", flowException(unit.id)),
			201,
		);
		const options = await expectJson<{ deciders: string[] }>(
			await chief.client.get("/api/exceptions/options"),
		);
		assert.deepEqual(options.deciders, ["ciso"]);
		const refused = await expectProblem(
			await chief.client.post(`/api/exceptions/${requested.id}/approve`, {
				version: 1,
				reason: "",
			}),
			403,
			"forbidden",
		);
		assert.equal(refused.issues?.[0]?.code, "exception_not_approver");
		await expectJson(
			await ciso.client.post(`/api/exceptions/${requested.id}/approve`, { version: 1, reason: "" }),
		);

		// On the bundled pack the delegate (統括) decides.
		const standard = await networkedTenant();
		const delegate = await person(standard, ["chief_officer"]);
		const unitB = await inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, systemActor(standard.id, "test"), {
				code: "ou-2",
				name: "情報政策課",
				kind: "section",
				parentId: null,
			}),
		);
		const other = await expectJson<ExceptionView>(
			await delegate.client.post("/api/exceptions", flowException(unitB.id)),
			201,
		);
		const decided = await expectJson<ExceptionView>(
			await delegate.client.post(`/api/exceptions/${other.id}/approve`, { version: 1, reason: "" }),
		);
		assert.equal(decided.decision?.as, "chief_officer");
	});

	test("reminders before the end, once; a renewal is a new request with its own reference", async () => {
		const tenant = await networkedTenant();
		const manager = await person(tenant, ["section_manager"]);
		const ciso = await person(tenant, ["ciso"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const requested = await expectJson<ExceptionView>(
			await manager.client.post(
				"/api/exceptions",
				flowException(unitId, { startsOn: dayFromToday(-30), endsOn: dayFromToday(5) }),
			),
			201,
		);
		await expectJson(
			await ciso.client.post(`/api/exceptions/${requested.id}/approve`, { version: 1, reason: "" }),
		);
		const first = await expireExceptions(runtime, tenant.id);
		assert.equal(first.reminded.length, 1);
		assert.deepEqual(
			new Set(first.reminded[0]?.accountIds),
			new Set([manager.account.id, ciso.account.id]),
		);
		assert.equal((await expireExceptions(runtime, tenant.id)).reminded.length, 0, "told once");
		const notices = await runtime.db
			.selectFrom("exception_notices")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.execute();
		assert.equal(notices.length, 2);

		const renewal = await expectJson<ExceptionView>(
			await manager.client.post(`/api/exceptions/${requested.id}/renew`, {
				startsOn: dayFromToday(6),
				endsOn: dayFromToday(96),
				reason: "更新が次年度になったため。",
			}),
			201,
		);
		assert.notEqual(renewal.reference, requested.reference);
		assert.equal(renewal.state, "requested");
		assert.equal(renewal.renewalOf?.reference, requested.reference);
		assert.deepEqual(renewal.networkFlows, ["f-bad"]);
	});

	test("the periodic report as CSV and XLSX, audit-logged", async () => {
		const tenant = await networkedTenant();
		const ciso = await person(tenant, ["ciso"]);
		const unit = await inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, systemActor(tenant.id, "test"), {
				code: "ou-x",
				name: "市民課",
				kind: "section",
				parentId: null,
			}),
		);
		const made = await expectJson<ExceptionView>(
			await ciso.client.post("/api/exceptions", flowException(unit.id)),
			201,
		);
		await expectJson(
			await ciso.client.post(`/api/exceptions/${made.id}/approve`, { version: 1, reason: "" }),
		);

		const csv = await ciso.client.get("/api/exceptions/export?format=csv&state=approved");
		assert.equal(csv.status, 200);
		const text = await csv.text();
		assert.match(text, /例外番号/);
		assert.ok(text.includes(made.reference));
		assert.ok(text.includes("市民課"));
		assert.ok(text.includes("承認"));

		const xlsx = await ciso.client.get("/api/exceptions/export?format=xlsx");
		assert.equal(xlsx.status, 200);
		const table = await readTable(new Uint8Array(await xlsx.arrayBuffer()));
		assert.equal(table.rows[0]?.[0], "例外番号");
		assert.equal(table.rows[1]?.[0], made.reference);
		const exported = (await auditEvents(runtime.db, tenant.id)).filter(
			(event) => event.type === "exception.exported",
		);
		assert.equal(exported.length, 2);

		const manager = await person(tenant, ["section_manager"]);
		await expectProblem(await manager.client.get("/api/exceptions/export"), 403, "forbidden");
	});

	test("an exception in force shows on the asset it covers, with its reference, clause and period", async () => {
		const tenant = await networkedTenant();
		const manager = await person(tenant, ["section_manager"]);
		const ciso = await person(tenant, ["ciso"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const covered = await makeAsset(runtime, tenant.id, unitId);
		const other = await makeAsset(runtime, tenant.id, unitId, { name: "財務会計システム" });
		const requested = await expectJson<ExceptionView>(
			await manager.client.post(
				"/api/exceptions",
				flowException(unitId, { assetIds: [covered.id], networkRule: "tier-isolation" }),
			),
			201,
		);
		assert.deepEqual(requested.assets, [{ id: covered.id, name: covered.name }]);
		interface AssetWithExceptions {
			exceptions?: {
				id: string;
				reference: string;
				clause: string;
				networkRule: string | null;
				startsOn: string;
				endsOn: string;
			}[];
		}
		const exceptionsOf = async (id: string) =>
			(await expectJson<AssetWithExceptions>(await manager.client.get(`/api/assets/${id}`)))
				.exceptions;
		// A request covers nothing until approved.
		assert.deepEqual(await exceptionsOf(covered.id), []);

		await expectJson(
			await ciso.client.post(`/api/exceptions/${requested.id}/approve`, { version: 1, reason: "" }),
		);
		assert.deepEqual(await exceptionsOf(covered.id), [
			{
				id: requested.id,
				reference: requested.reference,
				clause: requested.clause,
				networkRule: "tier-isolation",
				startsOn: requested.startsOn,
				endsOn: requested.endsOn,
			},
		]);
		assert.deepEqual(await exceptionsOf(other.id), []);
		// The list of the ledger does not carry them.
		const list = await expectJson<{ items: AssetWithExceptions[] }>(
			await manager.client.get("/api/assets"),
		);
		assert.ok(list.items.every((item) => item.exceptions === undefined));

		// Ended early by the unit: the asset is no longer covered.
		await expectJson(
			await manager.client.post(`/api/exceptions/${requested.id}/withdraw`, { version: 2 }),
		);
		assert.deepEqual(await exceptionsOf(covered.id), []);
	});

	test("a manager withdraws a request: it is never decided, covers nothing, and is logged", async () => {
		const tenant = await networkedTenant();
		const manager = await person(tenant, ["section_manager"]);
		const other = await person(tenant, ["section_manager"]);
		const ciso = await person(tenant, ["ciso"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const requested = await expectJson<ExceptionView>(
			await manager.client.post("/api/exceptions", flowException(unitId)),
			201,
		);
		// A manager of another unit does not see it, so may not withdraw it.
		await expectProblem(
			await other.client.post(`/api/exceptions/${requested.id}/withdraw`, { version: 1 }),
			404,
			"not_found",
		);
		// A stale version is refused.
		const stale = await expectProblem(
			await manager.client.post(`/api/exceptions/${requested.id}/withdraw`, { version: 7 }),
			409,
			"conflict",
		);
		assert.equal(stale.issues?.[0]?.code, "stale_version");

		const withdrawn = await expectJson<ExceptionView>(
			await manager.client.post(`/api/exceptions/${requested.id}/withdraw`, { version: 1 }),
		);
		assert.equal(withdrawn.state, "withdrawn");
		assert.equal(withdrawn.inForce, false);
		assert.deepEqual(withdrawn.allowedActions, []);
		assert.equal(withdrawn.decision, null);

		// Nothing is left to decide or withdraw.
		const decided = await expectProblem(
			await ciso.client.post(`/api/exceptions/${requested.id}/approve`, { version: 2, reason: "" }),
			409,
			"conflict",
		);
		assert.equal(decided.issues?.[0]?.code, "exception_step_not_allowed");
		const twice = await expectProblem(
			await manager.client.post(`/api/exceptions/${requested.id}/withdraw`, { version: 2 }),
			409,
			"conflict",
		);
		assert.equal(twice.issues?.[0]?.code, "exception_step_not_allowed");
		assert.equal((await flowVerdict(ciso.client, "f-bad")).verdict, "violation");
		assert.deepEqual(await activeExceptions(runtime.db, tenant.id), []);

		const listed = await expectJson<{ items: { id: string; state: string }[] }>(
			await ciso.client.get("/api/exceptions?state=withdrawn"),
		);
		assert.deepEqual(
			listed.items.map((item) => [item.id, item.state]),
			[[requested.id, "withdrawn"]],
		);
		const event = (await auditEvents(runtime.db, tenant.id)).find(
			(e) => e.type === "exception.withdrawn",
		);
		assert.equal(event?.payload.reference, requested.reference);
		assert.equal(event?.payload.from, "requested");
	});
});
