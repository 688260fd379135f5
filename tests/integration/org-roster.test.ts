import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { ROSTER_HEADERS } from "../../src/modules/org/roster/roster-format.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { type Scheduler, startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { PROBLEM_STATUS, type ProblemCode } from "../../src/shared/problem.ts";
import { readTable, writeXlsx } from "../../src/shared/tabular.ts";
import { auditEvents, breakAuditInserts, countRows } from "../helpers/audit-db.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { proposeMapping } from "../helpers/mappings.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let scheduler: Scheduler;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	// As in `mamori serve`: applying a roster is an import job, which this process runs.
	scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
});
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
});

/**
 * Apply a preview as the UI does: `202` and the job, followed until it ends, then the one-time
 * passwords (shown once). Answers as the synchronous apply did: 200 with `{ import,
 * oneTimePasswords }`, the refusal of the request itself, or the failed job's problem.
 */
async function applyPreview(client: TestClient, id: string): Promise<Response> {
	const response = await client.post(`/api/roster-imports/${id}/apply`);
	if (response.status !== 202) return response;
	let job = (await response.json()) as {
		id: string;
		status: string;
		error: { code: string; detail: string } | null;
	};
	assert.equal((job as unknown as { kind: string }).kind, "org.roster");
	while (job.status === "queued" || job.status === "running") {
		await new Promise((resolve) => setTimeout(resolve, 20));
		job = await expectJson(await client.get(`/api/imports/${job.id}`));
	}
	if (job.status !== "done") {
		const code = (job.error?.code ?? "internal") as ProblemCode;
		return Response.json(
			{ code, detail: job.error?.detail ?? "" },
			{ status: PROBLEM_STATUS[code], headers: { "content-type": "application/problem+json" } },
		);
	}
	const preview = await expectJson<Preview>(await client.get(`/api/roster-imports/${id}`));
	const shown = await expectJson<Pick<Applied, "oneTimePasswords">>(
		await client.post(`/api/roster-imports/${id}/one-time-passwords`),
	);
	return Response.json({ import: preview, ...shown });
}

interface Plan {
	errors: { row: number; column: string | null; message: string }[];
	newStaff: {
		staffNumber: string;
		username: string;
		displayName: string;
		unitCode: string;
		effectiveAt: string;
		roles: { role: string }[];
	}[];
	moves: { staffNumber: string; fromUnitCode: string; toUnitCode: string }[];
	updates: { staffNumber: string; field: string; before: string | null; after: string | null }[];
	roleChanges: {
		staffNumber: string;
		end: { role: string }[];
		start: { role: string; unitCode: string | null }[];
	}[];
	leavers: { staffNumber: string; username: string }[];
	returning: { staffNumber: string }[];
	counts: Record<string, number>;
	skippedBlank: number;
	skippedTotal: number[];
}
interface Preview {
	id: string;
	status: string;
	plan: Plan;
	allowedActions: string[];
}
interface Applied {
	import: Preview;
	oneTimePasswords: { username: string; oneTimePassword: string }[];
}

/** A tenant with 総務部 > 情報政策課 / 企画課 and an administrator's client. */
async function setUp() {
	const tenant = await makeTenant(runtime);
	const dept = await makeOrgUnit(runtime, tenant, {
		code: `soumu-${tenant.slug}`,
		kind: "department",
	});
	const joho = await makeOrgUnit(runtime, tenant, {
		code: "joho",
		kind: "section",
		parent_id: dept.id,
	});
	const kikaku = await makeOrgUnit(runtime, tenant, {
		code: "kikaku",
		kind: "section",
		parent_id: dept.id,
	});
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, app, admin);
	return { tenant, dept, joho, kikaku, admin, client };
}

const csvLine = (cells: string[]) => cells.join(",");

function upload(client: TestClient, bytes: Uint8Array, fileName = "roster.csv") {
	return client.post("/api/roster-imports", {
		fileName,
		contentBase64: Buffer.from(bytes).toString("base64"),
	});
}

async function staffState(tenant: TenantRow) {
	return {
		staff: await countRows(runtime.db, "staff", tenant.id),
		accounts: await countRows(runtime.db, "accounts", tenant.id),
		roles: await countRows(runtime.db, "role_assignments", tenant.id),
		rows: await runtime.db
			.selectFrom("staff")
			.select(["staff_number", "org_unit_id", "title", "active"])
			.where("tenant_id", "=", tenant.id)
			.orderBy("staff_number")
			.execute(),
		disabled: await runtime.db
			.selectFrom("accounts")
			.select("username")
			.where("tenant_id", "=", tenant.id)
			.where("disabled_at", "is not", null)
			.execute(),
	};
}

test("an XLSX roster of new staff: preview, apply in one go, one-time passwords once", async () => {
	const { client, joho, tenant } = await setUp();
	const bytes = await writeXlsx([
		{
			name: "名簿",
			header: [...ROSTER_HEADERS],
			rows: [
				[
					"2001",
					"山田 花子",
					"yamada",
					"yamada@example.jp",
					"職員",
					"joho",
					"課長",
					"管理者@joho; 委員",
					"○",
					"2026-04-01",
				],
				["2002", "田中 次郎", "tanaka", "", "会計年度任用職員", "kikaku", "", "", "", ""],
			],
		},
	]);
	const preview = await expectJson<Preview>(await upload(client, bytes, "roster.xlsx"), 201);
	assert.deepEqual(preview.plan.errors, []);
	assert.deepEqual(
		preview.plan.newStaff.map((s) => s.username),
		["yamada", "tanaka"],
	);
	assert.deepEqual(
		preview.plan.newStaff[0]?.roles.map((r) => r.role),
		["section_manager", "committee_member"],
	);
	assert.equal(preview.plan.counts.newStaff, 2);
	assert.deepEqual(preview.allowedActions, ["roster.import"]);
	assert.equal(await countRows(runtime.db, "staff", tenant.id), 0, "a preview changes nothing");

	const applied = await expectJson<Applied>(await applyPreview(client, preview.id));
	assert.equal(applied.import.status, "applied");
	assert.deepEqual(
		applied.oneTimePasswords.map((p) => p.username),
		["yamada", "tanaka"],
	);
	assert.ok(applied.oneTimePasswords.every((p) => p.oneTimePassword.length >= 12));
	await expectProblem(
		await client.post(`/api/roster-imports/${preview.id}/one-time-passwords`),
		409,
		"conflict",
	);

	const staff = await expectJson<{
		items: { username: string; orgUnitCode: string; category: string; title: string | null }[];
	}>(await client.get(`/api/staff?unitId=${joho.id}`));
	assert.deepEqual(
		staff.items.map((s) => [s.username, s.orgUnitCode, s.category, s.title]),
		[["yamada", "joho", "regular", "課長"]],
	);
	const tree = await expectJson<{
		items: {
			code: string;
			staffCount: number;
			roleHolders: { role: string; displayName: string; validFrom: string }[];
		}[];
	}>(await client.get("/api/org-units/tree"));
	const johoNode = tree.items.find((u) => u.code === "joho");
	assert.equal(johoNode?.staffCount, 1);
	assert.deepEqual(
		johoNode?.roleHolders.map((h) => [h.role, h.displayName, h.validFrom]),
		[["section_manager", "山田 花子", "2026-03-31T15:00:00.000Z"]],
	);
	const types = (await auditEvents(runtime.db, tenant.id)).map((e) => e.type);
	assert.equal(types.filter((t) => t === "staff.created").length, 2);
	assert.ok(types.includes("roster.applied"));

	const csv = await client.post(`/api/roster-imports/${preview.id}/passwords.csv`);
	assert.equal(csv.status, 200);
	const rows = (await readTable(new Uint8Array(await csv.arrayBuffer()))).rows;
	assert.deepEqual(
		rows.slice(1).map((r) => [r[2], r[3]]),
		applied.oneTimePasswords.map((p) => [p.username, p.oneTimePassword]),
	);
	await expectProblem(
		await client.post(`/api/roster-imports/${preview.id}/passwords.csv`),
		409,
		"conflict",
	);
	await expectProblem(await applyPreview(client, preview.id), 409, "conflict");
});

test("a Shift_JIS CSV of the April transfer: moves, title, category and role changes, leavers", async () => {
	const { client, tenant, joho, kikaku } = await setUp();
	const mover = await makeStaff(runtime, tenant, joho.id, { staffNumber: "3001", title: "主事" });
	const leaver = await makeStaff(runtime, tenant, kikaku.id, { staffNumber: "3002" });
	const mine = await makeStaff(runtime, tenant, joho.id, { staffNumber: "3000" });
	const lines = [
		csvLine([...ROSTER_HEADERS]),
		csvLine([
			"3001",
			"テスト 職員",
			mover.username,
			"",
			"会計年度任用職員",
			"kikaku",
			"主任",
			"管理者@kikaku",
			"×",
			"2026/4/1",
		]),
		csvLine(["3000", "テスト 職員", mine.username, "", "職員", "joho", "", "CSIRT", "", ""]),
	];
	const bytes = encodeShiftJis(`${lines.join("\r\n")}\r\n`);
	const preview = await expectJson<Preview>(await upload(client, bytes), 201);
	assert.deepEqual(preview.plan.errors, []);
	assert.deepEqual(
		preview.plan.moves.map((m) => [m.staffNumber, m.fromUnitCode, m.toUnitCode]),
		[["3001", "joho", "kikaku"]],
	);
	assert.deepEqual(
		preview.plan.updates.map((u) => [u.staffNumber, u.field, u.after]),
		[
			["3001", "category", "fiscal_year_appointed"],
			["3001", "title", "主任"],
		],
	);
	assert.deepEqual(
		preview.plan.roleChanges.map((c) => [
			c.staffNumber,
			c.start.map((s) => `${s.role}@${s.unitCode}`),
		]),
		[
			["3001", ["section_manager@kikaku"]],
			["3000", ["csirt@null"]],
		],
	);
	assert.deepEqual(
		preview.plan.leavers.map((l) => l.staffNumber),
		["3002"],
	);
	assert.equal(preview.plan.counts.accountsToDisable, 1);

	const leaverClient = await activeClient(runtime, app, leaver);
	assert.equal((await leaverClient.get("/api/org-units")).status, 200);
	await expectJson<Applied>(await applyPreview(client, preview.id));
	const after = await staffState(tenant);
	assert.deepEqual(
		after.rows.map((r) => [r.staff_number, r.org_unit_id, r.title, Boolean(r.active)]),
		[
			["3000", joho.id, null, true],
			["3001", kikaku.id, "主任", true],
			["3002", kikaku.id, null, false],
		],
	);
	assert.deepEqual(
		after.disabled.map((d) => d.username),
		[leaver.username],
	);
	await expectProblem(await leaverClient.get("/api/org-units"), 401, "unauthenticated");
});

test("a Windows CP932 roster with 髙 and 﨑, 和暦 発令日, full-width numbers, a blank and a total row", async () => {
	const { client, tenant } = await setUp();
	const lines = [
		csvLine([...ROSTER_HEADERS]),
		csvLine([
			"６００１",
			"髙橋 一郎",
			"takahashi",
			"",
			"職員",
			"joho",
			"",
			"",
			"",
			"令和8年4月1日",
		]),
		",,,,,,,,,",
		csvLine(["6002", "山﨑 花子", "yamasaki", "", "職員", "ｋｉｋａｋｕ", "", "", "", "R8.4.1"]),
		csvLine(["合計", "２名", "", "", "", "", "", "", "", ""]),
	];
	const bytes = encodeShiftJis(`${lines.join("\r\n")}\r\n`);
	const hex = Buffer.from(bytes).toString("hex");
	assert.ok(hex.includes("fbfc") && hex.includes("fab1"), "髙 and 﨑 as Windows writes them");
	const preview = await expectJson<Preview>(await upload(client, bytes), 201);
	assert.deepEqual(preview.plan.errors, []);
	assert.deepEqual([preview.plan.skippedBlank, preview.plan.skippedTotal], [1, [5]]);
	assert.deepEqual(
		preview.plan.newStaff.map((s) => [s.staffNumber, s.displayName, s.unitCode, s.effectiveAt]),
		[
			["6001", "髙橋 一郎", "joho", "2026-03-31T15:00:00.000Z"],
			["6002", "山﨑 花子", "kikaku", "2026-03-31T15:00:00.000Z"],
		],
	);
	await expectJson<Applied>(await applyPreview(client, preview.id));
	const names = await runtime.db
		.selectFrom("accounts")
		.select(["username", "display_name"])
		.where("tenant_id", "=", tenant.id)
		.where("username", "in", ["takahashi", "yamasaki"])
		.orderBy("username")
		.execute();
	assert.deepEqual(
		names.map((n) => [n.username, n.display_name]),
		[
			["takahashi", "髙橋 一郎"],
			["yamasaki", "山﨑 花子"],
		],
	);
});

test("the personnel system's own staff list previews through a saved column mapping", async () => {
	const { client, tenant } = await setUp();
	// Its export: a title row, its own header words in its own order, a column Mamori does not
	// keep (生年月日), and a total row whose count sits in that column.
	const list = (rows: string[][]) =>
		encodeShiftJis(
			[
				"職員名簿（令和8年4月1日現在）,,,,,",
				"所属,職員コード,職員氏名,ログインID,雇用区分,生年月日",
				...rows.map(csvLine),
			].join("\r\n"),
		);
	const first = list([
		["joho", "3001", "髙木 﨑子", "takagi", "職員", "1990-01-01"],
		["kikaku", "3002", "佐藤 一郎", "sato", "会計年度任用職員", "1985-05-05"],
		["", "", "", "", "", "合計"],
	]);
	const proposal = await proposeMapping(
		client,
		"org.roster",
		"名簿.csv",
		first,
		"人事給与システム",
	);
	assert.deepEqual(proposal.mapping.headerRows, [2]);
	assert.deepEqual(proposal.missing, []);
	assert.equal(proposal.mapping.columns.生年月日, null);
	await proposal.save();
	const send = (bytes: Uint8Array) =>
		client.post("/api/roster-imports", {
			fileName: "名簿.csv",
			contentBase64: Buffer.from(bytes).toString("base64"),
			mappingSource: "人事給与システム",
		});
	const preview = await expectJson<Preview>(await send(first), 201);
	assert.deepEqual(preview.plan.errors, []);
	assert.deepEqual(
		preview.plan.newStaff.map((s) => [s.staffNumber, s.displayName, s.unitCode]),
		[
			["3001", "髙木 﨑子", "joho"],
			["3002", "佐藤 一郎", "kikaku"],
		],
	);
	assert.deepEqual(preview.plan.skippedTotal, [5]);
	const applied = await expectJson<Applied>(await applyPreview(client, preview.id));
	assert.equal(applied.import.status, "applied");
	assert.equal(await countRows(runtime.db, "staff", tenant.id), 2);
	// Errors name the list's own rows and columns.
	const bad = await expectJson<Preview>(
		await send(list([["nowhere", "3003", "鈴木 三郎", "suzuki", "職員", ""]])),
		201,
	);
	assert.deepEqual(
		bad.plan.errors.map((e) => [e.row, e.column]),
		[[3, "所属"]],
	);
});

test("a roster with bad rows is rejected row by row and nothing is applied", async () => {
	const { client, tenant, joho } = await setUp();
	await makeStaff(runtime, tenant, joho.id, { staffNumber: "4001" });
	const text = [
		csvLine([...ROSTER_HEADERS]),
		csvLine(["5001", "甲", "ko", "", "嘱託", "joho", "", "", "", ""]),
		csvLine(["5002", "乙", "otsu", "", "職員", "nowhere", "", "", "", ""]),
		csvLine(["5002", "丙", "hei", "", "職員", "joho", "", "責任者", "", ""]),
		csvLine(["5003", "丁", "tei", "not-an-email", "職員", "joho", "", "", "", ""]),
	].join("\n");
	const before = await staffState(tenant);
	const preview = await expectJson<Preview>(
		await upload(client, new TextEncoder().encode(`\uFEFF${text}`)),
		201,
	);
	assert.deepEqual(
		preview.plan.errors.map((e) => [e.row, e.column]),
		[
			[2, "職員区分"],
			[3, "所属コード"],
			[4, "職員番号"],
			[4, "役割"],
			[5, "メールアドレス"],
		],
	);
	assert.equal(preview.plan.counts.invalidRows, 4);
	assert.deepEqual(preview.allowedActions, [], "the UI gets no apply button");
	const problem = await expectProblem(
		await applyPreview(client, preview.id),
		400,
		"validation_failed",
	);
	assert.equal(problem.issues?.length, 5);
	assert.deepEqual(await staffState(tenant), before);
});

test("apply refuses a stale preview: the data changed since", async () => {
	const { client, tenant, joho } = await setUp();
	const person = await makeStaff(runtime, tenant, joho.id, { staffNumber: "6001" });
	const text = [
		csvLine([...ROSTER_HEADERS]),
		csvLine(["6001", "テスト 職員", person.username, "", "職員", "kikaku", "", "", "", ""]),
	].join("\n");
	const preview = await expectJson<Preview>(
		await upload(client, new TextEncoder().encode(text)),
		201,
	);
	assert.equal(preview.plan.counts.moves, 1);
	await expectJson(await client.patch(`/api/staff/${person.staffId}`, { title: "係長" }));
	const before = await staffState(tenant);
	const problem = await expectProblem(await applyPreview(client, preview.id), 409, "conflict");
	assert.match(problem.detail, /changed since this preview/);
	assert.deepEqual(await staffState(tenant), before);
});

test("apply is one transaction: an audit failure midway leaves everything as it was", async () => {
	const { client, tenant, joho } = await setUp();
	const person = await makeStaff(runtime, tenant, joho.id, { staffNumber: "7001" });
	await makeStaff(runtime, tenant, joho.id, { staffNumber: "7002" });
	const text = [
		csvLine([...ROSTER_HEADERS]),
		csvLine([
			"7001",
			"テスト 職員",
			person.username,
			"",
			"職員",
			"kikaku",
			"課長",
			"CSIRT",
			"",
			"",
		]),
		csvLine(["7003", "新人", "shinjin-7003", "", "職員", "joho", "", "", "", ""]),
	].join("\n");
	const preview = await expectJson<Preview>(
		await upload(client, new TextEncoder().encode(text)),
		201,
	);
	assert.deepEqual(preview.plan.errors, []);
	const before = await staffState(tenant);
	const auditBefore = await countRows(runtime.db, "audit_events", tenant.id);
	// The last event of apply fails: every change before it has been written, and must go.
	const restore = await breakAuditInserts(runtime, { type: "roster.applied" });
	try {
		const failed = await applyPreview(client, preview.id);
		assert.equal(failed.status, 500);
	} finally {
		await restore();
	}
	assert.deepEqual(await staffState(tenant), before);
	assert.equal(await countRows(runtime.db, "audit_events", tenant.id), auditBefore);
	const again = await expectJson<Preview>(await client.get(`/api/roster-imports/${preview.id}`));
	assert.equal(again.status, "previewed", "still waiting to be applied");
	const applied = await expectJson<Applied>(await applyPreview(client, preview.id));
	assert.equal(applied.oneTimePasswords.length, 1);
	assert.equal((await staffState(tenant)).staff, before.staff + 1);
});

test("another tenant's administrator cannot see or apply a preview", async () => {
	const a = await setUp();
	const b = await setUp();
	const text = [
		csvLine([...ROSTER_HEADERS]),
		csvLine(["8001", "甲", "ko-8001", "", "職員", "joho", "", "", "", ""]),
	].join("\n");
	const preview = await expectJson<Preview>(
		await upload(a.client, new TextEncoder().encode(text)),
		201,
	);
	await expectProblem(await b.client.get(`/api/roster-imports/${preview.id}`), 404, "not_found");
	await expectProblem(await applyPreview(b.client, preview.id), 404, "not_found");
	const inB = await expectJson<Preview>(
		await upload(b.client, new TextEncoder().encode(text)),
		201,
	);
	assert.deepEqual(inB.plan.errors, [], "B's own unit joho and a free user name");
	assert.equal(await countRows(runtime.db, "staff", a.tenant.id), 0);
});

test("the template comes as XLSX and CSV with the documented headers", async () => {
	const { client } = await setUp();
	for (const format of ["xlsx", "csv"]) {
		const response = await client.get(`/api/roster-template?format=${format}`);
		assert.equal(response.status, 200);
		const table = await readTable(new Uint8Array(await response.arrayBuffer()));
		assert.deepEqual(table.rows[0], [...ROSTER_HEADERS]);
		assert.equal(table.format, format);
	}
});

test("an account made by hand is linked to its staff record, without a new password", async () => {
	const { client, tenant, admin } = await setUp();
	const text = [
		csvLine([...ROSTER_HEADERS]),
		csvLine(["9001", "管理 者", admin.username, "", "職員", "joho", "課長", "", "", ""]),
	].join("\n");
	const preview = await expectJson<Preview>(
		await upload(client, new TextEncoder().encode(text)),
		201,
	);
	assert.deepEqual(preview.plan.errors, []);
	assert.equal(preview.plan.counts.newStaff, 1);
	const before = await countRows(runtime.db, "accounts", tenant.id);
	const applied = await expectJson<Applied>(await applyPreview(client, preview.id));
	assert.deepEqual(applied.oneTimePasswords, []);
	assert.equal(await countRows(runtime.db, "accounts", tenant.id), before);
	const staff = await runtime.db
		.selectFrom("staff")
		.select(["account_id", "title"])
		.where("tenant_id", "=", tenant.id)
		.executeTakeFirstOrThrow();
	assert.deepEqual({ ...staff }, { account_id: admin.id, title: "課長" });
});
