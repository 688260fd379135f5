import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type {
	IncidentCase,
	IncidentView,
} from "../../src/modules/incidents/incident-view.schemas.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { makeTenant } from "../helpers/factories.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import {
	type CaseList,
	type IncidentTenant,
	incidentTenant,
	newUnit,
	person,
	report,
	thisFiscalYear,
	viewCase,
} from "../helpers/incident-people.ts";
import { usbReport } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Incident cases beyond the main flow: numbering and the list's filters, lighter cases closing
 * without 再発防止, rejection, what a report may name, and another tenant.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

describe("lists, rejection, lighter cases and tenants", () => {
	let w: IncidentTenant;
	before(async () => {
		w = await incidentTenant(runtime, app);
	});

	async function reported(body = usbReport()) {
		return expectJson<IncidentView>(await report(w.reporter.client, body), 201);
	}

	test("cases are numbered one after another; the list filters by state, severity and unit", async () => {
		const first = await reported();
		const second = await reported(usbReport({ personalData: false, title: "誤送信" }));
		assert.equal(first.reference, `INC-${thisFiscalYear()}-0001`);
		assert.equal(second.reference, `INC-${thisFiscalYear()}-0002`);
		await expectJson(
			await w.csirt.client.post(`/api/incidents/${second.id}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 1,
				unitIds: [w.other.id],
			}),
		);
		const ids = async (query: string) =>
			(await expectJson<CaseList>(await w.csirt.client.get(`/api/incidents?${query}`))).items.map(
				(i) => i.id,
			);
		assert.deepEqual(await ids(""), [second.id, first.id], "newest first");
		assert.deepEqual(await ids("state=reported"), [first.id]);
		assert.deepEqual(await ids("state=open"), [second.id, first.id]);
		assert.deepEqual(await ids("severity=1"), [second.id]);
		assert.deepEqual(await ids(`unitId=${w.other.id}`), [second.id]);
		assert.deepEqual(await ids(`unitId=${w.unit.id}`), [first.id]);
		assert.deepEqual(await ids("state=closed"), []);
		const paged = await expectJson<CaseList>(await w.csirt.client.get("/api/incidents?limit=1"));
		assert.equal(paged.total, 2);
		assert.deepEqual(
			paged.items.map((i) => i.id),
			[second.id],
		);
		// Moved to another unit by the CSIRT: the reporter's manager no longer sees it; the reporter does.
		await expectProblem(await viewCase(w.manager.client, second.id), 404, "not_found");
		await expectJson(await viewCase(w.reporter.client, second.id));
		await expectJson(await viewCase(w.otherManager.client, second.id));
	});

	test("the list names each case's legal report due soonest until it is filed", async () => {
		const incident = await reported();
		const url = `/api/incidents/${incident.id}`;
		const dueOf = async () => {
			const list = await expectJson<{ items: IncidentCase[] }>(
				await w.csirt.client.get("/api/incidents?limit=200"),
			);
			return list.items.find((item) => item.id === incident.id)?.nextDue;
		};
		assert.equal(await dueOf(), null, "before triage nobody is counted: nothing is due");
		await expectJson(
			await w.csirt.client.post(`${url}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 2,
				people: 150,
				dataKinds: ["personal"],
			}),
		);
		const first = await dueOf();
		assert.deepEqual(
			[first?.obligation, first?.stage, first?.label.ja, first?.due, first?.overdue],
			["ppc_personal_information", "preliminary", "速報", "2025-12-04", true],
		);
		await expectJson(
			await w.csirt.client.post(`${url}/filings`, {
				obligation: "ppc_personal_information",
				stage: "preliminary",
				filedOn: "2025-12-03",
			}),
			201,
		);
		const second = await dueOf();
		assert.deepEqual([second?.stage, second?.due], ["final", "2026-01-05"]);
	});

	test("a case that is not severe closes without a prevention record", async () => {
		const incident = await reported(usbReport({ personalData: false }));
		const url = `/api/incidents/${incident.id}`;
		await expectJson(
			await w.csirt.client.post(`${url}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 2,
			}),
		);
		const closed = await expectJson<IncidentView>(
			await w.csirt.client.post(`${url}/transitions`, { version: 2, action: "close" }),
		);
		assert.equal(closed.state, "closed");
		assert.equal(closed.prevention, null);
	});

	test("rejecting needs a reason; a rejected case has no obligations and takes no filing", async () => {
		const incident = await reported();
		const url = `/api/incidents/${incident.id}/transitions`;
		const refused = await expectProblem(
			await w.csirt.client.post(url, { version: 1, action: "reject" }),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			refused.issues?.map((i) => [i.path, i.code]),
			[["reason", "reason_required"]],
		);
		const rejected = await expectJson<IncidentView>(
			await w.csirt.client.post(url, {
				version: 1,
				action: "reject",
				reason: "USBメモリは机の引き出しで見つかった",
			}),
		);
		assert.equal(rejected.state, "rejected");
		assert.equal(rejected.rejectReason, "USBメモリは机の引き出しで見つかった");
		assert.deepEqual(rejected.obligations, []);
		const filing = await expectProblem(
			await w.csirt.client.post(`/api/incidents/${incident.id}/filings`, {
				obligation: "ppc_personal_information",
				stage: "preliminary",
				filedOn: "2025-12-01",
			}),
			409,
			"conflict",
		);
		assert.equal(filing.issues?.[0]?.code, "case_rejected");
		const triage = await expectProblem(
			await w.csirt.client.post(`/api/incidents/${incident.id}/triage`, { version: 2 }),
			409,
			"conflict",
		);
		assert.equal(triage.issues?.[0]?.code, "case_not_open");
	});

	test("a report names only reachable assets, and no future", async () => {
		const foreign = await makeAsset(runtime, w.tenant.id, w.other.id);
		const far = await expectProblem(
			await report(w.reporter.client, usbReport({ assetIds: [foreign.id] })),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			far.issues?.map((i) => [i.path, i.code, i.params?.id]),
			[["assetIds.0", "asset_not_found", foreign.id]],
		);
		const future = await expectProblem(
			await report(
				w.reporter.client,
				usbReport({ noticedAt: "2999-01-01T00:00:00Z", knownAt: "2999-01-01" }),
			),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			future.issues?.map((i) => [i.path, i.code]),
			[
				["noticedAt", "in_future"],
				["knownAt", "in_future"],
			],
		);
		const choices = await expectJson<{ items: { id: string }[] }>(
			await w.reporter.client.get("/api/incidents/reportable-assets"),
		);
		assert.ok(choices.items.some((a) => a.id === w.usb.id));
		assert.ok(!choices.items.some((a) => a.id === foreign.id));
	});

	test("another tenant's CSIRT finds none of these cases", async () => {
		const incident = await reported();
		const b = await makeTenant(runtime);
		const bCsirt = await person(runtime, app, b, await newUnit(runtime, b), ["csirt"]);
		await expectProblem(await viewCase(bCsirt.client, incident.id), 404, "not_found");
		await expectProblem(
			await bCsirt.client.post(`/api/incidents/${incident.id}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 1,
			}),
			404,
			"not_found",
		);
		const list = await expectJson<CaseList>(
			await bCsirt.client.get(`/api/incidents?unitId=${w.unit.id}`),
		);
		assert.equal(list.total, 0);
		const own = await expectJson<IncidentView>(await report(bCsirt.client, usbReport()), 201);
		assert.equal(own.reference, `INC-${thisFiscalYear()}-0001`, "B numbers its own cases");
	});
});
