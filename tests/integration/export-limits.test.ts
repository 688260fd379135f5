import assert from "node:assert/strict";
import { after, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { exportTakeOuts } from "../../src/modules/assets/take-outs/export-take-outs.ts";
import { openTakeOutDesk } from "../../src/modules/assets/take-outs/take-out-desk.ts";
import { exportAuditCsv } from "../../src/modules/audit-log/export-audit.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { exportRisks } from "../../src/modules/risks/export-risks.ts";
import { openRegister } from "../../src/modules/risks/register.ts";
import { riskExportQuerySchema } from "../../src/modules/risks/risks.schemas.ts";
import { Problem } from "../../src/shared/problem.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { approverActor, makeTakeOut } from "../helpers/custody-world.ts";
import { makeTenant } from "../helpers/factories.ts";
import { makeOrgUnit } from "../helpers/org-factories.ts";
import { makeRisk } from "../helpers/risk-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * An export is whole or refused: a filter that matches more rows than one file may carry gets a
 * clear error naming the count and the limit, and no file, rather than a file cut short.
 */

const runtime = await createTestRuntime();
after(() => runtime.cleanup());

async function refused(work: Promise<unknown>, total: number, max: number) {
	await assert.rejects(work, (error: unknown) => {
		assert.ok(error instanceof Problem, String(error));
		assert.equal(error.code, "validation_failed");
		assert.match(
			error.message,
			new RegExp(`matches ${total} rows; one export holds at most ${max}: narrow the filter`),
		);
		return true;
	});
}

const exportEvents = async (tenantId: string, type: string) =>
	(await auditEvents(runtime.db, tenantId)).filter((event) => event.type === type).length;

test("take-outs: over the limit is refused and nothing is logged; at the limit the file is whole", async () => {
	const tenant = await makeTenant(runtime);
	const unitId = (await makeOrgUnit(runtime, tenant)).id;
	await makeTakeOut(runtime, tenant.id, unitId);
	await makeTakeOut(runtime, tenant.id, unitId);
	await makeTakeOut(runtime, tenant.id, unitId);
	const desk = await openTakeOutDesk(runtime.db, approverActor(tenant.id));
	await refused(exportTakeOuts(runtime.db, desk, { view: "all" }, "csv", undefined, 2), 3, 2);
	assert.equal(await exportEvents(tenant.id, "take_out.exported"), 0);
	const whole = await exportTakeOuts(runtime.db, desk, { view: "all" }, "csv", undefined, 3);
	assert.equal(whole.rows, 3);
});

test("risks: over the limit is refused; a narrower filter fits", async () => {
	const tenant = await makeTenant(runtime);
	const unitId = (await makeOrgUnit(runtime, tenant)).id;
	await makeRisk(runtime, tenant.id, unitId, { title: "停電によるサーバ停止" });
	await makeRisk(runtime, tenant.id, unitId, { title: "USBメモリの紛失" });
	const register = await openRegister(runtime.db, systemActor(tenant.id, "test"));
	const { format: _format, ...all } = riskExportQuerySchema.parse({});
	await refused(exportRisks(runtime.db, register, all, "csv", 1), 2, 1);
	assert.equal(await exportEvents(tenant.id, "risk.exported"), 0);
	const narrow = await exportRisks(runtime.db, register, { ...all, q: "USB" }, "csv", 1);
	assert.match(String(narrow.body), /USBメモリの紛失/);
});

test("audit log: over the limit is refused and not itself logged; within it every event is there", async () => {
	const tenant = await makeTenant(runtime);
	const auditor: Actor = {
		tenantId: tenant.id,
		accountId: "auditor",
		label: "監査人（テスト）",
		roles: [{ role: "auditor", orgUnitId: null }],
		ip: null,
	};
	const before = (await auditEvents(runtime.db, tenant.id)).length;
	assert.ok(before >= 2, "creating a tenant leaves events");
	await refused(exportAuditCsv(runtime.db, auditor, {}, before - 1), before, before - 1);
	assert.equal(await exportEvents(tenant.id, "audit.exported"), 0);
	const csv = await exportAuditCsv(runtime.db, auditor, {}, before);
	assert.equal(csv.trim().split("\n").length, before + 1, "a header and every event");
});
