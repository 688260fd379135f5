import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import {
	AUDIT_EVENT_SCHEMAS,
	type AuditEventType,
} from "../../src/modules/audit-log/audit-log.events.ts";
import { recordAudit } from "../../src/modules/audit-log/record-audit.ts";
import { verifyTenantChain } from "../../src/modules/audit-log/verify-chain.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { Problem } from "../../src/shared/problem.ts";
import { auditEvents, auditHead, breakAuditInserts, countRows } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

async function adminOf() {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin", "instance_admin"] });
	return { tenant, admin, client: await activeClient(runtime, app, admin) };
}

/** The events written since `fromSeq`, in order. */
async function eventsAfter(tenantId: string, fromSeq: number) {
	return (await auditEvents(runtime.db, tenantId)).filter((e) => e.seq > fromSeq);
}

test("each state change writes its typed event, with actor, record and before/after", async () => {
	const { tenant, admin, client } = await adminOf();
	const staff = await makeAccount(runtime, tenant);
	const start = (await auditHead(runtime.db, tenant.id)).seq;

	await expectJson(
		await client.patch(`/api/accounts/${staff.id}`, { displayName: "山田 花子", disabled: true }),
	);
	const unit = await expectJson<{ id: string }>(
		await client.post("/api/org-units", { code: "it", name: "情報政策課", kind: "section" }),
		201,
	);
	const assigned = await expectJson<{ roles: { id: string }[] }>(
		await client.post(`/api/accounts/${staff.id}/roles`, {
			role: "section_manager",
			orgUnitId: unit.id,
		}),
		201,
	);
	const assignmentId = assigned.roles[0]?.id ?? assert.fail("assigned");
	await expectJson(await client.delete(`/api/accounts/${staff.id}/roles/${assignmentId}`));
	const created = await expectJson<{ account: { id: string } }>(
		await client.post("/api/accounts", { username: "new.clerk", displayName: "新人 職員" }),
		201,
	);

	const events = await eventsAfter(tenant.id, start);
	assert.deepEqual(
		events.map((e) => e.type),
		["account.updated", "org_unit.created", "role.assigned", "role.revoked", "account.created"],
	);
	for (const event of events) {
		assert.equal(event.actor_id, admin.id, `${event.type} names its actor`);
		assert.equal(event.actor_label, "テスト 職員");
		const parsed = AUDIT_EVENT_SCHEMAS[event.type as AuditEventType].safeParse(event.payload);
		assert.ok(parsed.success, `${event.type} matches its schema`);
	}
	const [updated, unitCreated, roleAssigned, roleRevoked, accountCreated] = events;
	assert.deepEqual([updated?.record_type, updated?.record_id], ["account", staff.id]);
	assert.deepEqual(updated?.payload, {
		before: {
			username: staff.username,
			displayName: "テスト 職員",
			email: null,
			worksInMynumber: false,
			disabled: false,
		},
		after: {
			username: staff.username,
			displayName: "山田 花子",
			email: null,
			worksInMynumber: false,
			disabled: true,
		},
	});
	assert.deepEqual([unitCreated?.record_type, unitCreated?.record_id], ["org_unit", unit.id]);
	assert.deepEqual(unitCreated?.payload, {
		code: "it",
		name: "情報政策課",
		kind: "section",
		parentId: null,
		// After the standard pack's six agencies (10 … 60), in steps of 10.
		displayOrder: 70,
	});
	assert.equal(roleAssigned?.record_id, staff.id);
	assert.deepEqual(
		[roleAssigned?.payload.role, roleAssigned?.payload.orgUnitId, roleAssigned?.payload.validTo],
		["section_manager", unit.id, null],
	);
	assert.equal(roleRevoked?.payload.assignmentId, assignmentId);
	assert.equal(typeof roleRevoked?.payload.validTo, "string", "the revocation records its end");
	assert.equal(accountCreated?.record_id, created.account.id);
	assert.deepEqual(accountCreated?.payload, {
		after: {
			username: "new.clerk",
			displayName: "新人 職員",
			email: null,
			worksInMynumber: false,
			disabled: false,
		},
	});
	assert.ok(
		events.every((e) => !/password|secret|hash/i.test(JSON.stringify(e.payload))),
		"no credentials in the log",
	);
});

test("a new tenant's chain starts with tenant.created, naming who created it", async () => {
	const { admin, client } = await adminOf();
	await expectJson(
		await client.post("/api/tenants", { slug: "new-town", name: "新町", pack: "standard" }),
		201,
	);
	const tenant = (await findTenantBySlug(runtime.db, "new-town")) ?? assert.fail("created");
	const events = await auditEvents(runtime.db, tenant.id);
	assert.deepEqual(
		events.slice(0, 2).map((e) => e.type),
		["tenant.created", "policy_pack.installed"],
	);
	assert.ok(
		events.slice(2).every((e) => e.type === "org_unit.created"),
		"then the pack's agencies, and nothing else",
	);
	assert.deepEqual(
		[events[0]?.seq, events[0]?.type, events[0]?.record_id, events[0]?.payload],
		[1, "tenant.created", tenant.id, { slug: "new-town", name: "新町", pack: "standard" }],
	);
	assert.equal(events[0]?.prev_hash, "0".repeat(64));
	assert.match(events[0]?.actor_label ?? "", new RegExp(admin.id));
});

test("a change is undone when its audit event cannot be written", async () => {
	const { tenant, client } = await adminOf();
	const staff = await makeAccount(runtime, tenant);
	const eventsBefore = await countRows(runtime.db, "audit_events", tenant.id);
	const restore = await breakAuditInserts(runtime);
	let response: Response;
	try {
		response = await client.patch(`/api/accounts/${staff.id}`, { displayName: "記録されない名前" });
	} finally {
		await restore();
	}
	await expectProblem(response, 500, "internal");
	const account = await runtime.db
		.selectFrom("accounts")
		.select("display_name")
		.where("id", "=", staff.id)
		.executeTakeFirstOrThrow();
	assert.equal(account.display_name, "テスト 職員", "the update was rolled back with the event");
	assert.equal(await countRows(runtime.db, "audit_events", tenant.id), eventsBefore);
	assert.equal((await verifyTenantChain(runtime.db, tenant)).intact, true);
});

test("data that does not match the event's schema is refused and nothing is written", async () => {
	const tenant = await makeTenant(runtime);
	const context = { tenantId: tenant.id, actorId: null, actorLabel: "test", ip: null };
	const head = await auditHead(runtime.db, tenant.id);
	const bad: [AuditEventType, unknown][] = [
		["auth.password_changed", { sessionsRevoked: "two" }],
		["auth.login_succeeded", { method: "telepathy" }],
		["account.updated", { before: {} }],
		["audit.exported", {}],
	];
	for (const [type, data] of bad) {
		await assert.rejects(
			inTransaction(runtime.db, (tx) => recordAudit(tx, context, type, data as never)),
			(error) =>
				error instanceof Problem && error.code === "internal" && error.message.includes(type),
		);
	}
	assert.deepEqual(await auditHead(runtime.db, tenant.id), head);
	assert.equal(await countRows(runtime.db, "audit_events", tenant.id), head.seq);
});

test("fields outside an event's schema are not stored", async () => {
	const tenant = await makeTenant(runtime);
	const context = { tenantId: tenant.id, actorId: null, actorLabel: "test", ip: "192.0.2.7" };
	await inTransaction(runtime.db, (tx) =>
		recordAudit(
			tx,
			context,
			"auth.password_changed",
			{ sessionsRevoked: 1, newPassword: "hunter2" } as never,
			{ recordType: "account", recordId: "a-1" },
		),
	);
	const last = (await auditEvents(runtime.db, tenant.id)).at(-1);
	assert.deepEqual(last?.payload, { sessionsRevoked: 1 });
	assert.deepEqual([last?.ip, last?.record_type, last?.record_id], ["192.0.2.7", "account", "a-1"]);
});
