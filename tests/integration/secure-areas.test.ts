import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { ImportJob } from "../../src/platform/imports/imports.schemas.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { startScheduler } from "../../src/platform/jobs/scheduler.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import type { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { proposeMapping } from "../helpers/mappings.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { makeArea } from "../helpers/secure-areas-world.ts";
import { encodeShiftJis } from "../helpers/shift-jis.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * 管理区域 over HTTP: the CISO sets up an area and its manager; the manager allows staff in and
 * keeps the entry log (by hand, or a card reader's file: dry run, then a job); entries by people
 * not allowed and stays without an exit are flagged; only the manager, 統括, CISO and auditors
 * (read-only) see the log; an asset located in the area shows it on the asset's page.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
// As in `mamori serve`: applying an import is a job, which this process's scheduler runs.
const scheduler = startScheduler(runtime, { declarations: JOBS, intervalMs: 60_000 });
after(async () => {
	await scheduler.stop();
	await runtime.cleanup();
});

interface Entry {
	id: string;
	flags: string[];
	staff: { staffNumber: string } | null;
	visitorName: string | null;
	exitedAt: string | null;
}
interface Area {
	id: string;
	code: string;
	actions: string[];
	permits: { staff: { staffNumber: string }; untilOn: string; expired: boolean }[];
	assets: { code: string }[];
}

async function finished(client: TestClient, id: string): Promise<ImportJob> {
	for (;;) {
		const response = await client.get(`/api/imports/${id}`);
		assert.equal(response.status, 200, await response.clone().text());
		const job = (await response.json()) as ImportJob;
		if (!["queued", "running"].includes(job.status)) return job;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function setting() {
	const tenant = await makeTenant(runtime);
	const unit = await makeOrgUnit(runtime, tenant, { name: "情報政策課" });
	const cisoAccount = await makeAccount(runtime, tenant, { roles: ["ciso"] });
	const auditorAccount = await makeAccount(runtime, tenant, { roles: ["auditor"] });
	const manager = await makeStaff(runtime, tenant, unit.id, { staffNumber: "1001" });
	const allowed = await makeStaff(runtime, tenant, unit.id, { staffNumber: "1002" });
	const stranger = await makeStaff(runtime, tenant, unit.id, { staffNumber: "1003" });
	return {
		tenant,
		unit,
		manager,
		allowed,
		stranger,
		ciso: await activeClient(runtime, app, cisoAccount),
		auditor: await activeClient(runtime, app, auditorAccount),
		managerClient: await activeClient(runtime, app, manager),
		strangerClient: await activeClient(runtime, app, stranger),
	};
}

const at = (day: string, time: string) => new Date(`${day}T${time}:00+09:00`).toISOString();
const yesterday = () => japanDate(new Date(Date.now() - 86_400_000));

describe("secure areas", () => {
	test("the CISO sets up an area; its manager keeps it; others do not see it", async () => {
		const s = await setting();
		const permissions = async (client: TestClient) =>
			(
				await expectJson<{ session: { permissions: string[] } }>(
					await client.get("/api/auth/session"),
				)
			).session.permissions;
		// Before the area exists, its future manager has no 管理区域 in the menu; the CISO has.
		assert.ok(!(await permissions(s.managerClient)).includes("secure_area.read"));
		assert.ok((await permissions(s.ciso)).includes("secure_area.manage"));
		assert.ok((await permissions(s.auditor)).includes("secure_area.read"));
		const created = await expectJson<Area>(
			await s.ciso.post("/api/secure-areas", {
				code: "SR-1",
				name: "サーバ室",
				level: "strict",
				location: "本庁舎 地下1階",
				managerStaffId: s.manager.staffId,
			}),
			201,
		);
		assert.ok((await permissions(s.managerClient)).includes("secure_area.keep"));
		assert.ok(
			!(await permissions(s.strangerClient)).some((action) => action.startsWith("secure_area.")),
		);
		await expectProblem(
			await s.ciso.post("/api/secure-areas", {
				code: "SR-1",
				name: "別室",
				level: "controlled",
				managerStaffId: s.manager.staffId,
			}),
			400,
			"validation_failed",
		);
		await expectProblem(
			await s.managerClient.post("/api/secure-areas", {
				code: "SR-2",
				name: "書庫",
				level: "handling",
				managerStaffId: s.manager.staffId,
			}),
			403,
			"forbidden",
		);
		const granted = await expectJson<Area>(
			await s.managerClient.post(`/api/secure-areas/${created.id}/permits`, {
				staffId: s.allowed.staffId,
				untilOn: "2099-03-31",
			}),
		);
		assert.deepEqual(
			granted.permits.map((p) => [p.staff.staffNumber, p.untilOn, p.expired]),
			[["1002", "2099-03-31", false]],
		);
		assert.deepEqual(granted.actions, ["keep"]);

		const mine = await expectJson<{ items: Area[] }>(
			await s.managerClient.get("/api/secure-areas"),
		);
		assert.deepEqual(
			mine.items.map((a) => a.code),
			["SR-1"],
		);
		const none = await expectJson<{ items: Area[] }>(
			await s.strangerClient.get("/api/secure-areas"),
		);
		assert.deepEqual(none.items, []);
		await expectProblem(
			await s.strangerClient.get(`/api/secure-areas/${created.id}`),
			404,
			"not_found",
		);
		await expectProblem(
			await s.strangerClient.get(
				`/api/secure-areas/${created.id}/entries?day=${japanDate(new Date())}`,
			),
			404,
			"not_found",
		);
		// Auditors read every area, read-only.
		const audited = await expectJson<Area>(await s.auditor.get(`/api/secure-areas/${created.id}`));
		assert.deepEqual(audited.actions, []);
		const refused = await expectProblem(
			await s.auditor.post(`/api/secure-areas/${created.id}/entries`, {
				staffId: s.allowed.staffId,
				enteredAt: new Date().toISOString(),
			}),
			403,
			"forbidden",
		);
		assert.equal(refused.issues?.[0]?.code, "secure_area_not_manager");
		const types = (await auditEvents(runtime.db, s.tenant.id)).map((e) => e.type);
		assert.ok(types.includes("secure_area.created"));
		assert.ok(types.includes("secure_area.permit_granted"));
	});

	test("entries by hand: a person not allowed is flagged, an escort must be allowed, no exit is flagged after the day", async () => {
		const s = await setting();
		const area = await makeArea(runtime, s.tenant.id, s.manager.staffId, {
			allowed: [s.allowed.staffId],
		});
		const day = yesterday();
		const ok = await expectJson<Entry>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
				staffId: s.allowed.staffId,
				enteredAt: at(day, "09:00"),
				exitedAt: at(day, "09:30"),
			}),
			201,
		);
		assert.deepEqual(ok.flags, []);
		const intruder = await expectJson<Entry>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
				staffId: s.stranger.staffId,
				enteredAt: at(day, "10:00"),
			}),
			201,
		);
		assert.deepEqual(intruder.flags, ["not_permitted", "no_exit"]);
		const badEscort = await expectProblem(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
				visitorName: "保守業者 太郎",
				visitorOrganisation: "株式会社保守",
				escortStaffId: s.stranger.staffId,
				enteredAt: at(day, "11:00"),
			}),
			400,
			"validation_failed",
		);
		assert.equal(badEscort.issues?.[0]?.code, "secure_area_escort_not_permitted");
		await expectJson<Entry>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
				visitorName: "保守業者 太郎",
				visitorOrganisation: "株式会社保守",
				escortStaffId: s.allowed.staffId,
				enteredAt: at(day, "11:00"),
				exitedAt: at(day, "12:00"),
			}),
			201,
		);
		const log = await expectJson<{ items: Entry[] }>(
			await s.auditor.get(`/api/secure-areas/${area.id}/entries?day=${day}`),
		);
		assert.deepEqual(
			log.items.map((e) => [e.staff?.staffNumber ?? e.visitorName, e.flags]),
			[
				["1002", []],
				["1003", ["not_permitted", "no_exit"]],
				["保守業者 太郎", []],
			],
		);
		const month = day.slice(0, 7);
		const flags = await expectJson<{ items: Entry[] }>(
			await s.ciso.get(`/api/secure-areas/flags?month=${month}`),
		);
		assert.deepEqual(
			flags.items.map((e) => e.id),
			[intruder.id],
		);
		// The exit clears `no_exit`; the refusal stays.
		const exited = await expectJson<Entry>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries/${intruder.id}/exit`, {
				exitedAt: at(day, "10:15"),
			}),
		);
		assert.deepEqual(exited.flags, ["not_permitted"]);
		await expectProblem(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries/${intruder.id}/exit`, {
				exitedAt: at(day, "10:20"),
			}),
			409,
			"conflict",
		);
		const strangerFlags = await expectJson<{ items: Entry[] }>(
			await s.strangerClient.get(`/api/secure-areas/flags?month=${month}`),
		);
		assert.deepEqual(strangerFlags.items, []);
	});

	test("the entry log of a period as XLSX: flags and 和暦 dates; only those who see the area; audit-logged", async () => {
		const s = await setting();
		const area = await makeArea(runtime, s.tenant.id, s.manager.staffId, {
			allowed: [s.allowed.staffId],
		});
		const day = yesterday();
		for (const body of [
			{ staffId: s.allowed.staffId, enteredAt: at(day, "09:00"), exitedAt: at(day, "09:30") },
			{ staffId: s.stranger.staffId, enteredAt: at(day, "10:00") },
		])
			await expectJson<Entry>(
				await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, body),
				201,
			);
		const url = `/api/secure-areas/${area.id}/entries/export?from=${day}&to=${day}`;
		const response = await s.auditor.get(url);
		assert.equal(response.status, 200, await response.clone().text());
		assert.match(response.headers.get("content-type") ?? "", /spreadsheetml/u);
		const table = await readTable(new Uint8Array(await response.arrayBuffer()));
		assert.equal(table.rows[0]?.[0], "入室日");
		const body = table.rows.slice(1);
		assert.equal(body.length, 2);
		assert.match(body[0]?.[0] ?? "", /^令和/u, "the tenant writes dates in 和暦");
		assert.match(body[0]?.[1] ?? "", / 09:00:00$/u);
		assert.equal(body[0]?.[3], "1002");
		assert.equal(body[0]?.at(-1), "");
		assert.equal(body[1]?.[3], "1003");
		assert.equal(body[1]?.[2], "", "no exit");
		assert.equal(body[1]?.at(-1), "入室許可なし、退室記録なし");
		const exported = (await auditEvents(runtime.db, s.tenant.id)).filter(
			(e) => e.type === "secure_area.entries_exported",
		);
		assert.deepEqual(
			exported.map((e) => [e.payload.from, e.payload.to, e.payload.rows]),
			[[day, day, 2]],
		);
		await expectProblem(await s.strangerClient.get(url), 404, "not_found");
		const reversed = await expectProblem(
			await s.managerClient.get(
				`/api/secure-areas/${area.id}/entries/export?from=${day}&to=2020-01-01`,
			),
			400,
			"validation_failed",
		);
		assert.equal(reversed.issues?.[0]?.code, "period_ends_before_start");
		const tooLong = await expectProblem(
			await s.managerClient.get(
				`/api/secure-areas/${area.id}/entries/export?from=2020-01-01&to=${day}`,
			),
			400,
			"validation_failed",
		);
		assert.equal(tooLong.issues?.[0]?.code, "secure_area_export_too_long");
	});

	test("an entry typed twice (same person and area, within a minute) is refused; a minute later is another stay", async () => {
		const s = await setting();
		const area = await makeArea(runtime, s.tenant.id, s.manager.staffId, {
			allowed: [s.allowed.staffId],
		});
		const day = yesterday();
		const first = await expectJson<Entry>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
				staffId: s.allowed.staffId,
				enteredAt: at(day, "09:00"),
			}),
			201,
		);
		for (const enteredAt of [at(day, "09:00"), new Date(Date.parse(at(day, "09:00")) + 45_000)]) {
			const again = await expectProblem(
				await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
					staffId: s.allowed.staffId,
					enteredAt: typeof enteredAt === "string" ? enteredAt : enteredAt.toISOString(),
				}),
				409,
				"conflict",
			);
			assert.equal(again.issues?.[0]?.code, "secure_area_entry_repeated");
			assert.match(String(again.issues?.[0]?.params?.at), /09:00:00$/u);
		}
		// Someone else at the same minute, and the same person two minutes later, are stays of their own.
		await expectJson<Entry>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
				staffId: s.stranger.staffId,
				enteredAt: at(day, "09:00"),
			}),
			201,
		);
		await expectJson<Entry>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/entries`, {
				staffId: s.allowed.staffId,
				enteredAt: at(day, "09:02"),
			}),
			201,
		);
		const log = await expectJson<{ items: Entry[] }>(
			await s.auditor.get(`/api/secure-areas/${area.id}/entries?day=${day}`),
		);
		assert.equal(log.items.length, 3);
		assert.ok(log.items.some((e) => e.id === first.id));
	});

	test("a card reader's Shift_JIS CSV: dry run with row and column errors, then a job; one audit event", async () => {
		const s = await setting();
		const area = await makeArea(runtime, s.tenant.id, s.manager.staffId, {
			code: "SR-9",
			allowed: [s.allowed.staffId],
		});
		const day = yesterday();
		const header = "区域コード,入室日時,退室日時,職員番号,来訪者氏名,来訪者所属,同行職員番号";
		const bad = encodeShiftJis(
			`${header}\r\nSR-9,${day} 08:30,${day} 08:10,1002,,,\r\nSR-X,${day} 09:00,,1002,,,\r\nSR-9,${day} 9:60,,9999,,,\r\n`,
		);
		const body = (bytes: Uint8Array, mode: "dry_run" | "apply") => ({
			filename: "入退室.csv",
			contentBase64: Buffer.from(bytes).toString("base64"),
			mode,
		});
		const report = await expectJson<{
			errors: { row: number; column: string; code: string }[];
			applied: boolean;
		}>(await s.managerClient.post("/api/secure-areas/entries/import", body(bad, "dry_run")));
		assert.equal(report.applied, false);
		assert.deepEqual(
			report.errors.map((e) => [e.row, e.column, e.code]),
			[
				[2, "退室日時", "secure_area_exit_before_entry"],
				[3, "区域コード", "secure_area_unknown"],
				[4, "入室日時", "secure_area_time_invalid"],
				[4, "職員番号", "secure_area_staff_unknown"],
			],
		);
		const good = encodeShiftJis(
			`${header}\r\nSR-9,${day} 08:30,${day} 09:10,1002,,,\r\nSR-9,${day} 13:00,${day} 13:05,1003,,,\r\nSR-9,${day} 14:00,,,山田 花子,株式会社保守,1002\r\n`,
		);
		const dry = await expectJson<{ created: number; flagged: number; errorCount: number }>(
			await s.managerClient.post("/api/secure-areas/entries/import", body(good, "dry_run")),
		);
		assert.deepEqual([dry.created, dry.flagged, dry.errorCount], [3, 1, 0]);
		// Someone who does not manage the area cannot import its log.
		const foreign = await expectJson<{ errors: { code: string }[] }>(
			await s.strangerClient.post("/api/secure-areas/entries/import", body(good, "dry_run")),
		);
		assert.equal(foreign.errors[0]?.code, "secure_area_not_managed");

		const job = await expectJson<ImportJob>(
			await s.managerClient.post("/api/secure-areas/entries/import", body(good, "apply")),
			202,
		);
		assert.equal(job.kind, "secure-areas.entries");
		assert.equal((await finished(s.managerClient, job.id)).status, "done");
		const log = await expectJson<{ items: Entry[] }>(
			await s.managerClient.get(`/api/secure-areas/${area.id}/entries?day=${day}`),
		);
		assert.deepEqual(
			log.items.map((e) => [e.staff?.staffNumber ?? e.visitorName, e.flags]),
			[
				["1002", []],
				["1003", ["not_permitted"]],
				["山田 花子", ["no_exit"]],
			],
		);
		const imported = (await auditEvents(runtime.db, s.tenant.id)).filter(
			(e) => e.type === "secure_area.entries_imported",
		);
		assert.equal(imported.length, 1);
		// The same file again: every stay is already in the log.
		const again = await expectJson<{ created: number; unchanged: number }>(
			await s.managerClient.post("/api/secure-areas/entries/import", body(good, "dry_run")),
		);
		assert.deepEqual([again.created, again.unchanged], [0, 3]);
	});

	test("a card reader's export in its own layout imports through a saved column mapping", async () => {
		const s = await setting();
		const area = await makeArea(runtime, s.tenant.id, s.manager.staffId, {
			code: "SR-7",
			allowed: [s.allowed.staffId],
		});
		const day = yesterday();
		// The reader's own export: a title row, its own header words, a column Mamori does not
		// know, full-width digits, a blank row and a total row in a column the mapping leaves out.
		const csv = (rows: string[]) =>
			encodeShiftJis(
				[
					"入退室履歴（サーバー室）,,,,",
					"通行日時,エリアコード,退室時刻,カード所有者番号,リーダー番号",
					...rows,
				].join("\r\n"),
			);
		const first = csv([
			`${day} 08:30,SR-7,${day} 09:10,１００２,R1`,
			",,,,",
			`${day} 13:00,SR-7,${day} 13:05,1003,R1`,
			",,,,合計",
		]);
		const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
		const proposal = await proposeMapping(
			s.managerClient,
			"secure-areas.entries",
			"入退室.csv",
			first,
			"サーバー室カードリーダー",
		);
		assert.deepEqual(proposal.mapping.headerRows, [2]);
		assert.deepEqual(proposal.mapping.columns, {
			通行日時: "enteredAt",
			エリアコード: "area",
			退室時刻: "exitedAt",
			カード所有者番号: "staffNumber",
			リーダー番号: null,
		});
		assert.deepEqual(proposal.missing, []);
		const mapping = {
			version: 1,
			kind: "secure-areas.entries",
			source: "サーバー室カードリーダー",
			values: {},
			...proposal.mapping,
		};
		const send = (bytes: Uint8Array, mode: "dry_run" | "apply", choice: object) =>
			s.managerClient.post("/api/secure-areas/entries/import", {
				filename: "入退室.csv",
				contentBase64: base64(bytes),
				mode,
				...choice,
			});
		const dry = await expectJson<{
			rows: number;
			created: number;
			flagged: number;
			errorCount: number;
			skippedBlank: number;
			skippedTotal: number[];
		}>(await send(first, "dry_run", { mapping }));
		assert.deepEqual(
			[dry.rows, dry.created, dry.flagged, dry.errorCount, dry.skippedBlank, dry.skippedTotal],
			[2, 2, 1, 0, 1, [6]],
		);
		await proposal.save();
		const job = await expectJson<ImportJob>(
			await send(first, "apply", { mappingSource: "サーバー室カードリーダー" }),
			202,
		);
		assert.equal((await finished(s.managerClient, job.id)).status, "done");
		const log = await expectJson<{ items: Entry[] }>(
			await s.managerClient.get(`/api/secure-areas/${area.id}/entries?day=${day}`),
		);
		assert.deepEqual(
			log.items.map((e) => [e.staff?.staffNumber, e.flags]),
			[
				["1002", []],
				["1003", ["not_permitted"]],
			],
		);
		// Errors name the reader's own columns and rows.
		const bad = await expectJson<{ errors: { row: number; column: string; code: string }[] }>(
			await send(csv([`${day} 25:00,SR-7,,1002,R1`]), "dry_run", {
				mappingSource: "サーバー室カードリーダー",
			}),
		);
		assert.deepEqual(
			bad.errors.map((e) => [e.row, e.column, e.code]),
			[[3, "通行日時", "secure_area_time_invalid"]],
		);
	});

	test("an asset located in an area shows the area on the asset's page", async () => {
		const s = await setting();
		const area = await makeArea(runtime, s.tenant.id, s.manager.staffId, { code: "SR-5" });
		const asset = await makeAsset(runtime, s.tenant.id, s.unit.id);
		const located = await expectJson<Area>(
			await s.managerClient.post(`/api/secure-areas/${area.id}/assets`, { assetCode: asset.code }),
		);
		assert.deepEqual(
			located.assets.map((a) => a.code),
			[asset.code],
		);
		const page = await expectJson<{ secureArea: { code: string; level: string } | null }>(
			await s.ciso.get(`/api/assets/${asset.id}`),
		);
		assert.deepEqual(page.secureArea && [page.secureArea.code, page.secureArea.level], [
			"SR-5",
			"strict",
		]);
		await expectProblem(
			await s.managerClient.post(`/api/secure-areas/${area.id}/assets`, { assetCode: "NOPE" }),
			400,
			"validation_failed",
		);
		await expectJson<Area>(
			await s.managerClient.request("DELETE", `/api/secure-areas/${area.id}/assets/${asset.id}`),
		);
		const after = await expectJson<{ secureArea: unknown }>(
			await s.ciso.get(`/api/assets/${asset.id}`),
		);
		assert.equal(after.secureArea, null);
	});
});
