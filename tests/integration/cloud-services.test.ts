import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { addDays } from "../../src/modules/cloud-services/cloud-rules.ts";
import type { CloudServiceView } from "../../src/modules/cloud-services/cloud-services.schemas.ts";
import {
	importCloudServices,
	servicesMappingTarget,
} from "../../src/modules/cloud-services/import-cloud-services.ts";
import { reviewCloudServices } from "../../src/modules/cloud-services/review-cloud-services.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { proposeMapping } from "../../src/platform/imports/mapping.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { approverActor, makeCloudService, saasService } from "../helpers/cloud-service-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The cloud service register over HTTP and through its import: a unit's 管理者 registers a
 * service holding 機密性2 data, asks approval, the pack's approver (統括 in the standard pack)
 * approves it up to a class; raising the class above it flags the service. Export → import is
 * unchanged; a broken file names row and column; Shift_JIS CSV reads.
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

const today = () => japanDate(new Date());

/** A fresh tenant and its first org unit. */
async function tenantWithUnit() {
	const tenant = await makeTenant(runtime);
	const unit = await runtime.db
		.selectFrom("org_units")
		.select(["id", "code"])
		.where("tenant_id", "=", tenant.id)
		.executeTakeFirstOrThrow();
	return { tenant, unit };
}

describe("cloud services", () => {
	test("register, request, approve up to C2, start use; raising the data to C3A flags it", async () => {
		const tenant = await makeTenant(runtime);
		const manager = await person(tenant, ["section_manager"]);
		const chief = await person(tenant, ["chief_officer"]);
		const ciso = await person(tenant, ["ciso"]);
		const unitId = await unitOf(runtime, tenant.id, manager.account.id, "");

		const registered = await expectJson<CloudServiceView>(
			await manager.client.post("/api/cloud-services", saasService(unitId)),
			201,
		);
		assert.equal(registered.state, "draft");
		assert.deepEqual(registered.flags, []);
		assert.deepEqual(registered.allowedActions, ["edit", "request", "retire"]);
		const requested = await expectJson<CloudServiceView>(
			await manager.client.post(`/api/cloud-services/${registered.id}/request`, {
				version: registered.version,
			}),
		);
		assert.equal(requested.state, "requested");

		// The standard pack names the 統括: the CISO may not decide here.
		await expectProblem(
			await ciso.client.post(`/api/cloud-services/${requested.id}/approve`, {
				version: requested.version,
				maxLevel: "C2",
			}),
			403,
			"forbidden",
		);
		// An approval below the class the service declares is refused.
		await expectProblem(
			await chief.client.post(`/api/cloud-services/${requested.id}/approve`, {
				version: requested.version,
				maxLevel: "C1",
			}),
			400,
			"validation_failed",
		);
		await expectProblem(
			await chief.client.post(`/api/cloud-services/${requested.id}/refuse`, {
				version: requested.version,
				reason: " ",
			}),
			400,
			"validation_failed",
		);
		const approved = await expectJson<CloudServiceView>(
			await chief.client.post(`/api/cloud-services/${requested.id}/approve`, {
				version: requested.version,
				maxLevel: "C2",
				reason: "ISMAP登録と国内保存を確認",
			}),
		);
		assert.equal(approved.state, "approved");
		assert.equal(approved.approvedMaxLevel, "C2");
		assert.equal(approved.decision?.as, "chief_officer");
		const inUse = await expectJson<CloudServiceView>(
			await manager.client.post(`/api/cloud-services/${approved.id}/start-use`, {
				version: approved.version,
			}),
		);
		assert.equal(inUse.state, "in_use");

		const { nextReviewOn: _, ...fields } = saasService(unitId, { code: inUse.code });
		const raised = await expectJson<CloudServiceView>(
			await manager.client.patch(`/api/cloud-services/${inUse.id}`, {
				...fields,
				dataLevel: "C3A",
				version: inUse.version,
			}),
		);
		assert.deepEqual(raised.flags, ["over_approval"]);
		const flagged = await expectJson<{ items: { id: string; flags: string[] }[]; total: number }>(
			await ciso.client.get("/api/cloud-services?flagged=true"),
		);
		assert.deepEqual(
			flagged.items.map((item) => [item.id, item.flags]),
			[[inUse.id, ["over_approval"]]],
		);

		const events = (await auditEvents(runtime.db, tenant.id))
			.filter((event) => event.type.startsWith("cloud_service."))
			.map((event) => event.type);
		assert.deepEqual(events, [
			"cloud_service.registered",
			"cloud_service.requested",
			"cloud_service.approved",
			"cloud_service.put_in_use",
			"cloud_service.updated",
		]);
	});

	test("機密性2 data without ISMAP or domestic storage is flagged and cannot be approved at C2", async () => {
		const tenant = await makeTenant(runtime);
		const chief = await person(tenant, ["chief_officer"]);
		const unitId = await unitOf(runtime, tenant.id, chief.account.id, tenant.id);
		const units = await runtime.db
			.selectFrom("org_units")
			.select("id")
			.where("tenant_id", "=", tenant.id)
			.execute();
		const unit = units[0]?.id ?? unitId;
		const weak = await expectJson<CloudServiceView>(
			await chief.client.post(
				"/api/cloud-services",
				saasService(unit, { ismap: "none", dataLocation: "overseas", kind: "web_conferencing" }),
			),
			201,
		);
		assert.deepEqual(weak.flags, ["strict_unmet"]);
		assert.deepEqual(weak.strictUnmet, ["ismap", "data_location"]);
		const requested = await expectJson<CloudServiceView>(
			await chief.client.post(`/api/cloud-services/${weak.id}/request`, { version: weak.version }),
		);
		const refused = await chief.client.post(`/api/cloud-services/${weak.id}/approve`, {
			version: requested.version,
			maxLevel: "C2",
		});
		const problem = await expectProblem(refused, 400, "validation_failed");
		assert.equal(
			(problem as { issues?: { code: string }[] }).issues?.[0]?.code,
			"cloud_service_strict_unmet",
		);
		// 機密性1 data needs none of it.
		const open = await expectJson<CloudServiceView>(
			await chief.client.post(
				"/api/cloud-services",
				saasService(unit, { ismap: "none", dataLocation: "overseas", dataLevel: "C1" }),
			),
			201,
		);
		assert.deepEqual(open.flags, []);
	});

	test("the daily job warns once before the review date and flags an overdue review", async () => {
		const tenant = await makeTenant(runtime);
		const [unit] = await runtime.db
			.selectFrom("org_units")
			.select("id")
			.where("tenant_id", "=", tenant.id)
			.execute();
		assert.ok(unit);
		const soon = await makeCloudService(runtime, tenant.id, unit.id, "in_use", {
			nextReviewOn: addDays(today(), 10),
		});
		const later = await makeCloudService(runtime, tenant.id, unit.id, "in_use", {
			nextReviewOn: addDays(today(), 200),
		});
		const first = await reviewCloudServices(runtime.db, tenant.id, new Date());
		assert.deepEqual(first, { warned: 1, reflagged: 0 });
		assert.deepEqual(await reviewCloudServices(runtime.db, tenant.id, new Date()), {
			warned: 0,
			reflagged: 0,
		});
		const eleven = new Date(Date.now() + 11 * 86_400_000);
		const overdue = await reviewCloudServices(runtime.db, tenant.id, eleven);
		assert.equal(overdue.reflagged, 1);
		const rows = await runtime.db
			.selectFrom("cloud_services")
			.select(["id", "flags"])
			.where("tenant_id", "=", tenant.id)
			.execute();
		const flags = new Map(rows.map((row) => [row.id, row.flags]));
		assert.equal(flags.get(soon.id), "review_overdue");
		assert.equal(flags.get(later.id), "");
		const types = (await auditEvents(runtime.db, tenant.id)).map((event) => event.type);
		assert.equal(types.filter((type) => type === "cloud_service.review_warned").length, 1);
		assert.equal(types.filter((type) => type === "cloud_service.flags_changed").length, 1);
	});

	test("export → import is unchanged (CSV and XLSX); an edit updates; Shift_JIS reads", async () => {
		const tenant = await makeTenant(runtime);
		const chief = await person(tenant, ["chief_officer"]);
		const [unit] = await runtime.db
			.selectFrom("org_units")
			.select(["id", "code"])
			.where("tenant_id", "=", tenant.id)
			.execute();
		assert.ok(unit);
		await makeCloudService(runtime, tenant.id, unit.id, "in_use");
		await makeCloudService(runtime, tenant.id, unit.id, "draft", {
			kind: "free_mail",
			name: '=フリーメール,"引用"',
			notes: "改行\nを含む",
			ismap: "ismap_liu",
			dataLevel: "C1",
			backups: false,
		});
		const actor = approverActor(tenant.id);
		for (const format of ["csv", "xlsx"] as const) {
			const response = await chief.client.get(`/api/cloud-services/export?format=${format}`);
			assert.equal(response.status, 200);
			const bytes = new Uint8Array(await response.arrayBuffer());
			const report = await importCloudServices(runtime.db, actor, bytes, { mode: "apply" });
			assert.equal(report.errorCount, 0, JSON.stringify(report.errors));
			assert.deepEqual(
				{
					rows: report.rows,
					created: report.created,
					updated: report.updated,
					unchanged: report.unchanged,
				},
				{ rows: 2, created: 0, updated: 0, unchanged: 2 },
				format,
			);
		}
		const csv = await (
			await chief.client.get("/api/cloud-services/export?format=csv")
		).arrayBuffer();
		const { rows } = await readTable(new Uint8Array(csv));
		const header = rows[0] ?? [];
		const nameColumn = header.indexOf("サービス名");
		const edited = rows.map((row, index) =>
			index === 1
				? row.map((cell, column) => (column === nameColumn ? "電子申請（改）" : cell))
				: row,
		);
		const added = [
			...edited,
			header.map(
				(h) =>
					({
						サービス番号: "CS-NEW-1",
						サービス名: "Web会議サービス",
						提供事業者: "会議株式会社",
						種別: "Web会議",
						所管課: unit.code,
						格付け: "c1",
						ISMAP: "なし",
						データの保存場所: "国外",
						バックアップ: "なし",
					})[h] ?? "",
			),
		];
		const toCsv = (table: string[][]) =>
			`${table.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n")}\r\n`;
		const sjis = encodeShiftJis(toCsv(added));
		const report = await importCloudServices(runtime.db, actor, sjis, { mode: "apply" });
		assert.equal(report.errorCount, 0, JSON.stringify(report.errors));
		assert.deepEqual(
			{ created: report.created, updated: report.updated, unchanged: report.unchanged },
			{ created: 1, updated: 1, unchanged: 1 },
		);
		const made = await runtime.db
			.selectFrom("cloud_services")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.where("code", "=", "CS-NEW-1")
			.executeTakeFirstOrThrow();
		assert.equal(made.name, "Web会議サービス");
		assert.equal(made.state, "draft");
		assert.equal(made.kind, "web_conferencing");
		const types = (await auditEvents(runtime.db, tenant.id)).map((event) => event.type);
		assert.equal(types.filter((type) => type === "cloud_service.imported").length, 1);
	});

	test("a city's own list of services imports through a column mapping proposed from its header", async () => {
		const { tenant, unit } = await tenantWithUnit();
		const actor = approverActor(tenant.id);
		// The city's own 台帳: a title row, its own words, a column Mamori does not keep, 和暦.
		const text = [
			"クラウドサービス利用台帳,,,,,,,,,,",
			"管理番号,システム名,事業者名,提供形態,担当課,格付,ISMAP登録状況,設置場所,バックアップ有無,見直し日,契約金額",
			`K-1,電子申請,事業者A,SaaS,${unit.code},C2,ISMAP,国内,あり,令和9年4月1日,100000`,
			`K-2,Web会議,事業者B,SaaS,${unit.code},C1,なし,国内,なし,R9.5.1,50000`,
			",,,,,,,,,合計,150000",
		].join("\n");
		const bytes = new TextEncoder().encode(text);
		const target = servicesMappingTarget();
		const table = await readTable(bytes);
		const proposal = proposeMapping(table.rows, target, "情報政策課台帳");
		assert.ok(proposal);
		const { mapping } = proposal;
		assert.deepEqual(mapping.headerRows, [2]);
		assert.equal(mapping.columns.契約金額, null);
		assert.equal(mapping.columns.システム名, "name");
		assert.equal(mapping.columns.見直し日, "nextReviewOn");
		assert.deepEqual(proposal.missing, []);
		const report = await importCloudServices(runtime.db, actor, bytes, { mode: "apply", mapping });
		assert.equal(report.errorCount, 0, JSON.stringify(report.errors));
		assert.deepEqual([report.rows, report.created, report.skippedTotal], [2, 2, [5]]);
		const made = await runtime.db
			.selectFrom("cloud_services")
			.selectAll()
			.where("tenant_id", "=", tenant.id)
			.where("code", "=", "K-2")
			.executeTakeFirstOrThrow();
		assert.equal(made.name, "Web会議");
		// A row error names the city's column.
		const bad = await importCloudServices(
			runtime.db,
			actor,
			new TextEncoder().encode(text.replace("R9.5.1", "R9.2.30")),
			{ mode: "dry_run", mapping },
		);
		assert.deepEqual(
			bad.errors.map((error) => [error.row, error.column, error.code]),
			[[4, "見直し日", "cloud_service_date_invalid"]],
		);
	});

	test("a broken file names row and column and writes nothing", async () => {
		const { tenant, unit } = await tenantWithUnit();
		const actor = approverActor(tenant.id);
		const header =
			"サービス番号,サービス名,提供事業者,種別,所管課,格付け,ISMAP,データの保存場所,バックアップ,次回見直し日";
		const text = [
			header,
			`A-1,良い行,事業者,SaaS,${unit.code},C2,ISMAP,国内,あり,2027-04-01`,
			`A-2,悪い行,事業者,クラウド,XX-NONE,Z9,ISMAP,国内,たぶん,2027-02-30`,
			`A-1,重複,事業者,SaaS,${unit.code},C1,なし,国外,なし,`,
		].join("\n");
		const report = await importCloudServices(runtime.db, actor, new TextEncoder().encode(text), {
			mode: "apply",
		});
		assert.equal(report.applied, false);
		assert.deepEqual(
			report.errors.map((error) => [error.row, error.column, error.code]),
			[
				[3, "種別", "value_not_in_list"],
				[3, "バックアップ", "value_not_in_list"],
				[3, "所管課", "unit_not_found"],
				[3, "格付け", "class_not_in_scheme"],
				[3, "次回見直し日", "cloud_service_date_invalid"],
				[4, "サービス番号", "cloud_service_code_repeated"],
			],
		);
		const badHeader = await importCloudServices(
			runtime.db,
			actor,
			new TextEncoder().encode("サービス番号,色\nA,B\n"),
			{ mode: "apply" },
		);
		assert.deepEqual(
			badHeader.errors.map((error) => [error.row, error.column, error.code]),
			[
				[1, "色", "column_unknown"],
				[1, "サービス名", "column_missing"],
				[1, "提供事業者", "column_missing"],
				[1, "種別", "column_missing"],
				[1, "所管課", "column_missing"],
				[1, "格付け", "column_missing"],
				[1, "ISMAP", "column_missing"],
				[1, "データの保存場所", "column_missing"],
				[1, "バックアップ", "column_missing"],
			],
		);
		const count = await runtime.db
			.selectFrom("cloud_services")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.where("tenant_id", "=", tenant.id)
			.executeTakeFirstOrThrow();
		assert.equal(Number(count.n), 0);
	});
});

describe("cloud services import over HTTP", () => {
	test("a dry run reports row and column; an apply is queued as a job", async () => {
		const tenant = await makeTenant(runtime);
		const chief = await person(tenant, ["chief_officer"]);
		const manager = await person(tenant, ["section_manager"]);
		const text =
			"サービス番号,サービス名,提供事業者,種別,所管課,格付け,ISMAP,データの保存場所,バックアップ\nA-1,名称,事業者,クラウド,NONE,C2,ISMAP,国内,あり\n";
		const body = {
			filename: "register.csv",
			contentBase64: Buffer.from(text).toString("base64"),
			mode: "dry_run",
		};
		const report = await expectJson<{
			errors: { row: number; column: string }[];
			applied: boolean;
		}>(await chief.client.post("/api/cloud-services/import", body));
		assert.equal(report.applied, false);
		assert.deepEqual(
			report.errors.map((error) => [error.row, error.column]),
			[
				[2, "種別"],
				[2, "所管課"],
			],
		);
		await expectProblem(
			await manager.client.post("/api/cloud-services/import", body),
			403,
			"forbidden",
		);
		const job = await expectJson<{ kind: string; status: string }>(
			await chief.client.post("/api/cloud-services/import", { ...body, mode: "apply" }),
			202,
		);
		assert.deepEqual([job.kind, job.status], ["cloud-services", "queued"]);
	});
});
