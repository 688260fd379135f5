import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { BUNDLED_CHECKLIST_IDS } from "../../src/modules/assurance/checklists/bundled-checklists.ts";
import {
	CHECKLIST_SHEETS,
	INFO_HEADER,
	ITEM_HEADERS,
} from "../../src/modules/assurance/checklists/checklist-format.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { writeXlsx } from "../../src/shared/tabular.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { checklistFile } from "../helpers/checklist-world.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Checklists of self-inspection and audit over HTTP: the pack's bundled checklists appear on the
 * first visit, once; a workbook is checked with every error at sheet, row and column and saved
 * all or nothing as a new checklist or a new version; every bundled checklist goes out as XLSX
 * and comes back with the same items; auditors read, the IT-policy section manages.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let scheduler: ReturnType<typeof startScheduler>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
});
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
});

interface Summary {
	id: string;
	kind: string;
	title: string;
	bundledId: string | null;
	latestVersion: number;
	itemCount: number;
}
interface List {
	items: Summary[];
	bundled: { id: string; ofTenantPack: boolean; checklistId: string | null }[];
	allowedActions: string[];
}
interface Item {
	id: string;
	number: string;
	question: string;
	packRef: string | null;
	packRule: { inPack: boolean; summary: { ja: string } | null } | null;
	[key: string]: unknown;
}
interface VersionDetail {
	checklist: Summary;
	version: {
		version: number;
		title: string;
		source: string;
		sourceName: string | null;
		itemCount: number;
	};
	items: Item[];
}
interface Report {
	errors: {
		sheet: string | null;
		row: number | null;
		column: string | null;
		code: string;
		params: Record<string, unknown>;
	}[];
	errorCount: number;
	rows: number;
	checklistId: string | null;
	version: number | null;
	applied: boolean;
}
interface Job {
	id: string;
	kind: string;
	status: string;
	result: Report | null;
}

async function tenantOn(pack: "saga" | "kitakyushu" | "standard"): Promise<TenantRow> {
	const slug = unique("t");
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: `${slug} 市`, pack }),
	);
}

async function clientOf(tenant: TenantRow, roles: Role[]): Promise<TestClient> {
	return activeClient(runtime, app, await makeAccount(runtime, tenant, { roles }));
}

const list = (client: TestClient) =>
	client.get("/api/assurance/checklists").then((r) => expectJson<List>(r));

const version = (client: TestClient, id: string, number: number) =>
	client
		.get(`/api/assurance/checklists/${id}/versions/${number}`)
		.then((r) => expectJson<VersionDetail>(r));

function countRows(table: "assurance_checklists" | "assurance_checklist_items", tenantId: string) {
	return runtime.db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("tenant_id", "=", tenantId)
		.executeTakeFirstOrThrow()
		.then((row) => Number(row.n));
}

async function importFile(
	client: TestClient,
	bytes: Uint8Array,
	mode: "dry_run" | "apply",
	checklistId?: string,
) {
	return client.post("/api/assurance/checklists/import", {
		filename: "点検.xlsx",
		contentBase64: Buffer.from(bytes).toString("base64"),
		mode,
		...(checklistId ? { checklistId } : {}),
	});
}

/** Apply a file as a job and wait for its end. */
async function applyFile(
	client: TestClient,
	bytes: Uint8Array,
	checklistId?: string,
): Promise<Job> {
	let job = await expectJson<Job>(await importFile(client, bytes, "apply", checklistId), 202);
	assert.equal(job.kind, "assurance.checklist");
	while (job.status === "queued" || job.status === "running") {
		await new Promise((resolve) => setTimeout(resolve, 20));
		job = await expectJson<Job>(await client.get(`/api/imports/${job.id}`));
	}
	return job;
}

const withoutIds = (items: Item[]) => items.map(({ id: _, packRule: __, ...item }) => item);

describe("the pack's bundled checklists on the first visit", () => {
	let tenant: TenantRow;
	let chief: TestClient;
	before(async () => {
		tenant = await tenantOn("saga");
		chief = await clientOf(tenant, ["chief_officer"]);
	});

	test("two first visits at once add Saga's self-inspection and audit checklists once", async () => {
		const [first, second] = await Promise.all([list(chief), list(chief)]);
		assert.deepEqual(
			first.items.map((c) => c.bundledId),
			["saga.self_inspection", "saga.audit"],
		);
		assert.deepEqual(
			second.items.map((c) => c.id),
			first.items.map((c) => c.id),
		);
		assert.equal(await countRows("assurance_checklists", tenant.id), 2);
		const again = await list(chief);
		assert.equal(again.items.length, 2);
		const created = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.type === "assurance_checklist.created",
		);
		assert.equal(created.length, 2);
		assert.ok(first.items.every((c) => c.latestVersion === 1 && c.itemCount > 30));
	});

	test("the list offers every bundled checklist, marking the tenant's pack and its copies", async () => {
		const { bundled, allowedActions } = await list(chief);
		assert.deepEqual(
			bundled.map((b) => b.id),
			[...BUNDLED_CHECKLIST_IDS],
		);
		assert.deepEqual(
			bundled.filter((b) => b.ofTenantPack).map((b) => b.id),
			["saga.self_inspection", "saga.audit"],
		);
		assert.ok(bundled.find((b) => b.id === "saga.audit")?.checklistId);
		assert.equal(bundled.find((b) => b.id === "standard.audit")?.checklistId, null);
		assert.deepEqual(allowedActions.sort(), [
			"assurance_checklist.manage",
			"assurance_checklist.read",
		]);
	});

	test("a version's items read their pack references against the tenant's pack", async () => {
		const self = (await list(chief)).items.find((c) => c.bundledId === "saga.self_inspection");
		assert.ok(self);
		const detail = await version(chief, self.id, 1);
		const pcOff = detail.items.find((i) => i.packRef === "rule:pc_off_when_leaving");
		assert.equal(pcOff?.packRule?.inPack, true);
		assert.match(pcOff?.packRule?.summary?.ja ?? "", /電源/);
		const freeMail = detail.items.find((i) => i.packRef === "provision:freeMail");
		assert.deepEqual(freeMail?.packRule, { inPack: true, summary: null });
		assert.equal(detail.items.find((i) => i.packRef === null)?.packRule, null);
	});

	test("a Kitakyushu checklist added to Saga names the rules Saga's pack lacks", async () => {
		const added = await expectJson<Summary>(
			await chief.post("/api/assurance/checklists/bundled", {
				bundledId: "standard.self_inspection",
			}),
			201,
		);
		const detail = await version(chief, added.id, 1);
		const noTakeOut = detail.items.find((i) => i.packRef === "rule:mynumber_no_take_out");
		assert.deepEqual(noTakeOut?.packRule, { inPack: false, summary: null });
	});
});

describe("who may see and keep checklists", () => {
	let tenant: TenantRow;
	let checklistId: string;
	before(async () => {
		tenant = await tenantOn("standard");
		checklistId = (await list(await clientOf(tenant, ["ciso"]))).items[0]?.id ?? "";
	});

	test("an auditor reads the list, a version and its export, but changes nothing", async () => {
		const auditor = await clientOf(tenant, ["auditor"]);
		const { allowedActions } = await list(auditor);
		assert.deepEqual(allowedActions, ["assurance_checklist.read"]);
		await version(auditor, checklistId, 1);
		const exported = await auditor.get(
			`/api/assurance/checklists/${checklistId}/versions/1/export`,
		);
		assert.equal(exported.status, 200);
		await expectProblem(
			await importFile(auditor, await checklistFile(), "dry_run"),
			403,
			"forbidden",
		);
		await expectProblem(
			await auditor.post("/api/assurance/checklists/bundled", { bundledId: "saga.audit" }),
			403,
			"forbidden",
		);
	});

	test("plain staff and a section manager do not see the checklists page", async () => {
		for (const roles of [[], ["section_manager"]] as Role[][]) {
			const client = await clientOf(tenant, roles);
			await expectProblem(await client.get("/api/assurance/checklists"), 403, "forbidden");
		}
	});

	test("a version that does not exist is not found", async () => {
		const admin = await clientOf(tenant, ["tenant_admin"]);
		await expectProblem(
			await admin.get(`/api/assurance/checklists/${checklistId}/versions/9`),
			404,
			"not_found",
		);
	});
});

describe("importing a workbook", () => {
	let tenant: TenantRow;
	let admin: TestClient;
	before(async () => {
		tenant = await tenantOn("standard");
		admin = await clientOf(tenant, ["tenant_admin"]);
		await list(admin);
	});

	test("a bad file: every error with sheet, row and column, and nothing saved", async () => {
		const before = await countRows("assurance_checklist_items", tenant.id);
		const bytes = await writeXlsx([
			{
				name: CHECKLIST_SHEETS.info,
				header: [...INFO_HEADER],
				rows: [
					["名称", "悪い例"],
					["種類", "自己点検"],
				],
			},
			{
				name: CHECKLIST_SHEETS.items,
				header: [...ITEM_HEADERS],
				rows: [
					[
						"6(4)-1",
						"6(4)",
						"",
						"画面をロックしているか。",
						"来庁者",
						"はい・いいえ・該当なし",
						"",
						"はい",
						"",
						"",
					],
					["6(4)-1", "6(4)", "", "電源を切っているか。", "全職員", "段階", "", "はい", "", ""],
				],
			},
		]);
		const dry = await expectJson<Report>(await importFile(admin, bytes, "dry_run"));
		assert.equal(dry.applied, false);
		assert.deepEqual(
			dry.errors.map((e) => [e.sheet, e.row, e.column, e.code]),
			[
				["点検項目", 2, "回答者", "value_not_in_list"],
				["点検項目", 3, "段階", "checklist_levels_missing"],
				["点検項目", 3, "番号", "checklist_number_repeated"],
			],
		);
		const job = await applyFile(admin, bytes);
		assert.equal(job.status, "refused");
		assert.equal(job.result?.errorCount, 3);
		assert.equal(await countRows("assurance_checklist_items", tenant.id), before);
	});

	test("a good file becomes a new checklist, version 1, in one job", async () => {
		const dry = await expectJson<Report>(
			await importFile(admin, await checklistFile("庁舎点検"), "dry_run"),
		);
		assert.deepEqual([dry.errorCount, dry.rows, dry.applied], [0, 2, false]);
		const job = await applyFile(admin, await checklistFile("庁舎点検"));
		assert.equal(job.status, "done");
		assert.equal(job.result?.applied, true);
		assert.equal(job.result?.version, 1);
		const detail = await version(admin, job.result?.checklistId ?? "", 1);
		assert.equal(detail.checklist.title, "庁舎点検");
		assert.deepEqual(
			detail.items.map((i) => [i.number, i.answerer, i.scale, i.levels, i.required]),
			[
				["6(4)-1", "all_staff", "yes_no_na", [], true],
				["6(5)-1", "manager", "level", ["未受講が多い", "半数以上", "全員"], false],
			],
		);
		assert.deepEqual([detail.version.source, detail.version.sourceName], ["import", "点検.xlsx"]);
		const events = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.type === "assurance_checklist.created" && e.payload.source === "import",
		);
		assert.equal(events.length, 1);
	});

	test("a file imported into a checklist becomes its next version; the earlier one stays", async () => {
		const self = (await list(admin)).items.find((c) => c.bundledId === "standard.self_inspection");
		assert.ok(self);
		const first = await version(admin, self.id, 1);
		const job = await applyFile(admin, await checklistFile("自己点検（令和8年度）"), self.id);
		assert.equal(job.result?.version, 2);
		const second = await version(admin, self.id, 2);
		assert.equal(second.items.length, 2);
		assert.equal(second.checklist.title, "自己点検（令和8年度）");
		assert.equal(second.checklist.latestVersion, 2);
		assert.deepEqual(await version(admin, self.id, 1), { ...first, checklist: second.checklist });
		const added = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.type === "assurance_checklist.version_added",
		);
		assert.deepEqual(
			added.map((e) => e.payload.version),
			[2],
		);
	});

	test("a self-inspection file is refused as a version of an audit checklist", async () => {
		const audit = (await list(admin)).items.find((c) => c.bundledId === "standard.audit");
		assert.ok(audit);
		const dry = await expectJson<Report>(
			await importFile(admin, await checklistFile(), "dry_run", audit.id),
		);
		assert.deepEqual(
			dry.errors.map((e) => [e.sheet, e.row, e.column, e.code, e.params.expected]),
			[["チェックリスト", 3, "値", "checklist_kind_mismatch", "監査"]],
		);
	});

	test("a version of another tenant's checklist is not found", async () => {
		const other = await tenantOn("standard");
		const theirs = (await list(await clientOf(other, ["ciso"]))).items[0]?.id ?? "";
		await expectProblem(
			await importFile(admin, await checklistFile(), "dry_run", theirs),
			404,
			"not_found",
		);
	});

	test("a file that is not XLSX is one error, with its code", async () => {
		const dry = await expectJson<Report>(
			await importFile(admin, new TextEncoder().encode("番号,点検内容\n"), "dry_run"),
		);
		assert.deepEqual(
			dry.errors.map((e) => e.code),
			["xlsx_required"],
		);
	});
});

describe("the bundled checklists, out as XLSX and back", () => {
	let tenant: TenantRow;
	let admin: TestClient;
	before(async () => {
		tenant = await tenantOn("kitakyushu");
		admin = await clientOf(tenant, ["chief_officer"]);
		await list(admin);
	});

	for (const bundledId of BUNDLED_CHECKLIST_IDS) {
		test(`${bundledId}: export, import as the next version, identical items`, async () => {
			let id = (await list(admin)).items.find((c) => c.bundledId === bundledId)?.id;
			if (!id) {
				const added = await admin.post("/api/assurance/checklists/bundled", { bundledId });
				id = (await expectJson<Summary>(added, 201)).id;
			}
			const original = await version(admin, id, 1);
			const exported = await admin.get(`/api/assurance/checklists/${id}/versions/1/export`);
			assert.equal(exported.status, 200);
			const bytes = new Uint8Array(await exported.arrayBuffer());
			const job = await applyFile(admin, bytes, id);
			assert.equal(job.status, "done", JSON.stringify(job.result?.errors));
			const back = await version(admin, id, job.result?.version ?? 0);
			assert.deepEqual(withoutIds(back.items), withoutIds(original.items));
			assert.equal(back.version.title, original.version.title);
		});
	}

	test("adding a bundled checklist the tenant holds unchanged is refused; after an edit it is a version", async () => {
		const self = (await list(admin)).items.find(
			(c) => c.bundledId === "kitakyushu.self_inspection",
		);
		assert.ok(self);
		// The round trip above saved version 2 with the same items: still current.
		const refused = await expectProblem(
			await admin.post("/api/assurance/checklists/bundled", {
				bundledId: "kitakyushu.self_inspection",
			}),
			409,
			"conflict",
		);
		assert.equal(refused.issues?.[0]?.code, "checklist_bundled_current");
		await applyFile(admin, await checklistFile("北九州市 自己点検（改）"), self.id);
		const again = await expectJson<Summary>(
			await admin.post("/api/assurance/checklists/bundled", {
				bundledId: "kitakyushu.self_inspection",
			}),
			201,
		);
		assert.equal(again.id, self.id);
		const latest = await version(admin, self.id, again.latestVersion);
		assert.equal(latest.version.source, "bundled");
		assert.ok(latest.items.length > 30);
	});
});
