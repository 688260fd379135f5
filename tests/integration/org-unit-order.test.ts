import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface Unit {
	id: string;
	code: string;
	name: string;
	kind: string;
	parentId: string | null;
	displayOrder: number;
}

async function sagaAdmin() {
	const slug = `saga-${Math.random().toString(36).slice(2, 8)}`;
	const tenant = await inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: "佐賀市", pack: "saga" }),
	);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	return { tenant, client: await activeClient(runtime, app, admin) };
}

const tree = async (client: Awaited<ReturnType<typeof sagaAdmin>>["client"]) =>
	(
		await expectJson<{ items: (Unit & { depth: number })[] }>(
			await client.get("/api/org-units/tree"),
		)
	).items;

test("the pack's agencies carry numeric 所属コード and its order: 市長部局 first", async () => {
	const { client } = await sagaAdmin();
	const agencies = (await tree(client)).filter((u) => u.kind === "agency");
	assert.deepEqual(
		agencies.map((u) => [u.code, u.name, u.displayOrder]),
		[
			["010000", "市長部局", 10],
			["020000", "議会事務局", 20],
			["030000", "監査事務局", 30],
			["040000", "公平委員会", 40],
			["050000", "選挙管理委員会事務局", 50],
			["060000", "農業委員会事務局", 60],
			["070000", "教育委員会事務局", 70],
		],
	);
	const flat = await expectJson<{ items: Unit[] }>(await client.get("/api/org-units"));
	assert.equal(flat.items[0]?.name, "市長部局", "the flat list is in the city's order too");
});

test("units sort by display order before code; code and order are editable and audited", async () => {
	const { client, tenant } = await sagaAdmin();
	const mayor = (await tree(client)).find((u) => u.code === "010000") ?? assert.fail("市長部局");
	const create = (code: string, name: string, displayOrder?: number) =>
		client.post("/api/org-units", {
			code,
			name,
			kind: "department",
			parentId: mayor.id,
			...(displayOrder === undefined ? {} : { displayOrder }),
		});
	// 総務部 comes first in the city's rules although its code sorts last.
	const soumu = await expectJson<Unit>(await create("019000", "総務部", 10), 201);
	const kikaku = await expectJson<Unit>(await create("011000", "企画部", 20), 201);
	// No order given: after the last sibling.
	const kenko = await expectJson<Unit>(await create("012000", "健康福祉部"), 201);
	assert.equal(kenko.displayOrder, 30);
	const children = async () =>
		(await tree(client)).filter((u) => u.parentId === mayor.id).map((u) => u.name);
	assert.deepEqual(await children(), ["総務部", "企画部", "健康福祉部"]);

	// Reordered and recoded: 健康福祉部 moves to the top and takes the city's code.
	const edited = await expectJson<Unit>(
		await client.patch(`/api/org-units/${kenko.id}`, { displayOrder: 5, code: "013000" }),
	);
	assert.deepEqual([edited.code, edited.displayOrder], ["013000", 5]);
	assert.deepEqual(await children(), ["健康福祉部", "総務部", "企画部"]);
	const event = (await auditEvents(runtime.db, tenant.id)).findLast(
		(e) => e.type === "org_unit.updated",
	);
	assert.deepEqual(event?.payload, {
		before: { name: "健康福祉部", parentId: mayor.id, code: "012000", displayOrder: 30 },
		after: { name: "健康福祉部", parentId: mayor.id, code: "013000", displayOrder: 5 },
	});

	// A code already used, or one a roster token could not name, is refused.
	const taken = await expectProblem(
		await client.patch(`/api/org-units/${kikaku.id}`, { code: soumu.code }),
		409,
		"conflict",
	);
	assert.equal(taken.issues?.[0]?.path, "code");
	const bad = await expectProblem(
		await client.patch(`/api/org-units/${kikaku.id}`, { code: "01 1000" }),
		400,
		"validation_failed",
	);
	assert.equal(bad.issues?.[0]?.path, "code");
});
