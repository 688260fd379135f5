import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
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

interface EventItem {
	seq: number;
	type: string;
	occurredAt: string;
	actorId: string | null;
	actorLabel: string | null;
	recordId: string | null;
	data: Record<string, unknown>;
}
interface EventPage {
	items: EventItem[];
	total: number;
	types: string[];
}

/** A tenant with an auditor, an administrator who changes things, and a few failed logins. */
async function busyTenant() {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const auditor = await makeAccount(runtime, tenant, { roles: ["auditor"] });
	const staff = await makeAccount(runtime, tenant);
	const adminClient = await activeClient(runtime, app, admin);
	await expectJson(await adminClient.patch(`/api/accounts/${staff.id}`, { email: "a@example.jp" }));
	await expectJson(
		await adminClient.post("/api/org-units", { code: "soumu", name: "総務課", kind: "section" }),
		201,
	);
	for (const username of ["yamada_taro", "yamadaXtaro", "yamada_taro"]) {
		const response = await new TestClient(app).post("/api/auth/login", {
			tenant: tenant.slug,
			username,
			password: "wrong password",
		});
		assert.equal(response.status, 401);
	}
	await expectJson(await adminClient.patch(`/api/accounts/${staff.id}`, { email: null }));
	return {
		tenant,
		admin,
		staff,
		auditor: await activeClient(runtime, app, auditor),
	};
}

async function list(client: TestClient, query: Record<string, string>) {
	const search = new URLSearchParams({ limit: "500", ...query });
	return expectJson<EventPage>(await client.get(`/api/audit-events?${search}`));
}

test("the audit list filters by actor, type and record, newest first", async () => {
	const { tenant, admin, staff, auditor } = await busyTenant();
	const all = await auditEvents(runtime.db, tenant.id);

	const everything = await list(auditor, {});
	assert.equal(everything.total, all.length);
	assert.deepEqual(
		everything.items.map((e) => e.seq),
		all.map((e) => e.seq).reverse(),
		"newest first",
	);
	assert.ok(everything.types.includes("account.updated"));

	const byActorId = await list(auditor, { actor: admin.id });
	assert.deepEqual(
		byActorId.items.map((e) => e.type),
		["account.updated", "org_unit.created", "account.updated"],
	);

	const byLabel = await list(auditor, { actor: "yamada_t" });
	assert.deepEqual(
		byLabel.items.map((e) => e.actorLabel),
		["yamada_taro", "yamada_taro"],
		"_ in the filter is a literal underscore, not a wildcard",
	);

	const byType = await list(auditor, { type: "auth.login_failed" });
	assert.equal(byType.total, 3);
	assert.ok(byType.items.every((e) => e.type === "auth.login_failed"));

	const byRecord = await list(auditor, { recordId: staff.id });
	assert.deepEqual(
		byRecord.items.map((e) => [e.type, (e.data.after as { email: unknown }).email]),
		[
			["account.updated", null],
			["account.updated", "a@example.jp"],
			["account.created", null],
		],
	);

	const combined = await list(auditor, { actor: admin.id, type: "org_unit.created" });
	assert.deepEqual(
		combined.items.map((e) => e.data.code),
		["soumu"],
	);

	const page = await expectJson<EventPage>(
		await auditor.get("/api/audit-events?type=auth.login_failed&limit=2&offset=2"),
	);
	assert.deepEqual([page.total, page.items.length], [3, 1]);
	await expectProblem(
		await auditor.get("/api/audit-events?type=no.such_type"),
		400,
		"validation_failed",
	);
});

test("the period filter compares instants: from is inclusive, to exclusive", async () => {
	const { tenant, auditor } = await busyTenant();
	const all = await auditEvents(runtime.db, tenant.id);
	const pivot = all[Math.floor(all.length / 2)] ?? assert.fail("events");
	const instant = Date.parse(pivot.occurred_at);
	const wholeSecond = new Date(Math.floor(instant / 1000) * 1000)
		.toISOString()
		.replace(".000Z", "Z");
	const seqs = (keep: (t: number) => boolean) =>
		all
			.filter((e) => keep(Date.parse(e.occurred_at)))
			.map((e) => e.seq)
			.reverse();

	const from = await list(auditor, { from: pivot.occurred_at });
	assert.deepEqual(
		from.items.map((e) => e.seq),
		seqs((t) => t >= instant),
	);
	assert.ok(
		from.items.some((e) => e.seq === pivot.seq),
		"from is inclusive",
	);
	const to = await list(auditor, { to: pivot.occurred_at });
	assert.deepEqual(
		to.items.map((e) => e.seq),
		seqs((t) => t < instant),
	);

	// Written without milliseconds, as people type them: still the same instant.
	const fromSecond = await list(auditor, { from: wholeSecond });
	assert.deepEqual(
		fromSecond.items.map((e) => e.seq),
		seqs((t) => t >= Date.parse(wholeSecond)),
	);
	assert.ok(fromSecond.items.some((e) => e.seq === pivot.seq));
	const toSecond = await list(auditor, { to: wholeSecond });
	assert.deepEqual(
		toSecond.items.map((e) => e.seq),
		seqs((t) => t < Date.parse(wholeSecond)),
	);
	assert.ok(!toSecond.items.some((e) => e.seq === pivot.seq));

	const future = await list(auditor, { from: "2999-01-01T00:00:00Z" });
	assert.equal(future.total, 0);
});

test("the audit log is read per tenant, by those allowed to", async () => {
	const mine = await busyTenant();
	const theirs = await busyTenant();
	const items = (await list(mine.auditor, {})).items;
	assert.ok(items.length > 0);
	const theirIds = new Set((await auditEvents(runtime.db, theirs.tenant.id)).map((e) => e.seq));
	assert.ok(theirIds.size > 0);
	assert.ok(
		!items.some((e) => e.recordId === theirs.staff.id || e.actorId === theirs.admin.id),
		"no events of another tenant",
	);
	const staffClient = await activeClient(runtime, app, mine.staff);
	await expectProblem(await staffClient.get("/api/audit-events"), 403, "forbidden");
	await expectProblem(await staffClient.get("/api/audit-events/export.csv"), 403, "forbidden");
});

/** RFC 4180 fields; enough for the export (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = "";
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ",") {
			row.push(field);
			field = "";
		} else if (ch === "\r" && text[i + 1] === "\n") {
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
			i++;
		} else field += ch;
	}
	assert.equal(field, "", "the file ends with CRLF");
	return rows;
}

test("CSV export: BOM, header, one row per event, formulas defused, and itself audited", async () => {
	const { tenant, admin, staff, auditor } = await busyTenant();
	const adminClient = await activeClient(runtime, app, admin);
	const formula = '=HYPERLINK("http://evil.example/","click")';
	await expectJson(await adminClient.patch(`/api/accounts/${staff.id}`, { displayName: formula }));
	const staffClient = await activeClient(runtime, app, staff);
	assert.equal((await staffClient.post("/api/auth/logout")).status, 204);
	const expected = await auditEvents(runtime.db, tenant.id);

	const response = await auditor.get("/api/audit-events/export.csv");
	assert.equal(response.status, 200);
	assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
	assert.match(
		response.headers.get("content-disposition") ?? "",
		/^attachment; filename=".+\.csv"; filename\*=UTF-8''.+\.csv$/,
	);
	const bytes = new Uint8Array(await response.arrayBuffer());
	assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
	const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
	assert.ok(text.startsWith("\uFEFF"));

	const [header, ...rows] = parseCsv(text.slice(1));
	assert.deepEqual(header, [
		"seq",
		"日時(JST)",
		"occurred_at(UTC)",
		"種別",
		"実行者",
		"実行者ID",
		"IPアドレス",
		"対象種別",
		"対象ID",
		"内容",
		"hash",
	]);
	assert.deepEqual(
		rows.map((r) => Number(r[0])),
		expected.map((e) => e.seq).reverse(),
	);
	const logout = rows.find((r) => r[3] === "auth.logout") ?? assert.fail("logout exported");
	assert.equal(logout[4], `'${formula}`, "a formula in a name is written as text");
	assert.equal(logout[5], staff.id);
	for (const row of rows) {
		for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@]/, `no live formula: ${cell}`);
		assert.match(
			row[1] ?? "",
			/^令和\d+年\d+月\d+日 \d{2}:\d{2}:\d{2}$/u,
			"Japan time, in the tenant's date style (和暦 by default)",
		);
	}
	assert.ok(
		text.includes(`"'=HYPERLINK(""http://evil.example/"",""click"")"`),
		"quotes are doubled",
	);

	const exported = (await auditEvents(runtime.db, tenant.id)).at(-1);
	assert.equal(exported?.type, "audit.exported");
	assert.deepEqual(exported?.payload, { format: "csv", rows: rows.length });

	const filtered = await auditor.get("/api/audit-events/export.csv?type=auth.login_failed");
	const [, ...failedRows] = parseCsv((await filtered.text()).replace(/^\uFEFF/, ""));
	assert.equal(failedRows.length, 3);
	assert.ok(failedRows.every((r) => r[3] === "auth.login_failed"));
});
