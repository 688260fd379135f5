import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import type { ContractView } from "../../src/modules/contracts/contracts.schemas.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import {
	ALL_BUT_ERASURE,
	CERTIFICATE_BYTES,
	makeContract,
	makeContractor,
} from "../helpers/contract-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * 業務委託 over HTTP: a contract handling 機密性2 data without the erasure clause is flagged and
 * the flag clears when the clause is added; 再委託 is decided by the pack's approver; a failed
 * check raises a finding; the end is recorded with its certificate; every change is audited.
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

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function updateBody(contract: ContractView, clauses: string[]) {
	return {
		code: contract.code,
		title: contract.title,
		purpose: contract.purpose,
		contractorId: contract.contractor.id,
		orgUnitId: contract.unit.id,
		startsOn: contract.startsOn,
		endsOn: contract.endsOn,
		assetIds: contract.assets.map((asset) => asset.id),
		clauses,
		version: contract.version,
	};
}

describe("contracts", () => {
	test("a 機密性2 contract without the erasure clause is flagged; adding it clears the flag", async () => {
		const tenant = await makeTenant(runtime);
		const manager = await person(tenant, ["section_manager"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const contractor = await makeContractor(runtime, tenant.id);
		const asset = await makeAsset(runtime, tenant.id, unitId, { levels: ["C2", "I2", "A2"] });
		const created = await expectJson<ContractView>(
			await manager.client.post("/api/contracts", {
				code: "R8-001",
				title: "住民記録システム運用保守",
				purpose: "運用と保守",
				contractorId: contractor.id,
				orgUnitId: unitId,
				startsOn: "2026-04-01",
				endsOn: "2027-03-31",
				assetIds: [asset.id],
				clauses: ALL_BUT_ERASURE,
			}),
			201,
		);
		assert.equal(created.topLevel, "C2");
		assert.deepEqual(created.gaps, ["return_or_erasure"]);
		assert.ok(created.required.includes("return_or_erasure"));

		const flagged = await expectJson<{ items: { code: string; gaps: string[] }[] }>(
			await manager.client.get("/api/contracts?gaps=true"),
		);
		assert.deepEqual(
			flagged.items.map((item) => item.code),
			["R8-001"],
		);

		const fixed = await expectJson<ContractView>(
			await manager.client.request(
				"PUT",
				`/api/contracts/${created.id}`,
				updateBody(created, [...ALL_BUT_ERASURE, "return_or_erasure"]),
			),
		);
		assert.deepEqual(fixed.gaps, []);
		const after = await expectJson<{ total: number }>(
			await manager.client.get("/api/contracts?gaps=true"),
		);
		assert.equal(after.total, 0);

		const events = await auditEvents(runtime.db, tenant.id);
		const updated = events.find((e) => e.type === "contract.updated");
		assert.deepEqual(updated?.payload.gaps, []);
		assert.deepEqual(events.find((e) => e.type === "contract.created")?.payload.gaps, [
			"return_or_erasure",
		]);
	});

	test("a contract of public data needs no clause; unknown clauses are refused", async () => {
		const tenant = await makeTenant(runtime);
		const ciso = await person(tenant, ["ciso"]);
		const unit = await unitOf(runtime, tenant.id, ciso.account.id, "");
		const world = await makeContract(runtime, tenant.id, unit || (await someUnit(tenant)), {
			clauses: [],
			assetIds: [
				(
					await makeAsset(runtime, tenant.id, unit || (await someUnit(tenant)), {
						levels: ["C1", "I1", "A1"],
					})
				).id,
			],
		});
		const view = await expectJson<ContractView>(
			await ciso.client.get(`/api/contracts/${world.id}`),
		);
		assert.equal(view.topLevel, "C1");
		assert.deepEqual(view.gaps, []);
		const problem = await expectProblem(
			await ciso.client.request(
				"PUT",
				`/api/contracts/${world.id}`,
				updateBody(view, ["no_such_clause"]),
			),
			400,
			"validation_failed",
		);
		assert.equal(problem.issues?.[0]?.code, "contract_clause_unknown");
	});

	test("the clause check of all contracts follows a reclassified asset", async () => {
		const tenant = await makeTenant(runtime);
		const ciso = await person(tenant, ["ciso"]);
		const unit = await someUnit(tenant);
		const asset = await makeAsset(runtime, tenant.id, unit, { levels: ["C1", "I1", "A1"] });
		const contract = await makeContract(runtime, tenant.id, unit, {
			clauses: [],
			assetIds: [asset.id],
		});
		assert.equal(contract.gap_count, 0);
		await runtime.db
			.updateTable("assets")
			.set({ class_key: "C2/I1/A1" })
			.where("id", "=", asset.id)
			.execute();
		const result = await expectJson<{ contracts: number; withGaps: number; changed: number }>(
			await ciso.client.post("/api/contracts/clause-check"),
		);
		assert.deepEqual(result, { contracts: 1, withGaps: 1, changed: 1 });
		const list = await expectJson<{ items: { gaps: string[] }[] }>(
			await ciso.client.get("/api/contracts?gaps=true"),
		);
		assert.equal(list.items[0]?.gaps.length, 8);
	});

	test("再委託: the pack's approver decides; others may not; a refusal says why", async () => {
		const tenant = await makeTenant(runtime);
		const manager = await person(tenant, ["section_manager"]);
		const chief = await person(tenant, ["chief_officer"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const contract = await makeContract(runtime, tenant.id, unitId);
		const requested = await expectJson<ContractView>(
			await manager.client.post(`/api/contracts/${contract.id}/subcontracts`, {
				subcontractor: "まもりデータセンター",
				work: "監視業務",
				safeguards: "入退室管理",
			}),
			201,
		);
		const sub = requested.subcontracts[0];
		assert.ok(sub);
		await expectProblem(
			await manager.client.post(`/api/contracts/${contract.id}/subcontracts/${sub.id}/decision`, {
				decision: "approve",
				reason: "",
				version: 1,
			}),
			403,
			"forbidden",
		);
		const refusal = await expectProblem(
			await chief.client.post(`/api/contracts/${contract.id}/subcontracts/${sub.id}/decision`, {
				decision: "refuse",
				reason: "",
				version: 1,
			}),
			400,
			"validation_failed",
		);
		assert.equal(refusal.issues?.[0]?.code, "contract_refusal_reason_required");
		const decided = await expectJson<ContractView>(
			await chief.client.post(`/api/contracts/${contract.id}/subcontracts/${sub.id}/decision`, {
				decision: "approve",
				reason: "",
				version: 1,
			}),
		);
		assert.equal(decided.subcontracts[0]?.state, "approved");
		assert.equal(decided.subcontracts[0]?.decision?.as, "chief_officer");
		const events = await auditEvents(runtime.db, tenant.id);
		assert.ok(events.some((e) => e.type === "contract.subcontract_approved"));
	});

	test("a failed check raises a finding and keeps its evidence with the SHA-256", async () => {
		const tenant = await makeTenant(runtime);
		const chief = await person(tenant, ["chief_officer"]);
		const unit = await someUnit(tenant);
		const contract = await makeContract(runtime, tenant.id, unit);
		const evidence = new TextEncoder().encode("点検記録\n");
		const view = await expectJson<ContractView>(
			await chief.client.post(`/api/contracts/${contract.id}/checks`, {
				checkedOn: "2026-07-01",
				items: [
					{ code: "staff_and_place", ok: false, note: "作業場所が契約と異なる" },
					{ code: "comply_policy", ok: true, note: "" },
				],
				note: "是正を求めた",
				evidence: { fileName: "点検記録.txt", contentBase64: base64(evidence) },
			}),
			201,
		);
		const check = view.checks[0];
		assert.equal(check?.result, "failed");
		assert.ok(check?.findingId);
		const finding = await runtime.db
			.selectFrom("findings")
			.selectAll()
			.where("id", "=", check.findingId)
			.executeTakeFirstOrThrow();
		assert.equal(finding.owner_unit_id, unit);
		const sha = createHash("sha256").update(evidence).digest("hex");
		assert.equal(check.evidence?.sha256, sha);
		const download = await chief.client.get(
			`/api/contracts/${contract.id}/checks/${check.id}/evidence`,
		);
		assert.equal(download.status, 200);
		assert.equal(download.headers.get("x-content-sha256"), sha);
	});

	test("the end is recorded with its certificate; the record then closes", async () => {
		const tenant = await makeTenant(runtime);
		const manager = await person(tenant, ["section_manager"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const contract = await makeContract(runtime, tenant.id, unitId);
		const ended = await expectJson<ContractView>(
			await manager.client.post(`/api/contracts/${contract.id}/end`, {
				kind: "erased",
				endedOn: "2027-03-31",
				note: "全データ消去",
				certificate: { fileName: "消去証明書.pdf", contentBase64: base64(CERTIFICATE_BYTES) },
				version: 1,
			}),
		);
		assert.equal(ended.state, "ended");
		assert.equal(
			ended.end?.certificate?.sha256,
			createHash("sha256").update(CERTIFICATE_BYTES).digest("hex"),
		);
		await expectProblem(
			await manager.client.request(
				"PUT",
				`/api/contracts/${contract.id}`,
				updateBody(ended, ALL_BUT_ERASURE),
			),
			409,
			"conflict",
		);
		const file = await manager.client.get(`/api/contracts/${contract.id}/end/certificate`);
		assert.equal(file.status, 200);
		assert.deepEqual(new Uint8Array(await file.arrayBuffer()), CERTIFICATE_BYTES);
		const events = await auditEvents(runtime.db, tenant.id);
		assert.ok(events.some((e) => e.type === "contract.ended"));
	});

	test("a manager sees only the contracts of the units they manage", async () => {
		const tenant = await makeTenant(runtime);
		const manager = await person(tenant, ["section_manager"]);
		const other = await person(tenant, ["section_manager"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");
		const contract = await makeContract(runtime, tenant.id, unitId);
		await expectProblem(await other.client.get(`/api/contracts/${contract.id}`), 404, "not_found");
		const list = await expectJson<{ total: number }>(await other.client.get("/api/contracts"));
		assert.equal(list.total, 0);
	});
});

async function someUnit(tenant: TenantRow): Promise<string> {
	const unit = await runtime.db
		.selectFrom("org_units")
		.select("id")
		.where("tenant_id", "=", tenant.id)
		.executeTakeFirst();
	if (unit) return unit.id;
	const holder = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	return unitOf(runtime, tenant.id, holder.id, "");
}
