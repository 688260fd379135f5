import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { LAPSE_JOB, lapseHandlers } from "../../src/modules/my-number/lapse-handlers.ts";
import type { AffairView } from "../../src/modules/my-number/my-number.schemas.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { applyRoster } from "../../src/modules/org/roster/apply-roster.ts";
import { previewRoster } from "../../src/modules/org/roster/preview-roster.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { DEFAULT_TABLE_LIMITS, readTable } from "../../src/shared/tabular.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { sampleAffair } from "../helpers/my-number-world.ts";
import { makeStaff } from "../helpers/org-factories.ts";
import { MY_NUMBER_ROUTES } from "../helpers/route-table.my-number.ts";
import { urlOf } from "../helpers/route-walk.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The 特定個人情報 register over HTTP: where the pack has the provision (Saga) the CISO registers
 * an affair, its 事務取扱責任者 names handlers, links systems (flagged outside the My Number
 * tier) and records provisions; a roster transfer ends a handler's entry on the 発令日 through
 * the scheduled job and the responsible person is told. Nobody else sees the register; a tenant
 * whose pack has no provision (Kitakyushu) has no such feature at all.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

let counter = 0;
async function tenantOn(pack: "saga" | "kitakyushu"): Promise<TenantRow> {
	counter += 1;
	const slug = `${pack}-mn-${counter}`;
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: `${slug} 市`, pack }),
	);
}

async function unitIn(tenant: TenantRow, code: string, name: string) {
	return inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code,
			name,
			kind: "section",
			parentId: null,
		}),
	);
}

async function person(tenant: TenantRow, roles: Role[]) {
	const account = await makeAccount(runtime, tenant, { roles });
	return { account, client: await activeClient(runtime, app, account) };
}

/** A Saga tenant: 市民税課 with its 課長 (responsible) and a clerk, a CISO, an auditor. */
async function sagaWorld() {
	const tenant = await tenantOn("saga");
	const tax = await unitIn(tenant, "shiminzei", "市民税課");
	const other = await unitIn(tenant, "kokuho", "国保年金課");
	const kacho = await makeStaff(runtime, tenant, tax.id, { staffNumber: "1001", title: "課長" });
	const clerk = await makeStaff(runtime, tenant, tax.id, { staffNumber: "1002", title: "主事" });
	const ciso = await person(tenant, ["ciso"]);
	const auditor = await person(tenant, ["auditor"]);
	const kachoClient = await activeClient(runtime, app, kacho);
	const clerkClient = await activeClient(runtime, app, clerk);
	const affair = await expectJson<AffairView>(
		await ciso.client.post("/api/my-number/affairs", sampleAffair(kacho.staffId)),
		201,
	);
	return { tenant, tax, other, kacho, clerk, ciso, auditor, kachoClient, clerkClient, affair };
}

describe("特定個人情報 register", () => {
	test("Saga: the CISO registers an affair; the responsible person keeps it; others are refused", async () => {
		const w = await sagaWorld();
		assert.equal(w.affair.piaDueOn, "2029-06-01", "re-evaluated five years after");
		const added = await expectJson<AffairView>(
			await w.kachoClient.post(`/api/my-number/affairs/${w.affair.id}/handlers`, {
				staffId: w.clerk.staffId,
				startsOn: "2026-04-01",
				endsOn: null,
			}),
		);
		assert.deepEqual(
			added.handlers.map((h) => [h.name, h.unitName, h.endsOn]),
			[["テスト 職員", "市民税課", null]],
		);
		await expectProblem(
			await w.kachoClient.post(`/api/my-number/affairs/${w.affair.id}/handlers`, {
				staffId: w.clerk.staffId,
				startsOn: "2026-05-01",
			}),
			409,
			"conflict",
		);

		// The clerk handles the data but is not responsible: no register for them.
		const refused = await expectProblem(
			await w.clerkClient.get("/api/my-number/affairs"),
			403,
			"forbidden",
		);
		assert.equal(refused.issues?.[0]?.code, "my_number_not_in_charge");
		const clerkSession = await expectJson<{ session: { permissions: string[] } }>(
			await w.clerkClient.get("/api/auth/session"),
		);
		assert.ok(!clerkSession.session.permissions.some((p) => p.startsWith("my_number.")));
		const kachoSession = await expectJson<{ session: { permissions: string[] } }>(
			await w.kachoClient.get("/api/auth/session"),
		);
		assert.ok(kachoSession.session.permissions.includes("my_number.read"));

		// The auditor reads every affair, and changes none.
		const seen = await expectJson<{ items: { id: string }[] }>(
			await w.auditor.client.get("/api/my-number/affairs"),
		);
		assert.deepEqual(
			seen.items.map((i) => i.id),
			[w.affair.id],
		);
		const readOnly = await expectProblem(
			await w.auditor.client.post(`/api/my-number/affairs/${w.affair.id}/provisions`, {
				providedOn: "2026-06-10",
				recipient: "佐賀県",
				legalBasis: "番号法第19条第8号",
				items: "個人番号",
				personCount: 1,
			}),
			403,
			"forbidden",
		);
		assert.equal(readOnly.issues?.[0]?.code, "my_number_not_in_charge");

		const events = await auditEvents(runtime.db, w.tenant.id);
		assert.deepEqual(
			events.filter((e) => e.type.startsWith("my_number.")).map((e) => e.type),
			["my_number.affair_created", "my_number.handler_added"],
		);
	});

	test("a linked system outside the My Number tier is flagged; provisions go into the yearly report", async () => {
		const w = await sagaWorld();
		const inside = await makeAsset(runtime, w.tenant.id, w.tax.id, {
			name: "住民税システム",
			levels: ["II"],
		});
		const outside = await makeAsset(runtime, w.tenant.id, w.tax.id, {
			name: "課内共有フォルダ",
			zone: "lgwan",
			levels: ["II"],
		});
		for (const asset of [inside, outside])
			await expectJson(
				await w.kachoClient.post(`/api/my-number/affairs/${w.affair.id}/links`, {
					kind: "asset",
					code: asset.code,
				}),
			);
		const unknown = await expectProblem(
			await w.kachoClient.post(`/api/my-number/affairs/${w.affair.id}/links`, {
				kind: "contract",
				code: "NO-SUCH",
			}),
			400,
			"validation_failed",
		);
		assert.equal(unknown.issues?.[0]?.code, "my_number_contract_unknown");
		const view = await expectJson<AffairView>(
			await w.kachoClient.post(`/api/my-number/affairs/${w.affair.id}/provisions`, {
				providedOn: "2026-06-10",
				recipient: "佐賀県",
				legalBasis: "番号法第19条第8号",
				items: "個人番号、氏名、住所",
				personCount: 12,
			}),
		);
		assert.deepEqual(view.assets.map((a) => [a.name, a.outsideTier]).sort(), [
			["住民税システム", false],
			["課内共有フォルダ", true],
		]);
		const list = await expectJson<{ items: { assetsOutsideTier: number }[] }>(
			await w.ciso.client.get("/api/my-number/affairs"),
		);
		assert.equal(list.items[0]?.assetsOutsideTier, 1);

		const xlsx = await w.ciso.client.get("/api/my-number/report?format=xlsx&fiscalYear=2026");
		assert.equal(xlsx.status, 200);
		assert.match(
			decodeURIComponent(xlsx.headers.get("content-disposition") ?? ""),
			/特定個人情報取扱状況報告_令和8年度_\d{8}\.xlsx/,
		);
		const table = await readTable(new Uint8Array(await xlsx.arrayBuffer()), DEFAULT_TABLE_LIMITS);
		const [header = [], first = []] = table.rows;
		const cell = (name: string) => first[header.indexOf(name)];
		assert.equal(cell("事務の名称"), "住民税の賦課に関する事務");
		assert.equal(cell("提供人数"), "12");
		assert.equal(cell("評価実施日"), "令和6年6月1日");
		assert.equal(cell("マイナンバー利用事務系の外にあるもの"), outside.code);
		const pdf = await w.auditor.client.get("/api/my-number/report?format=pdf&fiscalYear=2026");
		assert.equal(pdf.status, 200);
		assert.equal(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString(),
			"%PDF-",
		);
		await expectProblem(
			await w.kachoClient.get("/api/my-number/report?format=pdf&fiscalYear=2026"),
			403,
			"forbidden",
		);
	});

	test("a roster transfer ends the handler's entry on the 発令日; the responsible person is told", async () => {
		const w = await sagaWorld();
		await expectJson(
			await w.kachoClient.post(`/api/my-number/affairs/${w.affair.id}/handlers`, {
				staffId: w.clerk.staffId,
				startsOn: "2026-04-01",
				endsOn: null,
			}),
		);
		const admin = await makeAccount(runtime, w.tenant, { roles: ["tenant_admin"] });
		const actor = {
			tenantId: w.tenant.id,
			accountId: admin.id,
			label: admin.username,
			roles: [{ role: "tenant_admin" as const, orgUnitId: null }],
			ip: null,
		};
		const header =
			"職員番号,氏名,ユーザー名,メールアドレス,職員区分,所属コード,役職,役割,マイナンバー利用事務,発令日";
		const csv = [
			header,
			`1001,花子,${w.kacho.username},,regular,shiminzei,課長,,,2027-04-01`,
			`1002,太郎,${w.clerk.username},,regular,kokuho,主事,,,2027-04-01`,
		].join("\n");
		const preview = await inTransaction(runtime.db, (tx) =>
			previewRoster(tx, actor, { fileName: "roster.csv", bytes: new TextEncoder().encode(csv) }),
		);
		await inTransaction(runtime.db, (tx) => applyRoster(tx, actor, preview.id, runtime.secrets));

		await ensureRecurring(runtime.db, JOBS, new Date());
		const queued = await runtime.db
			.selectFrom("jobs")
			.selectAll()
			.where("name", "=", LAPSE_JOB)
			.where("tenant_id", "=", w.tenant.id)
			.executeTakeFirst();
		assert.ok(queued, "the lapse is queued for the tenant");
		await runDueJobs(runtime, {
			declarations: JOBS,
			now: () => new Date(Date.parse(queued.due_at) + 1000),
		});

		const view = await expectJson<AffairView>(
			await w.kachoClient.get(`/api/my-number/affairs/${w.affair.id}`),
		);
		assert.deepEqual(
			view.handlers.map((h) => [h.endsOn, h.endReason]),
			[["2027-04-01", "transferred"]],
		);
		assert.equal(view.notices.length, 1);
		assert.equal(view.notices[0]?.handlerName, "太郎");
		const work = await expectJson<{ items: { kind: string; count: number }[] }>(
			await w.kachoClient.get("/api/my-work"),
		);
		assert.deepEqual(
			work.items.find((i) => i.kind === "my_number_handler_changes"),
			{ kind: "my_number_handler_changes", count: 1 },
		);
		const events = await auditEvents(runtime.db, w.tenant.id);
		const ended = events.find((e) => e.type === "my_number.handler_ended");
		assert.deepEqual(ended?.payload, {
			affairId: w.affair.id,
			staffId: w.clerk.staffId,
			endsOn: "2027-04-01",
			reason: "transferred",
			notifiedAccountIds: [w.kacho.id],
		});
		// Seen: gone from Home; a second run ends nothing more.
		await expectJson(
			await w.kachoClient.post(
				`/api/my-number/affairs/${w.affair.id}/notices/${view.notices[0]?.id}/seen`,
			),
		);
		const after = await expectJson<{ items: { kind: string }[] }>(
			await w.kachoClient.get("/api/my-work"),
		);
		assert.ok(!after.items.some((i) => i.kind === "my_number_handler_changes"));
		assert.deepEqual(await lapseHandlers(runtime, w.tenant.id), []);
	});

	test("Kitakyushu: no such feature; every route answers 404 my_number_not_in_policy", async () => {
		const tenant = await tenantOn("kitakyushu");
		const ciso = await person(tenant, ["ciso", "chief_officer"]);
		const session = await expectJson<{ session: { permissions: string[] } }>(
			await ciso.client.get("/api/auth/session"),
		);
		assert.ok(!session.session.permissions.some((p) => p.startsWith("my_number.")));
		const bodies: Record<string, unknown> = {
			"/api/my-number/affairs": sampleAffair("x"),
			"/api/my-number/affairs/{id}": { ...sampleAffair("x"), kind: undefined, version: 1 },
			"/api/my-number/affairs/{id}/handlers": { staffId: "x", startsOn: "2026-04-01" },
			"/api/my-number/affairs/{id}/handlers/{handlerId}/end": { endsOn: "2026-10-01" },
			"/api/my-number/affairs/{id}/links": { kind: "asset", code: "A-1" },
			"/api/my-number/affairs/{id}/provisions": {
				providedOn: "2026-06-10",
				recipient: "佐賀県",
				legalBasis: "番号法第19条",
				items: "個人番号",
				personCount: 1,
			},
		};
		for (const entry of MY_NUMBER_ROUTES) {
			const params = Object.fromEntries(
				[...entry.path.matchAll(/\{(\w+)\}/g)].map((m) => [
					m[1] ?? "",
					m[1] === "kind" ? "asset" : "x",
				]),
			);
			const query: Record<string, string> = entry.path.endsWith("/report")
				? { format: "pdf", fiscalYear: "2026" }
				: {};
			const url = urlOf(entry.path.replace(/^\/api/, "/api"), { params, query });
			const problem = await expectProblem(
				await ciso.client.request(
					entry.method,
					url,
					entry.method === "get" || entry.method === "delete" ? undefined : bodies[entry.path],
				),
				404,
				"not_found",
			);
			assert.equal(problem.issues?.[0]?.code, "my_number_not_in_policy", `${entry.method} ${url}`);
		}
		// With valid bodies too: the provision decides, not the body.
		const refused = await expectProblem(
			await ciso.client.post("/api/my-number/affairs", sampleAffair("x")),
			404,
			"not_found",
		);
		assert.equal(refused.issues?.[0]?.code, "my_number_not_in_policy");
		assert.deepEqual(await lapseHandlers(runtime, tenant.id), []);
	});
});
