import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { openIncidentDesk } from "../../src/modules/incidents/incident-desk.ts";
import type {
	IncidentStats,
	OpenObligations,
} from "../../src/modules/incidents/incident-stats.schemas.ts";
import type { ReportIncidentInput } from "../../src/modules/incidents/incidents.schemas.ts";
import { recordFiling } from "../../src/modules/incidents/record-filing.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeTenant } from "../helpers/factories.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import { type CaseSteps, caseAt as historicCase } from "../helpers/incident-history.ts";
import { newUnit, person } from "../helpers/incident-people.ts";
import { csirtActor } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The incident figures of a fiscal year (年度, from 1 April): counts by state, category and unit,
 * time to triage and to close, legal reports filed on time or late; the reports owed and not
 * filed, of any year, until they are filed; and the same figures as CSV and XLSX. Cases are made
 * through the use cases at fixed instants, so every figure is known.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let tenant: TenantRow;
let citizens: OrgUnitTable;
let tax: OrgUnitTable;
let csirt: TestClient;
const ids: Record<string, string> = {};

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	tenant = await makeTenant(runtime);
	citizens = await newUnit(runtime, tenant, "市民課");
	tax = await newUnit(runtime, tenant, "税務課");
	csirt = (await person(runtime, app, tenant, tax, ["csirt"])).client;
});
after(() => runtime.cleanup());

/** A case with a past, in this test's tenant. */
const caseAt = (at: string, input: Partial<ReportIncidentInput>, steps: CaseSteps = {}) =>
	historicCase(runtime, tenant.id, at, input, steps);

const standard = loadBundledPack("standard");
const labelOf = (code: string) =>
	standard.threats.find((t) => t.code === code)?.label.ja ?? assert.fail(`no threat ${code}`);
const UNINTENTIONAL = labelOf("unintentional");
const INTENTIONAL = labelOf("intentional");

const stats = async (client: TestClient, year: number) =>
	expectJson<IncidentStats>(await client.get(`/api/incidents/stats?fiscalYear=${year}`));
const owed = async (client: TestClient) =>
	expectJson<OpenObligations>(await client.get("/api/incidents/open-obligations"));

describe("a fiscal year's figures", () => {
	before(async () => {
		// FY2025 (2025-04-01 … 2026-03-31 JST). A lost USB stick, 150 people, known Monday 2
		// June: 速報 due day 5 (Fri 6 June), 確報 day 30 (Tue 1 July). Filed on time and late.
		ids.usb = (
			await caseAt(
				"2025-06-02T01:00:00Z",
				{ knownAt: "2025-06-02" },
				{
					triage: {
						at: "2025-06-02T05:00:00Z",
						input: {
							category: "unintentional",
							severity: 3,
							people: 150,
							dataKinds: ["personal"],
							unitIds: [citizens.id],
						},
					},
					filings: [
						{ stage: "preliminary", filedOn: "2025-06-05" },
						{ stage: "final", filedOn: "2025-07-10" },
					],
					close: { at: "2025-06-12T01:00:00Z", prevention: "USBメモリの持ち出しを禁止した" },
				},
			)
		).id;
		// Sensitive data of 3 people, both units, never filed: overdue, and open until filed.
		ids.sensitive = (
			await caseAt(
				"2025-09-01T00:00:00Z",
				{ knownAt: "2025-09-01" },
				{
					triage: {
						at: "2025-09-01T10:00:00Z",
						input: {
							category: "intentional",
							severity: 2,
							people: 3,
							dataKinds: ["sensitive"],
							unitIds: [citizens.id, tax.id],
						},
					},
				},
			)
		).id;
		// 20 people's personal data: no report owed. Triaged in 1 hour, closed after 3 days.
		ids.small = (
			await caseAt(
				"2025-11-04T00:00:00Z",
				{ knownAt: "2025-11-04" },
				{
					triage: {
						at: "2025-11-04T01:00:00Z",
						input: {
							category: "unintentional",
							severity: 1,
							people: 20,
							dataKinds: ["personal"],
							unitIds: [tax.id],
						},
					},
					close: { at: "2025-11-07T00:00:00Z" },
				},
			)
		).id;
		// Not an incident: counted as rejected, owes nothing although 500 people were suspected.
		ids.rejected = (
			await caseAt(
				"2026-01-15T00:00:00Z",
				{ knownAt: "2026-01-15" },
				{
					triage: {
						at: "2026-01-15T02:00:00Z",
						input: { category: "unintentional", severity: 1, people: 500, dataKinds: ["personal"] },
					},
					close: { at: "2026-01-16T00:00:00Z", action: "reject", reason: "誤報だった" },
				},
			)
		).id;
		// Reported on 31 March 2026 at 16:00 JST: still FY2025, not yet triaged, no unit.
		ids.untriaged = (
			await caseAt("2026-03-31T07:00:00Z", { knownAt: "2026-03-31", personalData: false })
		).id;
		// 1 April 2026 00:30 JST: FY2026. Personal data suspected (day-1 rule: counts as personal
		// data of no one yet, so nothing owed), and one of 200 people owing its reports still.
		ids.nextYear = (
			await caseAt("2026-03-31T15:30:00Z", { knownAt: "2026-03-31", personalData: true })
		).id;
		ids.nextYearOwing = (
			await caseAt(
				"2026-05-11T00:00:00Z",
				{ knownAt: "2026-05-11" },
				{
					triage: {
						at: "2026-05-11T03:00:00Z",
						input: { category: "intentional", severity: 2, people: 200, dataKinds: ["personal"] },
					},
					filings: [{ stage: "preliminary", filedOn: "2026-05-12" }],
				},
			)
		).id;
	});

	test("counts by state, category and unit over the cases reported in the year", async () => {
		const year = await stats(csirt, 2025);
		assert.equal(year.fiscalYear, 2025);
		assert.deepEqual(year.fiscalYears.slice(0, 2), [2026, 2025]);
		assert.equal(year.total, 5);
		assert.deepEqual(Object.fromEntries(year.byState.map((s) => [s.state, s.count])), {
			reported: 1,
			triaged: 1,
			contained: 0,
			recovered: 0,
			closed: 2,
			rejected: 1,
		});
		assert.deepEqual(
			year.byCategory.map((c) => [c.code, c.label?.ja ?? null, c.count]),
			[
				["unintentional", UNINTENTIONAL, 3],
				["intentional", INTENTIONAL, 1],
				[null, null, 1],
			],
		);
		// Most first; ties by unit code (random here), the cases without a unit last.
		assert.deepEqual(
			year.byUnit.map((u) => [u.unit?.name ?? null, u.count]).sort(),
			[
				["市民課", 2],
				["税務課", 2],
				[null, 2],
			].sort(),
		);
		assert.equal(year.byUnit.at(-1)?.unit, null);
	});

	test("median and mean time to triage and to close, in hours", async () => {
		const year = await stats(csirt, 2025);
		// Triaged after 4 h, 10 h, 1 h and 2 h.
		assert.deepEqual(year.timeToTriage, { cases: 4, medianHours: 3, meanHours: 4.3 });
		// Closed after 10 days (240 h) and 3 days (72 h); the rejected case is left out.
		assert.deepEqual(year.timeToClose, { cases: 2, medianHours: 156, meanHours: 156 });
	});

	test("legal reports of the year's cases filed on time or late, and those still owed", async () => {
		const year = await stats(csirt, 2025);
		assert.deepEqual(year.reporting, [
			{ stage: "preliminary", onTime: 1, late: 0, overdue: 1, pending: 0 },
			{ stage: "final", onTime: 0, late: 1, overdue: 1, pending: 0 },
		]);
	});

	test("reports owed and not filed, of any year, soonest due first, until filed", async () => {
		const before = await owed(csirt);
		assert.deepEqual(
			before.items.map((o) => [o.incidentId, o.obligation, o.stage, o.due, o.overdue]),
			[
				[ids.sensitive, "ppc_personal_information", "preliminary", "2025-09-05", true],
				[ids.sensitive, "ppc_personal_information", "final", "2025-09-30", true],
				[ids.nextYearOwing, "ppc_personal_information", "final", "2026-06-09", true],
			],
		);
		assert.equal(before.total, 3);
		assert.equal(before.items[0]?.authority.ja, "個人情報保護委員会");
		assert.equal(before.items[0]?.aim, true);
		const desk = await openIncidentDesk(runtime.db, csirtActor(tenant.id));
		await inTransaction(runtime.db, (tx) =>
			recordFiling(tx, desk, ids.nextYearOwing ?? "", {
				obligation: "ppc_personal_information",
				stage: "final",
				filedOn: "2026-06-08",
			}),
		);
		assert.deepEqual(
			(await owed(csirt)).items.map((o) => o.incidentId),
			[ids.sensitive, ids.sensitive],
		);
		const after = await stats(csirt, 2026);
		assert.equal(after.total, 2);
		assert.deepEqual(after.reporting[1], {
			stage: "final",
			onTime: 1,
			late: 0,
			overdue: 0,
			pending: 0,
		});
	});

	test("the export: the same figures as CSV and XLSX under a dated Japanese name", async () => {
		const csv = await csirt.get("/api/incidents/stats/export?fiscalYear=2025&format=csv");
		assert.equal(csv.status, 200);
		assert.match(
			decodeURIComponent(csv.headers.get("content-disposition") ?? ""),
			/filename\*=UTF-8''インシデント統計_令和7年度_\d{8}\.csv$/u,
		);
		const table = await readTable(new Uint8Array(await csv.arrayBuffer()));
		assert.deepEqual(table.rows[0], ["集計", "項目", "値"]);
		const value = (group: string, item: string) =>
			table.rows.find((row) => row[0] === group && row[1] === item)?.[2];
		assert.equal(value("概要", "年度"), "令和7年度");
		assert.equal(value("概要", "報告された事案"), "5");
		assert.equal(value("状態別", "インシデントではない"), "1");
		assert.equal(value("区分別", UNINTENTIONAL), "3");
		assert.equal(value("所属別", "所属なし"), "2");
		assert.equal(value("対応時間", "完了までの時間（中央値・時間）"), "156");
		assert.equal(value("法定報告", "確報: 期限後に提出"), "1");
		assert.equal(value("未提出の報告（全年度）", "件数"), "2");
		assert.ok(table.rows.some((row) => /個人情報保護委員会 速報（期限超過）$/u.test(row[1] ?? "")));

		const xlsx = await csirt.get("/api/incidents/stats/export?fiscalYear=2025");
		assert.equal(xlsx.status, 200);
		const sheet = await readTable(new Uint8Array(await xlsx.arrayBuffer()));
		assert.equal(sheet.format, "xlsx");
		assert.deepEqual(sheet.rows, table.rows, "the same rows in both formats");
		const exported = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.type === "incident.stats_exported",
		);
		assert.deepEqual(
			exported.map((e) => e.payload),
			[
				{ fiscalYear: 2025, format: "csv" },
				{ fiscalYear: 2025, format: "xlsx" },
			],
		);
	});

	test("only the CSIRT, the CISO and 統括 see the figures; a unit's manager does not", async () => {
		for (const role of ["ciso", "chief_officer"] as const) {
			const client = (await person(runtime, app, tenant, tax, [role])).client;
			assert.equal((await stats(client, 2025)).total, 5);
		}
		const manager = (await person(runtime, app, tenant, citizens, ["section_manager"])).client;
		await expectProblem(await manager.get("/api/incidents/stats"), 403, "forbidden");
		await expectProblem(await manager.get("/api/incidents/open-obligations"), 403, "forbidden");
		await expectProblem(await manager.get("/api/incidents/stats/export"), 403, "forbidden");
	});

	test("another tenant's figures are its own", async () => {
		const other = await makeTenant(runtime);
		const unit = await newUnit(runtime, other);
		const client = (await person(runtime, app, other, unit, ["csirt"])).client;
		const year = await stats(client, 2025);
		assert.equal(year.total, 0);
		assert.deepEqual(year.byUnit, []);
		assert.deepEqual(await owed(client), { total: 0, recalculating: false, items: [] });
		assert.deepEqual(year.timeToTriage, { cases: 0, medianHours: null, meanHours: null });
	});
});
