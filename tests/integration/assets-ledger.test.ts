import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { openSession, unique } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * The ledger itself: each tenant classifies in its own pack's scheme and sees the handling that
 * follows; a class change keeps who, when and why; and each role reaches exactly its units.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
after(() => runtime.cleanup());

interface AssetJson {
	id: string;
	code: string;
	version: number;
	classification: { key: string; levels: string[]; rank: number };
	handling: { takeOut: string; disposal: string; storage: string } | null;
	allowedActions: string[];
}

async function clientFor(tenant: TenantRow, roles: Role[], unitId?: string) {
	const account = await makeAccount(runtime, tenant, { roles: unitId ? [] : roles, totp: true });
	if (unitId) {
		const actor = systemActor(tenant.id, "test");
		await inTransaction(runtime.db, async (tx) => {
			for (const role of roles) {
				await assignRole(tx, actor, account.id, { role, orgUnitId: unitId, validTo: null });
			}
		});
	}
	return new TestClient(app, await openSession(runtime, account));
}

function unit(tenant: TenantRow, kind: "department" | "section", parentId: string | null) {
	return inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name: kind === "department" ? "総務部" : "情報政策課",
			kind,
			parentId,
		}),
	);
}

async function packTenant(pack: "saga" | "kitakyushu") {
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug: unique(pack), name: "市", pack }),
	);
}

function assetBody(ownerUnitId: string, levels: string[]) {
	return {
		code: unique("A"),
		name: "住民基本台帳ファイル",
		kind: "information",
		ownerUnitId,
		managerName: "市民課長",
		location: "本庁舎",
		zone: "mynumber",
		personalData: "specific_personal",
		retention: "永年",
		lifecycle: "in_use",
		relatedSystem: "住民記録システム",
		notes: null,
		levels,
	};
}

describe("each tenant classifies in its own pack's scheme", () => {
	test("Saga offers importance levels I–IV; Kitakyushu offers C, I and A", async () => {
		const saga = await packTenant("saga");
		const kita = await packTenant("kitakyushu");
		const sagaOptions = (await (
			await clientFor(saga, ["chief_officer"])
		)
			.get("/api/asset-ledger/options")
			.then((r) => r.json())) as {
			scheme: { kind: string };
			axes: { axis: string; levels: { code: string }[] }[];
		};
		assert.equal(sagaOptions.scheme.kind, "importance");
		assert.deepEqual(
			sagaOptions.axes.map((a) => a.levels.map((l) => l.code)),
			[["I", "II", "III", "IV"]],
		);
		const kitaOptions = (await (
			await clientFor(kita, ["chief_officer"])
		)
			.get("/api/asset-ledger/options")
			.then((r) => r.json())) as { scheme: { kind: string }; axes: { axis: string }[] };
		assert.equal(kitaOptions.scheme.kind, "cia");
		assert.deepEqual(
			kitaOptions.axes.map((a) => a.axis),
			["confidentiality", "integrity", "availability"],
		);
	});

	test("a Saga asset gets the handling of its level; a CIA level is refused there", async () => {
		const saga = await packTenant("saga");
		const section = await unit(saga, "section", null);
		const client = await clientFor(saga, ["chief_officer"]);
		const made = await client.post("/api/assets", assetBody(section.id, ["ii"]));
		assert.equal(made.status, 201, await made.clone().text());
		const asset = (await made.json()) as AssetJson;
		assert.equal(asset.classification.key, "II");
		assert.ok(asset.handling, "handling is derived");
		const refused = await client.post("/api/assets", assetBody(section.id, ["C3", "I2", "A2"]));
		assert.equal(refused.status, 400);
		const problem = (await refused.json()) as {
			code: string;
			issues: { path: string; message: string }[];
		};
		assert.equal(problem.code, "validation_failed");
		assert.equal(problem.issues[0]?.path, "levels");
	});

	test("a Kitakyushu asset takes the strictest handling across its three axes", async () => {
		const kita = await packTenant("kitakyushu");
		const section = await unit(kita, "section", null);
		const client = await clientFor(kita, ["chief_officer"]);
		const strict = (await (
			await client.post("/api/assets", assetBody(section.id, ["C3", "I1", "A1"]))
		).json()) as AssetJson;
		const loose = (await (
			await client.post("/api/assets", assetBody(section.id, ["C1", "I1", "A1"]))
		).json()) as AssetJson;
		assert.equal(strict.classification.key, "C3/I1/A1");
		assert.notDeepEqual(strict.handling, loose.handling, "C3 changes the handling");
		assert.equal(strict.classification.rank, 0);
	});
});

describe("a class change records who, when and why", () => {
	test("history lists the change with its reason; a stale version is a conflict", async () => {
		const tenant = await makeTenant(runtime);
		const section = await unit(tenant, "section", null);
		const client = await clientFor(tenant, ["chief_officer"]);
		const asset = (await (
			await client.post("/api/assets", assetBody(section.id, ["C2", "I2", "A2"]))
		).json()) as AssetJson;
		const changed = await client.post(`/api/assets/${asset.id}/classification`, {
			levels: ["C3A", "I2", "A2"],
			reason: "特定個人情報を含むため",
			version: asset.version,
		});
		assert.equal(changed.status, 200, await changed.clone().text());
		const stale = await client.post(`/api/assets/${asset.id}/classification`, {
			levels: ["C1", "I2", "A2"],
			reason: "誤り",
			version: asset.version,
		});
		assert.equal(stale.status, 409);
		const history = (await (
			await client.get(`/api/assets/${asset.id}/classification-history`)
		).json()) as {
			items: { fromKey: string | null; toKey: string; reason: string; changedBy: string }[];
		};
		assert.equal(history.items.length, 2);
		assert.equal(history.items[0]?.fromKey, "C2/I2/A2");
		assert.equal(history.items[0]?.toKey, "C3A/I2/A2");
		assert.equal(history.items[0]?.reason, "特定個人情報を含むため");
		assert.equal(history.items[1]?.fromKey, null);
	});
});

describe("scoped access", () => {
	let tenant: TenantRow;
	let dept: { id: string };
	let mine: { id: string };
	let sibling: { id: string };
	let other: { id: string };
	const codes: Record<string, string> = {};

	before(async () => {
		tenant = await makeTenant(runtime);
		dept = await unit(tenant, "department", null);
		mine = await unit(tenant, "section", dept.id);
		sibling = await unit(tenant, "section", dept.id);
		const otherDept = await unit(tenant, "department", null);
		other = await unit(tenant, "section", otherDept.id);
		for (const [name, unitId] of [
			["mine", mine.id],
			["sibling", sibling.id],
			["other", other.id],
		] as const) {
			codes[name] = (await makeAsset(runtime, tenant.id, unitId)).code;
		}
	});

	async function seen(client: TestClient): Promise<string[]> {
		const response = await client.get("/api/assets?limit=500");
		assert.equal(response.status, 200);
		const body = (await response.json()) as { items: AssetJson[] };
		return body.items.map((item) => item.code).sort();
	}

	const expected = (...names: string[]) => names.map((n) => codes[n] as string).sort();

	test("a 情報セキュリティ管理者 sees and edits only their own unit's assets", async () => {
		const client = await clientFor(tenant, ["section_manager"], mine.id);
		assert.deepEqual(await seen(client), expected("mine"));
		const list = (await (await client.get("/api/assets?limit=500")).json()) as {
			items: AssetJson[];
		};
		const own = list.items[0] as AssetJson;
		assert.ok(own.allowedActions.includes("asset.write"));
		const edit = await client.patch(`/api/assets/${own.id}`, {
			version: own.version,
			location: "書庫",
		});
		assert.equal(edit.status, 200);
		const theirs = await client.post("/api/assets", assetBody(sibling.id, ["C2", "I2", "A2"]));
		assert.equal(theirs.status, 400, "cannot put an asset in another unit");
	});

	test("a 責任者 sees their department's assets, not another department's", async () => {
		const client = await clientFor(tenant, ["department_officer"], dept.id);
		assert.deepEqual(await seen(client), expected("mine", "sibling"));
	});

	test("an asset outside the scope is not found, not merely forbidden", async () => {
		const client = await clientFor(tenant, ["section_manager"], mine.id);
		const everything = await clientFor(tenant, ["chief_officer"]);
		const list = (await (await everything.get(`/api/assets?q=${codes.other}`)).json()) as {
			items: AssetJson[];
		};
		const foreign = list.items[0] as AssetJson;
		assert.equal((await client.get(`/api/assets/${foreign.id}`)).status, 404);
		assert.equal(
			(await client.patch(`/api/assets/${foreign.id}`, { version: 1, location: "x" })).status,
			404,
		);
	});

	test("the IT-policy section sees and edits all; auditors see all, read-only", async () => {
		const chief = await clientFor(tenant, ["chief_officer"]);
		assert.deepEqual(await seen(chief), expected("mine", "sibling", "other"));
		const auditor = await clientFor(tenant, ["auditor"]);
		assert.deepEqual(await seen(auditor), expected("mine", "sibling", "other"));
		const list = (await (await auditor.get("/api/assets?limit=1")).json()) as {
			items: AssetJson[];
		};
		const any = list.items[0] as AssetJson;
		assert.deepEqual(any.allowedActions, ["asset.read"]);
		const edit = await auditor.patch(`/api/assets/${any.id}`, {
			version: any.version,
			location: "x",
		});
		assert.equal(edit.status, 403);
	});

	test("plain staff cannot open the ledger", async () => {
		const staff = await clientFor(tenant, []);
		assert.equal((await staff.get("/api/assets")).status, 403);
	});
});

describe("search, filter, sort and paging", () => {
	test("filters narrow the total; pages do not overlap; sort by class puts the strictest first", async () => {
		const tenant = await makeTenant(runtime);
		const section = await unit(tenant, "section", null);
		for (let i = 0; i < 7; i++) {
			await makeAsset(runtime, tenant.id, section.id, {
				code: `Z-${String(i).padStart(3, "0")}`,
				zone: i % 2 === 0 ? "lgwan" : "internet",
				levels: i === 5 ? ["C3A", "I2", "A2"] : ["C1", "I1", "A1"],
			});
		}
		const client = await clientFor(tenant, ["chief_officer"]);
		const page = async (query: string) =>
			(await (await client.get(`/api/assets?${query}`)).json()) as {
				items: AssetJson[];
				total: number;
			};
		assert.equal((await page("zone=lgwan")).total, 4);
		const first = await page("limit=3&offset=0&sort=code");
		const second = await page("limit=3&offset=3&sort=code");
		assert.equal(first.total, 7);
		assert.deepEqual(
			first.items.map((a) => a.code),
			["Z-000", "Z-001", "Z-002"],
		);
		assert.deepEqual(
			second.items.map((a) => a.code),
			["Z-003", "Z-004", "Z-005"],
		);
		const byClass = await page("sort=class_rank&limit=1");
		assert.equal(byClass.items[0]?.code, "Z-005");
		assert.equal((await page("q=z-004")).items[0]?.code, "Z-004");
	});

	test("text search folds full-width and case, and follows a rename", async () => {
		const tenant = await makeTenant(runtime);
		const section = await unit(tenant, "section", null);
		const client = await clientFor(tenant, ["chief_officer"]);
		const created = (await (
			await client.post("/api/assets", {
				...assetBody(section.id, ["C2", "I2", "A2"]),
				name: "庁内ＬＡＮ端末（ｶﾞｲﾄﾞ付）",
			})
		).json()) as AssetJson;
		const found = async (q: string) =>
			(
				(await (await client.get(`/api/assets?q=${encodeURIComponent(q)}`)).json()) as {
					items: AssetJson[];
				}
			).items.map((a) => a.code);
		assert.deepEqual(await found("lan端末"), [created.code]);
		assert.deepEqual(await found("ガイド"), [created.code]);
		assert.deepEqual(await found(created.code.toLowerCase()), [created.code]);
		assert.deepEqual(await found("100%"), []);
		const renamed = await client.patch(`/api/assets/${created.id}`, {
			name: "会議室プロジェクター",
			version: created.version,
		});
		assert.equal(renamed.status, 200, await renamed.clone().text());
		assert.deepEqual(await found("lan"), []);
		assert.deepEqual(await found("プロジェクター"), [created.code]);
	});
});
