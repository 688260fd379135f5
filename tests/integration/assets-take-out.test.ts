import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { TestClient } from "../helpers/client.ts";
import { makeCarriableAsset, makeTakeOut, takeOutInput } from "../helpers/custody-world.ts";
import {
	type MadeAccount,
	makeAccount,
	makeSessionToken,
	makeTenant,
} from "../helpers/factories.ts";
import { makeStaff } from "../helpers/org-factories.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/** 持ち出し: who may ask, what is refused, who decides, and what the ledger shows after. */

const runtime = await createTestRuntime();
const app = createApp(runtime);
let tenant: TenantRow;
let manager: MadeAccount;
let unitId: string;
let otherManager: MadeAccount;
let staff: MadeAccount;
let outsider: MadeAccount;

before(async () => {
	tenant = await makeTenant(runtime);
	manager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	unitId = await unitOf(runtime, tenant.id, manager.id, "");
	otherManager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	staff = await makeStaff(runtime, tenant, unitId);
	const elsewhere = await unitOf(runtime, tenant.id, otherManager.id, "");
	outsider = await makeStaff(runtime, tenant, elsewhere);
});
after(() => runtime.cleanup());

async function as(account: MadeAccount) {
	return new TestClient(app, await makeSessionToken(runtime, account));
}

interface Problemish {
	code: string;
	issues?: { path: string; message: string }[];
}

async function problem(response: Response, status: number, code: string) {
	const body = (await response.json()) as Problemish;
	assert.equal(response.status, status, JSON.stringify(body));
	assert.equal(body.code, code);
	return body;
}

async function lifecycleOf(assetId: string) {
	const row = await runtime.db
		.selectFrom("assets")
		.select(["lifecycle", "version"])
		.where("id", "=", assetId)
		.executeTakeFirstOrThrow();
	return { lifecycle: row.lifecycle, version: Number(row.version) };
}

describe("asking to take an asset out", () => {
	test("a member of staff asks for an asset of their own unit", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const response = await (await as(staff)).post("/api/take-outs", takeOutInput(asset.id));
		const body = (await response.json()) as { status: string; asset: { code: string } };
		assert.equal(response.status, 201, JSON.stringify(body));
		assert.equal(body.status, "requested");
		assert.equal(body.asset.code, asset.code);
		assert.equal(
			(await lifecycleOf(asset.id)).lifecycle,
			"in_use",
			"nothing leaves before approval",
		);
	});

	test("staff of another unit cannot even see the asset", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const response = await (await as(outsider)).post("/api/take-outs", takeOutInput(asset.id));
		await problem(response, 404, "not_found");
	});

	test("an asset of the マイナンバー利用事務系 is refused with a clear error", async () => {
		const asset = await makeAsset(runtime, tenant.id, unitId, { zone: "mynumber" });
		const response = await (await as(staff)).post("/api/take-outs", takeOutInput(asset.id));
		const body = await problem(response, 400, "validation_failed");
		assert.deepEqual(
			body.issues?.map((i) => i.path),
			["assetId"],
		);
		assert.match(JSON.stringify(body), /My Number/);
	});

	test("an asset whose class prohibits take-out is refused", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId, {
			levels: ["C3A", "I2", "A2"],
		});
		const response = await (await as(staff)).post("/api/take-outs", takeOutInput(asset.id));
		const body = await problem(response, 400, "validation_failed");
		assert.match(body.issues?.[0]?.message ?? "", /prohibited/);
	});

	test("where the class requires protection, encryption and a locked case are both required", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const client = await as(staff);
		const bare = takeOutInput(asset.id, { encrypted: false, lockedCase: false });
		const body = await problem(await client.post("/api/take-outs", bare), 400, "validation_failed");
		assert.deepEqual(body.issues?.map((i) => i.path).sort(), ["encrypted", "lockedCase"]);
		const half = takeOutInput(asset.id, { lockedCase: false });
		const second = await problem(
			await client.post("/api/take-outs", half),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			second.issues?.map((i) => i.path),
			["lockedCase"],
		);
	});

	test("a class without that rule accepts a request without protection", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId, {
			levels: ["C1", "I1", "A1"],
		});
		const bare = takeOutInput(asset.id, { encrypted: false, lockedCase: false });
		const response = await (await as(staff)).post("/api/take-outs", bare);
		assert.equal(response.status, 201, await response.text());
	});

	test("a period that ends before it starts is refused", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const input = takeOutInput(asset.id, { from: "2026-05-02", until: "2026-05-01" });
		const body = await problem(
			await (await as(staff)).post("/api/take-outs", input),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			body.issues?.map((i) => i.path),
			["until"],
		);
	});
});

describe("deciding", () => {
	async function requested() {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const response = await (await as(staff)).post("/api/take-outs", takeOutInput(asset.id));
		const body = (await response.json()) as { id: string };
		assert.equal(response.status, 201);
		return { asset, id: body.id };
	}

	test("the unit's section manager approves with a reason: the asset is taken out", async () => {
		const { asset, id } = await requested();
		const before = await lifecycleOf(asset.id);
		const client = await as(manager);
		const pending = (await (await client.get("/api/take-outs?view=to_decide")).json()) as {
			items: { id: string; allowedActions: string[] }[];
		};
		const listed = pending.items.find((item) => item.id === id);
		assert.deepEqual(listed?.allowedActions, ["take_out.decide"]);
		const response = await client.post(`/api/take-outs/${id}/decision`, {
			outcome: "approved",
			reason: "説明会のため必要",
		});
		const body = (await response.json()) as { status: string; decisionReason: string };
		assert.equal(response.status, 200, JSON.stringify(body));
		assert.equal(body.status, "approved");
		assert.equal(body.decisionReason, "説明会のため必要");
		const after = await lifecycleOf(asset.id);
		assert.equal(after.lifecycle, "taken_out");
		assert.equal(after.version, before.version + 1, "through the repository, with a version bump");
		const audit = await runtime.db
			.selectFrom("audit_events")
			.select("data")
			.where("tenant_id", "=", tenant.id)
			.where("type", "=", "asset.take_out_decided")
			.where("record_id", "=", asset.id)
			.executeTakeFirstOrThrow();
		assert.equal(JSON.parse(audit.data).outcome, "approved");
	});

	test("refusing needs a reason, and leaves the asset where it is", async () => {
		const { asset, id } = await requested();
		const client = await as(manager);
		const bare = await client.post(`/api/take-outs/${id}/decision`, {
			outcome: "refused",
			reason: " ",
		});
		await problem(bare, 400, "validation_failed");
		const response = await client.post(`/api/take-outs/${id}/decision`, {
			outcome: "refused",
			reason: "暗号化されていない端末のため",
		});
		const body = (await response.json()) as { status: string; decisionReason: string };
		assert.equal(body.status, "refused");
		assert.equal(body.decisionReason, "暗号化されていない端末のため");
		assert.equal((await lifecycleOf(asset.id)).lifecycle, "in_use");
		const again = await client.post(`/api/take-outs/${id}/decision`, {
			outcome: "approved",
			reason: "やはり許可",
		});
		await problem(again, 409, "conflict");
	});

	test("nobody decides their own request", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const client = await as(manager);
		const made = (await (await client.post("/api/take-outs", takeOutInput(asset.id))).json()) as {
			id: string;
			allowedActions: string[];
		};
		assert.deepEqual(made.allowedActions, [], "no decide button on one's own request");
		const response = await client.post(`/api/take-outs/${made.id}/decision`, {
			outcome: "approved",
			reason: "自分で承認",
		});
		await problem(response, 403, "forbidden");
		assert.equal((await lifecycleOf(asset.id)).lifecycle, "in_use");
	});

	test("a section manager of another unit cannot decide", async () => {
		const { asset, id } = await requested();
		const response = await (await as(otherManager)).post(`/api/take-outs/${id}/decision`, {
			outcome: "approved",
			reason: "他課から承認",
		});
		await problem(response, 404, "not_found");
		const pending = (await (
			await (await as(otherManager)).get("/api/take-outs?view=to_decide")
		).json()) as {
			items: { id: string }[];
		};
		assert.ok(!pending.items.some((item) => item.id === id));
		assert.equal((await lifecycleOf(asset.id)).lifecycle, "in_use");
	});

	test("the 統括 (chief_officer, tenant-wide) decides requests of any unit", async () => {
		const { asset, id } = await requested();
		const chief = await makeAccount(runtime, tenant, { roles: ["chief_officer"] });
		const response = await (await as(chief)).post(`/api/take-outs/${id}/decision`, {
			outcome: "approved",
			reason: "統括として承認",
		});
		assert.equal(response.status, 200, await response.text());
		assert.equal((await lifecycleOf(asset.id)).lifecycle, "taken_out");
	});

	test("plain staff cannot decide at all", async () => {
		const { id } = await requested();
		const colleague = await makeStaff(runtime, tenant, unitId);
		const response = await (await as(colleague)).post(`/api/take-outs/${id}/decision`, {
			outcome: "approved",
			reason: "同僚が承認",
		});
		await problem(response, 403, "forbidden");
	});
});

describe("overdue and return", () => {
	test("an approved take-out past its end date is overdue until it is returned", async () => {
		const late = await makeTakeOut(runtime, tenant.id, unitId, {
			approve: true,
			input: { from: "2026-01-05", until: "2026-01-06" },
		});
		const current = await makeTakeOut(runtime, tenant.id, unitId, {
			approve: true,
			input: { from: "2026-01-05", until: "2999-12-31" },
		});
		const client = await as(manager);
		const overdue = async () =>
			(
				(await (await client.get("/api/take-outs?status=overdue")).json()) as {
					items: { id: string; overdue: boolean }[];
				}
			).items;
		const listed = await overdue();
		const found = listed.find((item) => item.id === late.takeOut.id);
		assert.equal(found?.overdue, true);
		assert.ok(!listed.some((item) => item.id === current.takeOut.id), "not yet due");

		const response = await client.post(`/api/take-outs/${late.takeOut.id}/return`, {
			note: "破損なし、暗号化を確認",
		});
		const body = (await response.json()) as {
			status: string;
			returnedAt: string | null;
			returnedBy: string | null;
			returnNote: string | null;
		};
		assert.equal(response.status, 200, JSON.stringify(body));
		assert.equal(body.status, "returned");
		assert.ok(body.returnedAt && body.returnedBy);
		assert.equal(body.returnNote, "破損なし、暗号化を確認");
		assert.equal((await lifecycleOf(late.asset.id)).lifecycle, "in_use");
		assert.ok(!(await overdue()).some((item) => item.id === late.takeOut.id));
		const twice = await client.post(`/api/take-outs/${late.takeOut.id}/return`, { note: null });
		await problem(twice, 409, "conflict");
	});

	test("overdue items of other units stay out of a section manager's list", async () => {
		const elsewhere = await unitOf(runtime, tenant.id, otherManager.id, "");
		const late = await makeTakeOut(runtime, tenant.id, elsewhere, {
			approve: true,
			input: { from: "2026-01-05", until: "2026-01-06" },
		});
		const mine = (await (
			await (await as(manager)).get("/api/take-outs?status=overdue")
		).json()) as {
			items: { id: string }[];
		};
		assert.ok(!mine.items.some((item) => item.id === late.takeOut.id));
		const theirs = (await (
			await (await as(otherManager)).get("/api/take-outs?status=overdue")
		).json()) as { items: { id: string }[] };
		assert.ok(theirs.items.some((item) => item.id === late.takeOut.id));
	});

	test("the requester records their own return", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const client = await as(staff);
		const made = (await (await client.post("/api/take-outs", takeOutInput(asset.id))).json()) as {
			id: string;
		};
		const approved = await (await as(manager)).post(`/api/take-outs/${made.id}/decision`, {
			outcome: "approved",
			reason: "承認",
		});
		assert.equal(approved.status, 200);
		const mine = (await (await client.get(`/api/take-outs/${made.id}`)).json()) as {
			allowedActions: string[];
		};
		assert.deepEqual(mine.allowedActions, ["take_out.return"]);
		const response = await client.post(`/api/take-outs/${made.id}/return`, { note: null });
		assert.equal(response.status, 200, await response.text());
		assert.equal((await lifecycleOf(asset.id)).lifecycle, "in_use");
		const other = await (await as(outsider)).get(`/api/take-outs/${made.id}`);
		await problem(other, 404, "not_found");
	});
});

describe("paging the list", () => {
	type Page = { items: { id: string }[]; total: number; offset: number; limit: number };
	const pageOf = async (client: TestClient, query: string) => {
		const response = await client.get(`/api/take-outs?${query}`);
		const body = (await response.json()) as Page;
		assert.equal(response.status, 200, JSON.stringify(body));
		return body;
	};

	test("pages cover every take-out once, newest first, with the total under the filter", async () => {
		const pager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
		const ownUnit = await unitOf(runtime, tenant.id, pager.id, "");
		const made: string[] = [];
		for (let i = 0; i < 7; i++) {
			made.push((await makeTakeOut(runtime, tenant.id, ownUnit)).takeOut.id);
		}
		const client = await as(pager);
		const pages = [
			await pageOf(client, "status=requested&offset=0&limit=3"),
			await pageOf(client, "status=requested&offset=3&limit=3"),
			await pageOf(client, "status=requested&offset=6&limit=3"),
		];
		assert.deepEqual(
			pages.map((page) => [page.items.length, page.total, page.offset, page.limit]),
			[
				[3, 7, 0, 3],
				[3, 7, 3, 3],
				[1, 7, 6, 3],
			],
		);
		const seen = pages.flatMap((page) => page.items.map((item) => item.id));
		assert.equal(new Set(seen).size, 7, "no take-out on two pages");
		assert.deepEqual([...seen].sort(), [...made].sort());
		const beyond = await pageOf(client, "status=requested&offset=50&limit=3");
		assert.deepEqual([beyond.items.length, beyond.total], [0, 7]);
		// The total follows the filter, not the page.
		assert.equal((await pageOf(client, "status=approved&limit=1")).total, 0);
		// Another unit's manager counts none of them.
		const other = await pageOf(await as(otherManager), "status=requested&limit=500");
		assert.ok(!other.items.some((item) => made.includes(item.id)));
	});

	test("a bad offset or page size is refused, naming the parameter", async () => {
		const client = await as(manager);
		for (const query of ["offset=-1", "limit=0", "limit=501", "offset=x"]) {
			const body = await problem(
				await client.get(`/api/take-outs?${query}`),
				400,
				"validation_failed",
			);
			const name = query.split("=")[0] ?? "";
			assert.ok(
				body.issues?.some((issue) => issue.path.includes(name)),
				`${query}: ${JSON.stringify(body.issues)}`,
			);
		}
	});
});

describe("the take-out export", () => {
	type Listed = { items: { id: string; asset: { code: string } }[] };
	const codesOf = async (client: TestClient, query: string) =>
		((await (await client.get(`/api/take-outs?limit=500&${query}`)).json()) as Listed).items.map(
			(item) => item.asset.code,
		);
	const exports = async () =>
		(await auditEvents(runtime.db, tenant.id))
			.filter((event) => event.type === "take_out.exported")
			.map((event) => ({ actor: event.actor_id, payload: event.payload }));

	test("a section manager exports their units' take-outs under the list's filter, as CSV with BOM", async () => {
		const elsewhere = await unitOf(runtime, tenant.id, otherManager.id, "");
		const late = await makeTakeOut(runtime, tenant.id, unitId, {
			approve: true,
			input: { from: "2026-01-05", until: "2026-01-06", destination: "中央公民館" },
		});
		const current = await makeTakeOut(runtime, tenant.id, unitId, {
			approve: true,
			input: { from: "2026-01-05", until: "2999-12-31" },
		});
		const theirs = await makeTakeOut(runtime, tenant.id, elsewhere, {
			approve: true,
			input: { from: "2026-01-05", until: "2026-01-06" },
		});
		const client = await as(manager);
		const before = (await exports()).length;

		const all = await client.get("/api/take-outs/export?format=csv");
		assert.equal(all.status, 200, await all.clone().text());
		assert.match(all.headers.get("content-type") ?? "", /text\/csv/);
		assert.match(
			decodeURIComponent(all.headers.get("content-disposition") ?? ""),
			/^attachment; .*filename\*=UTF-8''持ち出し管理簿_\d{8}\.csv$/u,
		);
		const bytes = new Uint8Array(await all.arrayBuffer());
		assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM for Excel");
		const table = await readTable(bytes);
		assert.equal(table.format, "csv");
		assert.equal(table.rows[0]?.[0], "資産番号");
		assert.equal(table.rows[0]?.[4], "状況");
		const exported = table.rows.slice(1).map((row) => row[0]);
		assert.deepEqual(exported, await codesOf(client, "view=all"), "the list's rows, in its order");
		assert.ok(exported.includes(late.asset.code) && exported.includes(current.asset.code));
		assert.ok(!exported.includes(theirs.asset.code), "another unit's take-out stays out");

		const overdue = await client.get("/api/take-outs/export?format=csv&status=overdue");
		const rows = (await readTable(new Uint8Array(await overdue.arrayBuffer()))).rows.slice(1);
		assert.deepEqual(
			rows.map((row) => row[0]),
			await codesOf(client, "status=overdue"),
		);
		const row = rows.find((cells) => cells[0] === late.asset.code);
		assert.ok(row, "the overdue take-out is exported");
		assert.ok(!rows.some((cells) => cells[0] === current.asset.code), "not yet due");
		assert.equal(row[4], "持ち出し中");
		assert.equal(row[5], "超過");
		assert.equal(row[7], "中央公民館");
		assert.equal(row[8], "令和8年1月5日", "dates as the tenant writes them (和暦 by default)");
		assert.equal(row[9], "令和8年1月6日");

		const events = (await exports()).slice(before);
		assert.deepEqual(events, [
			{
				actor: manager.id,
				payload: {
					format: "csv",
					rows: exported.length,
					filter: { view: "all", status: null, assetId: null },
				},
			},
			{
				actor: manager.id,
				payload: {
					format: "csv",
					rows: rows.length,
					filter: { view: "all", status: "overdue", assetId: null },
				},
			},
		]);
	});

	test("the XLSX parses back with the same rows; the other unit's manager sees only theirs", async () => {
		const elsewhere = await unitOf(runtime, tenant.id, otherManager.id, "");
		const mine = await makeTakeOut(runtime, tenant.id, unitId);
		const theirs = await makeTakeOut(runtime, tenant.id, elsewhere);

		const response = await (await as(otherManager)).get(
			"/api/take-outs/export?format=xlsx&view=to_decide",
		);
		assert.equal(response.status, 200);
		assert.match(response.headers.get("content-type") ?? "", /spreadsheetml/);
		const table = await readTable(new Uint8Array(await response.arrayBuffer()));
		assert.equal(table.format, "xlsx");
		assert.equal(table.rows[0]?.[0], "資産番号");
		const codes = table.rows.slice(1).map((row) => row[0]);
		assert.deepEqual(codes, await codesOf(await as(otherManager), "view=to_decide"));
		assert.ok(codes.includes(theirs.asset.code));
		assert.ok(!codes.includes(mine.asset.code), "a unit manager only gets their units' rows");
		const row = table.rows.find((cells) => cells[0] === theirs.asset.code);
		assert.equal(row?.[4], "承認待ち");
		assert.equal(row?.[10], "あり", "encrypted");

		const last = (await exports()).at(-1);
		assert.deepEqual(last, {
			actor: otherManager.id,
			payload: {
				format: "xlsx",
				rows: codes.length,
				filter: { view: "to_decide", status: null, assetId: null },
			},
		});
	});

	test("staff export their own requests only; a filter by asset narrows to it", async () => {
		const asset = await makeCarriableAsset(runtime, tenant.id, unitId);
		const client = await as(staff);
		const made = await client.post("/api/take-outs", takeOutInput(asset.id));
		assert.equal(made.status, 201);
		await makeTakeOut(runtime, tenant.id, unitId);

		const response = await client.get("/api/take-outs/export?format=csv");
		const codes = (await readTable(new Uint8Array(await response.arrayBuffer()))).rows
			.slice(1)
			.map((row) => row[0]);
		assert.deepEqual(codes, await codesOf(client, "view=all"));
		assert.ok(codes.includes(asset.code));
		const requesters = await runtime.db
			.selectFrom("asset_take_outs")
			.innerJoin("assets", "assets.id", "asset_take_outs.asset_id")
			.select("assets.code")
			.where("asset_take_outs.tenant_id", "=", tenant.id)
			.where("asset_take_outs.requested_by", "=", staff.id)
			.execute();
		assert.deepEqual(
			[...codes].sort(),
			requesters.map((r) => r.code).sort(),
			"plain staff see their own requests, nothing else of the unit",
		);

		const one = await (await as(manager)).get(
			`/api/take-outs/export?format=csv&assetId=${asset.id}`,
		);
		const rows = (await readTable(new Uint8Array(await one.arrayBuffer()))).rows.slice(1);
		assert.deepEqual(
			rows.map((row) => row[0]),
			[asset.code],
		);
		const last = (await exports()).at(-1);
		assert.deepEqual(last?.payload, {
			format: "csv",
			rows: 1,
			filter: { view: "all", status: null, assetId: asset.id },
		});
	});

	test("a bad filter or format is refused and nothing is logged", async () => {
		const before = (await exports()).length;
		const client = await as(manager);
		await problem(await client.get("/api/take-outs/export?format=pdf"), 400, "validation_failed");
		await problem(await client.get("/api/take-outs/export?status=lost"), 400, "validation_failed");
		assert.equal((await exports()).length, before);
	});
});
