import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface Node {
	id: string;
	code: string;
	kind: string;
	parentId: string | null;
	depth: number;
	staffCount: number;
}

async function setUp() {
	const tenant = await makeTenant(runtime);
	const admin = await makeAccount(runtime, tenant, { roles: ["tenant_admin"] });
	const client = await activeClient(runtime, app, admin);
	const tree = await expectJson<{ items: Node[] }>(await client.get("/api/org-units/tree"));
	const agency = tree.items.find((u) => u.kind === "agency") ?? assert.fail("pack agencies");
	return { tenant, admin, client, agency };
}

test("the tree: agencies, then 部局 / 課 / 係 under the kind rules, with staff counts", async () => {
	const { client, agency, tenant } = await setUp();
	const create = (code: string, kind: string, parentId: string | null) =>
		client.post("/api/org-units", { code, name: code, kind, parentId });
	const dept = await expectJson<Node>(await create("soumu", "department", agency.id), 201);
	const section = await expectJson<Node>(await create("joho", "section", dept.id), 201);
	await expectJson<Node>(await create("kakari", "subsection", section.id), 201);
	await expectJson<Node>(await create("zaimu-sys", "system", section.id), 201);
	const refused = await expectProblem(
		await create("bad", "section", agency.id),
		400,
		"validation_failed",
	);
	assert.equal(refused.issues?.[0]?.path, "parentId");
	assert.equal(refused.issues?.[0]?.code, "org_unit_kind_not_allowed");
	assert.deepEqual(refused.issues?.[0]?.params, {
		field: "parentId",
		kind: "section",
		parentKind: "agency",
	});
	await makeStaff(runtime, tenant, section.id);
	await makeStaff(runtime, tenant, section.id);
	const tree = await expectJson<{ items: Node[] }>(await client.get("/api/org-units/tree"));
	const mine = tree.items.filter((u) => ["soumu", "joho", "kakari", "zaimu-sys"].includes(u.code));
	assert.deepEqual(
		mine.map((u) => [u.code, u.depth, u.staffCount]),
		[
			["soumu", 1, 0],
			["joho", 2, 2],
			["kakari", 3, 0],
			["zaimu-sys", 3, 0],
		],
	);
});

test("rename and move, never under itself; audited", async () => {
	const { client, agency, tenant } = await setUp();
	const dept = await makeOrgUnit(runtime, tenant, { kind: "department", parent_id: agency.id });
	const dept2 = await makeOrgUnit(runtime, tenant, { kind: "department", parent_id: agency.id });
	const section = await makeOrgUnit(runtime, tenant, { kind: "section", parent_id: dept.id });
	const renamed = await expectJson<{ name: string; parentId: string }>(
		await client.patch(`/api/org-units/${section.id}`, {
			name: "デジタル推進課",
			parentId: dept2.id,
		}),
	);
	assert.deepEqual([renamed.name, renamed.parentId], ["デジタル推進課", dept2.id]);
	const cycle = await expectProblem(
		await client.patch(`/api/org-units/${dept2.id}`, { parentId: section.id }),
		400,
		"validation_failed",
	);
	assert.match(cycle.detail, /under itself/);
	await expectProblem(
		await client.patch(`/api/org-units/${section.id}`, { parentId: agency.id }),
		400,
		"validation_failed",
	);
	const event = (await auditEvents(runtime.db, tenant.id)).findLast(
		(e) => e.type === "org_unit.updated",
	);
	const { code, display_order: order } = section;
	assert.deepEqual(event?.payload, {
		before: { name: "テスト課", parentId: dept.id, code, displayOrder: order },
		after: { name: "デジタル推進課", parentId: dept2.id, code, displayOrder: order },
	});
	const other = await makeTenant(runtime);
	const foreign = await makeOrgUnit(runtime, other);
	await expectProblem(
		await client.patch(`/api/org-units/${foreign.id}`, { name: "x" }),
		404,
		"not_found",
	);
	await expectProblem(
		await client.patch(`/api/org-units/${section.id}`, { parentId: foreign.id }),
		400,
		"validation_failed",
	);
});

test("staff: filter by unit with the units under it, by category and status; edit with audit", async () => {
	const { client, agency, tenant } = await setUp();
	const dept = await makeOrgUnit(runtime, tenant, { kind: "department", parent_id: agency.id });
	const section = await makeOrgUnit(runtime, tenant, { kind: "section", parent_id: dept.id });
	const elsewhere = await makeOrgUnit(runtime, tenant, {
		kind: "department",
		parent_id: agency.id,
	});
	const a = await makeStaff(runtime, tenant, dept.id, { staffNumber: "A1" });
	const b = await makeStaff(runtime, tenant, section.id, {
		staffNumber: "B1",
		category: "dispatched",
	});
	await makeStaff(runtime, tenant, elsewhere.id, { staffNumber: "C1" });
	const numbers = async (query: string) =>
		(
			await expectJson<{ items: { staffNumber: string }[] }>(
				await client.get(`/api/staff?${query}`),
			)
		).items.map((s) => s.staffNumber);
	assert.deepEqual(await numbers(`unitId=${dept.id}`), ["A1", "B1"]);
	assert.deepEqual(await numbers(`unitId=${dept.id}&descendants=false`), ["A1"]);
	assert.deepEqual(await numbers("category=dispatched"), ["B1"]);
	const edited = await expectJson<{ category: string; orgUnitId: string; title: string }>(
		await client.patch(`/api/staff/${a.staffId}`, {
			category: "part_time",
			orgUnitId: section.id,
			title: "係長",
		}),
	);
	assert.deepEqual(
		[edited.category, edited.orgUnitId, edited.title],
		["part_time", section.id, "係長"],
	);
	const event = (await auditEvents(runtime.db, tenant.id)).findLast(
		(e) => e.type === "staff.updated",
	);
	assert.equal(
		(event?.payload as { after?: { category: string } } | undefined)?.after?.category,
		"part_time",
	);
	await expectProblem(
		await client.patch(`/api/staff/${b.staffId}`, { category: "nope" }),
		400,
		"validation_failed",
	);
	const plain = await activeClient(runtime, app, await makeAccount(runtime, tenant));
	await expectProblem(await plain.get("/api/staff"), 403, "forbidden");
	assert.deepEqual(await numbers("active=false"), []);
});
