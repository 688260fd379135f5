import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TestClient } from "../helpers/client.ts";
import { expectJson } from "../helpers/http.ts";
import {
	type CaseList,
	type IncidentTenant,
	incidentTenant,
	person,
	report,
} from "../helpers/incident-people.ts";
import { usbReport } from "../helpers/incident-world.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The case list reads a unit's cases from the unit's links first (so that a page costs the
 * unit's cases, not the tenant's). What a list holds must not change with it: a manager sees
 * their units' cases (the units below theirs too) and their own reports, each once; a unit
 * filter narrows that reach and never widens it; totals match the pages.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let w: IncidentTenant;
const cases: Record<string, string> = {};

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	w = await incidentTenant(runtime, app);
	const reported = async (client: TestClient, title: string) =>
		(await expectJson<IncidentView>(await report(client, usbReport({ title })), 201)).id;
	const moveTo = async (id: string, unitIds: string[]) =>
		expectJson(
			await w.csirt.client.post(`/api/incidents/${id}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 1,
				unitIds,
			}),
		);
	// In the first unit: a colleague's report, and the manager's own.
	cases.colleague = await reported(w.colleague.client, "同僚の報告");
	cases.managersOwn = await reported(w.manager.client, "課長自身の報告");
	// The manager's report moved to the other unit only: still theirs to see.
	cases.managersMoved = await reported(w.manager.client, "課長の報告（他課へ）");
	await moveTo(cases.managersMoved, [w.other.id]);
	// A case of both units, and one of the other unit only.
	cases.both = await reported(w.reporter.client, "両課の事案");
	await moveTo(cases.both, [w.unit.id, w.other.id]);
	cases.otherOnly = await reported(w.reporter.client, "他課のみ");
	await moveTo(cases.otherOnly, [w.other.id]);
});
after(() => runtime.cleanup());

async function list(client: TestClient, query = "") {
	const all = await expectJson<CaseList>(await client.get(`/api/incidents?limit=200&${query}`));
	const paged = await expectJson<CaseList>(await client.get(`/api/incidents?limit=1&${query}`));
	assert.equal(paged.total, all.total, "the total does not depend on the page");
	assert.equal(all.items.length, all.total);
	return all.items.map((item) => item.id).sort();
}

const sorted = (...names: string[]) => names.map((name) => cases[name] ?? "").sort();

test("a manager: their unit's cases and their own reports, each once", async () => {
	assert.deepEqual(
		await list(w.manager.client),
		sorted("colleague", "managersOwn", "managersMoved", "both"),
	);
	assert.deepEqual(await list(w.manager.client, "state=triaged"), sorted("managersMoved", "both"));
});

test("a unit filter narrows the manager's reach and never widens it", async () => {
	assert.deepEqual(
		await list(w.manager.client, `unitId=${w.other.id}`),
		sorted("managersMoved", "both"),
	);
	assert.deepEqual(await list(w.manager.client, `unitId=${w.unit.id}&severity=1`), sorted("both"));
	assert.deepEqual(await list(w.otherManager.client, `unitId=${w.unit.id}`), sorted("both"));
});

test("the CSIRT: every case; by unit, each case of the unit once", async () => {
	assert.deepEqual(
		await list(w.csirt.client),
		sorted("colleague", "managersOwn", "managersMoved", "both", "otherOnly"),
	);
	assert.deepEqual(
		await list(w.csirt.client, `unitId=${w.other.id}`),
		sorted("managersMoved", "both", "otherOnly"),
	);
	assert.deepEqual(
		await list(w.csirt.client, `unitId=${w.other.id}&state=open&severity=1`),
		sorted("managersMoved", "both", "otherOnly"),
	);
});

test("a department's officer sees the cases of the sections below it", async () => {
	const system = systemActor(w.tenant.id, "test");
	const department = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, system, {
			code: unique("dep"),
			name: "市民部",
			kind: "department",
			parentId: null,
		}),
	);
	const section = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, system, {
			code: unique("sec"),
			name: "戸籍係",
			kind: "section",
			parentId: department.id,
		}),
	);
	const officer = await person(runtime, app, w.tenant, department, ["department_officer"]);
	assert.deepEqual(await list(officer.client), []);
	const below = (await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201))
		.id;
	await expectJson(
		await w.csirt.client.post(`/api/incidents/${below}/triage`, {
			version: 1,
			category: "unintentional",
			severity: 1,
			unitIds: [section.id],
		}),
	);
	assert.deepEqual(await list(officer.client), [below]);
	assert.deepEqual(await list(officer.client, `unitId=${section.id}`), [below]);
	assert.deepEqual(await list(officer.client, `unitId=${w.unit.id}`), []);
});

test("a manager's list is newest first, and page after page it is the same list", async () => {
	for (const query of ["", "state=triaged"]) {
		const all = await expectJson<{
			items: { id: string; title: string; createdAt: string }[];
			total: number;
		}>(await w.manager.client.get(`/api/incidents?limit=200&${query}`));
		const times = all.items.map((item) => item.createdAt);
		assert.deepEqual(times, [...times].sort().reverse(), "newest first");
		const paged: string[] = [];
		for (let offset = 0; offset < all.total; offset++) {
			const page = await expectJson<CaseList>(
				await w.manager.client.get(`/api/incidents?limit=1&offset=${offset}&${query}`),
			);
			paged.push(...page.items.map((item) => item.id));
		}
		assert.deepEqual(
			paged,
			all.items.map((item) => item.id),
		);
		assert.equal(all.items[0]?.title, "両課の事案", "the last reported first");
		const past = await expectJson<CaseList>(
			await w.manager.client.get(`/api/incidents?limit=1&offset=${all.total}&${query}`),
		);
		assert.deepEqual([past.items.length, past.total], [0, all.total], "a page past the end");
	}
});
