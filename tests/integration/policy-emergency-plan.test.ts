import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { insertTenantPack } from "../../src/modules/policies/pack/tenant-pack.repository.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The emergency response plan (緊急時対応計画) as a policy document: named by the pack (Kitakyushu's
 * plan, Saga's CSIRT procedure), read only by the roles the pack names, drafted from the pack's
 * expected parts, and taken through the same workflow as every document.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface DocumentView {
	id: string;
	kind: string;
	title: string;
	shortName: string;
	publication: string;
	readable: boolean;
	readerRoles?: string[];
	allowedActions: string[];
}
interface VersionView {
	id: string;
	number: number;
	status: string;
	sections: { anchor: string; citation: string; title: string; body: string }[];
}

let tenantCount = 0;
async function tenantOn(pack: "standard" | "saga" | "kitakyushu"): Promise<TenantRow> {
	tenantCount += 1;
	const slug = `plan-${pack}-${tenantCount}-${Math.random().toString(36).slice(2, 6)}`;
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: `${pack}市`, pack }),
	);
}

async function clientWith(tenant: TenantRow, roles: Role[] = []) {
	return activeClient(runtime, app, await makeAccount(runtime, tenant, { roles }));
}

async function documents(client: Awaited<ReturnType<typeof clientWith>>) {
	return (await expectJson<{ items: DocumentView[] }>(await client.get("/api/policy-documents")))
		.items;
}

async function planOf(client: Awaited<ReturnType<typeof clientWith>>) {
	const plan = (await documents(client)).find((d) => d.kind === "emergency_plan");
	assert.ok(plan, "the tenant has its emergency response plan");
	return plan;
}

const PARTS = ["連絡体制", "初動と被害拡大の防止", "復旧", "再発防止", "訓練"];

describe("the plan each pack names", () => {
	test("Kitakyushu: 緊急時対応計画, non-public, read by the chain's roles (no CSIRT)", async () => {
		const tenant = await tenantOn("kitakyushu");
		const staff = await clientWith(tenant);
		const list = await documents(staff);
		assert.deepEqual(
			list.map((d) => [d.kind, d.title, d.publication]),
			[
				["basic_policy", "北九州市情報セキュリティ基本方針", "public"],
				["standards", "情報セキュリティ対策基準", "unknown"],
				["procedures", "情報セキュリティ実施手順", "non_public"],
				// The basic policy does not say whether it is public: kept non-public.
				["emergency_plan", "緊急時対応計画", "non_public"],
			],
		);
		const plan = list[3];
		assert.equal(plan?.readable, false, "plain staff may not read the plan");
		assert.equal(plan?.shortName, "緊急時対応計画");
		for (const [role, readable] of [
			["section_manager", true],
			["department_officer", true],
			["ciso", true],
			["chief_officer", true],
			["csirt", false],
			["auditor", false],
		] as const) {
			const seen = await planOf(await clientWith(tenant, [role]));
			assert.equal(seen.readable, readable, `${role} reads the plan: ${readable}`);
		}
		const detail = await expectJson<DocumentView>(
			await staff.get(`/api/policy-documents/${plan?.id}`),
		);
		assert.deepEqual(detail.readerRoles?.sort(), [
			"chief_officer",
			"ciso",
			"department_officer",
			"section_manager",
		]);
	});

	test("Saga: the CSIRT's incident procedure, which the CSIRT reads; the manual stays closed to it", async () => {
		const tenant = await tenantOn("saga");
		const csirt = await clientWith(tenant, ["csirt"]);
		const list = await documents(csirt);
		const plan = list.find((d) => d.kind === "emergency_plan");
		assert.equal(plan?.title, "情報セキュリティインシデント対応実施手順");
		assert.equal(plan?.readable, true);
		assert.equal(list.find((d) => d.kind === "procedures")?.readable, false);
		assert.deepEqual(
			list.map((d) => d.kind),
			["basic_policy", "standards", "procedures", "emergency_plan", "additional"],
		);
	});
});

describe("drafting and the workflow", () => {
	let tenant: TenantRow;
	let chief: Awaited<ReturnType<typeof clientWith>>;
	let ciso: Awaited<ReturnType<typeof clientWith>>;
	let plan: DocumentView;
	let versionId: string;
	before(async () => {
		tenant = await tenantOn("kitakyushu");
		chief = await clientWith(tenant, ["chief_officer"]);
		ciso = await clientWith(tenant, ["ciso"]);
		plan = await planOf(chief);
	});

	test("a first draft starts from the pack's parts, each with its guidance to replace", async () => {
		const created = await expectJson<{ id: string; number: number }>(
			await chief.post(`/api/policy-documents/${plan.id}/drafts`, { from: "template" }),
			201,
		);
		versionId = created.id;
		assert.equal(created.number, 1);
		const version = await expectJson<VersionView>(
			await chief.get(`/api/policy-versions/${versionId}`),
		);
		assert.deepEqual(
			version.sections.map((s) => s.title),
			PARTS,
		);
		assert.deepEqual(
			version.sections.map((s) => s.citation),
			[
				"緊急時対応計画 1",
				"緊急時対応計画 2",
				"緊急時対応計画 3",
				"緊急時対応計画 4",
				"緊急時対応計画 5",
			],
		);
		assert.match(version.sections[0]?.body ?? "", /報告経路/);
		assert.match(version.sections[2]?.body ?? "", /バックアップ/);
		const events = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.type === "policy.draft_created" && e.record_id === versionId,
		);
		assert.deepEqual(
			events.map((e) => [e.payload.source, e.payload.sections]),
			[["template", 5]],
		);
	});

	test("only the plan has a template; a second plan is refused", async () => {
		const basic = (await documents(chief)).find((d) => d.kind === "basic_policy");
		const refused = await expectProblem(
			await chief.post(`/api/policy-documents/${basic?.id}/drafts`, { from: "template" }),
			400,
			"validation_failed",
		);
		assert.equal(refused.issues?.[0]?.code, "document_has_no_template");
		const second = await expectProblem(
			await chief.post("/api/policy-documents", {
				kind: "emergency_plan",
				title: "二つ目の計画",
				publication: "non_public",
			}),
			409,
			"conflict",
		);
		assert.equal(second.issues?.[0]?.code, "emergency_plan_exists");
	});

	test("the same workflow: edited, submitted, approved by the committee's chair, published to its readers", async () => {
		await expectJson(
			await chief.patch(`/api/policy-versions/${versionId}`, {
				sections: [
					{
						label: "１",
						title: "連絡体制",
						body: "CISO 内線1001、統括 内線2001。",
						children: [],
					},
				],
			}),
		);
		await expectJson(await chief.post(`/api/policy-versions/${versionId}/submit`));
		const approved = await expectJson<{ status: string }>(
			await ciso.post(`/api/policy-versions/${versionId}/approve`),
		);
		assert.equal(approved.status, "approved");
		const published = await expectJson<{ status: string }>(
			await ciso.post(`/api/policy-versions/${versionId}/publish`, {
				audience: "all",
				effectiveOn: "2026-04-01",
				committeeDecidedOn: "2026-03-25",
			}),
		);
		assert.equal(published.status, "published");

		// Only its readers are asked to acknowledge it; plain staff neither see nor read it.
		const manager = await clientWith(tenant, ["section_manager"]);
		const asked = await expectJson<{ items: { versionId: string }[] }>(
			await manager.get("/api/policy-acknowledgements"),
		);
		assert.ok(
			asked.items.some((i) => i.versionId === versionId),
			"a manager is asked",
		);
		const staff = await clientWith(tenant);
		const notAsked = await expectJson<{ items: { versionId: string }[] }>(
			await staff.get("/api/policy-acknowledgements"),
		);
		assert.ok(!notAsked.items.some((i) => i.versionId === versionId), "staff are not asked");
		const refused = await expectProblem(
			await staff.get(`/api/policy-versions/${versionId}`),
			403,
			"forbidden",
		);
		assert.equal(refused.issues?.[0]?.code, "document_not_public");

		// A reader's read is in the audit log, as for the non-public procedures.
		const reads = async () =>
			(await auditEvents(runtime.db, tenant.id)).filter(
				(e) => e.type === "policy.procedure_read" && e.record_id === versionId,
			).length;
		const before = await reads();
		const read = await expectJson<VersionView>(
			await manager.get(`/api/policy-versions/${versionId}`),
		);
		assert.equal(read.sections[0]?.body, "CISO 内線1001、統括 内線2001。");
		assert.equal(await reads(), before + 1);
	});
});

describe("a tenant whose stored pack named no plan", () => {
	test("gets none until its pack names one; then the plan is added after its documents", async () => {
		const tenant = await tenantOn("standard");
		const pack = loadBundledPack("standard");
		const { emergencyPlan: _plan, ...documentsWithout } = pack.documents;
		const { emergencyPlanAccess: _access, ...approvalsWithout } = pack.organisation.approvals;
		const older = {
			...pack,
			documents: documentsWithout,
			organisation: { ...pack.organisation, approvals: approvalsWithout },
		};
		await runtime.db
			.updateTable("tenant_packs")
			.set({ content: JSON.stringify(older) })
			.where("tenant_id", "=", tenant.id)
			.execute();
		const chief = await clientWith(tenant, ["chief_officer"]);
		assert.deepEqual(
			(await documents(chief)).map((d) => d.kind),
			["basic_policy", "standards", "procedures"],
		);

		// Its editors may add the plan themselves: named after the pack's incident plan, read
		// like the procedures, drafted from the standard pack's parts.
		const csirt = await clientWith(tenant, ["csirt"]);
		const added = await expectJson<DocumentView>(
			await chief.post("/api/policy-documents", {
				kind: "emergency_plan",
				title: "緊急時対応計画",
				publication: "unknown",
			}),
			201,
		);
		assert.equal(added.publication, "non_public");
		assert.equal((await planOf(csirt)).readable, false, "the procedures' readers only");
		const draft = await expectJson<{ id: string }>(
			await chief.post(`/api/policy-documents/${added.id}/drafts`, { from: "template" }),
			201,
		);
		const version = await expectJson<VersionView>(
			await chief.get(`/api/policy-versions/${draft.id}`),
		);
		assert.deepEqual(
			version.sections.map((s) => s.title),
			PARTS,
		);
	});

	test("a pack version that names the plan adds it on the next listing, once", async () => {
		const tenant = await tenantOn("standard");
		const pack = loadBundledPack("standard");
		const { emergencyPlan: _plan, ...documentsWithout } = pack.documents;
		await runtime.db
			.updateTable("tenant_packs")
			.set({ content: JSON.stringify({ ...pack, documents: documentsWithout }) })
			.where("tenant_id", "=", tenant.id)
			.execute();
		const csirt = await clientWith(tenant, ["csirt"]);
		assert.equal((await documents(csirt)).length, 3);
		await inTransaction(runtime.db, (tx) => insertTenantPack(tx, tenant.id, pack, "test"));
		const list = await documents(csirt);
		assert.deepEqual(
			list.map((d) => [d.kind, d.title, d.readable]),
			[
				["basic_policy", "情報セキュリティ基本方針", true],
				["standards", "情報セキュリティ対策基準", false],
				["procedures", "情報セキュリティ実施手順", false],
				["emergency_plan", "緊急時対応計画", true],
			],
		);
		assert.equal((await documents(csirt)).length, 4, "added once");
		const created = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.type === "policy.document_created" && e.payload.kind === "emergency_plan",
		);
		assert.equal(created.length, 1);
	});
});
