import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import {
	type CaseList,
	type IncidentTenant,
	incidentTenant,
	ppcOf,
	report,
	thisFiscalYear,
	viewCase,
} from "../helpers/incident-people.ts";
import { usbReport } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * A case from report to closing over HTTP: a member of staff reports a lost USB stick with 150
 * residents' data, CSIRT triages it, the PPC obligation shows both due dates, a filing is
 * recorded, and a severe case closes only with its 再発防止 record. Who sees what and the audit
 * log along the way.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

describe("a lost USB stick with 150 residents' data, from report to closing", () => {
	let w: IncidentTenant;
	let created: IncidentView;
	before(async () => {
		w = await incidentTenant(runtime, app);
		created = await expectJson<IncidentView>(
			await report(w.reporter.client, usbReport({ assetIds: [w.usb.id] })),
			201,
		);
	});

	test("the report opens a case numbered per fiscal year, in the reporter's unit", () => {
		assert.equal(created.reference, `INC-${thisFiscalYear()}-0001`);
		assert.equal(created.state, "reported");
		assert.equal(created.reporterId, w.reporter.account.id);
		assert.equal(created.source, "staff");
		assert.equal(created.knownAt, "2025-11-30");
		assert.deepEqual(
			created.units.map((u) => u.id),
			[w.unit.id],
		);
		assert.deepEqual(
			created.assets.map((a) => a.id),
			[w.usb.id],
		);
		assert.equal(
			created.title,
			"住民150人分の氏名と住所が入ったUSBメモリを、出張先から戻る電車の中でなくした。",
		);
		assert.deepEqual(
			created.timeline.map((e) => e.kind),
			["reported"],
		);
		// Before triage nobody is counted yet: the PPC report is not required on these facts.
		assert.equal(ppcOf(created)?.required, false);
		assert.ok(!created.allowedActions.includes("incident.triage"), "staff do not triage");
	});

	test("the reporter sees it in their reports; a colleague neither there nor by id (404)", async () => {
		const mine = await expectJson<CaseList>(await w.reporter.client.get("/api/incidents/mine"));
		assert.deepEqual(
			mine.items.map((i) => i.id),
			[created.id],
		);
		const theirs = await expectJson<CaseList>(await w.colleague.client.get("/api/incidents/mine"));
		assert.equal(theirs.total, 0);
		await expectProblem(await viewCase(w.colleague.client, created.id), 404, "not_found");
		await expectProblem(await w.colleague.client.get("/api/incidents"), 403, "forbidden");
		const note = await w.colleague.client.post(`/api/incidents/${created.id}/notes`, {
			text: "見ました",
		});
		await expectProblem(note, 404, "not_found");
	});

	test("the unit's manager sees the case; another unit's manager does not", async () => {
		await expectJson<IncidentView>(await viewCase(w.manager.client, created.id));
		const list = await expectJson<CaseList>(await w.manager.client.get("/api/incidents"));
		assert.deepEqual(
			list.items.map((i) => i.id),
			[created.id],
		);
		await expectProblem(await viewCase(w.otherManager.client, created.id), 404, "not_found");
		const none = await expectJson<CaseList>(await w.otherManager.client.get("/api/incidents"));
		assert.equal(none.total, 0);
	});

	test("only the CSIRT triages; the first triage needs a category and a severity", async () => {
		const url = `/api/incidents/${created.id}/triage`;
		await expectProblem(await w.manager.client.post(url, { version: 1 }), 403, "forbidden");
		const missing = await expectProblem(
			await w.csirt.client.post(url, { version: 1 }),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			missing.issues?.map((i) => [i.path, i.code]),
			[
				["category", "required"],
				["severity", "required"],
			],
		);
		const unknown = await expectProblem(
			await w.csirt.client.post(url, { version: 1, category: "aliens", severity: 4 }),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			unknown.issues?.map((i) => [i.path, i.code]),
			[
				["category", "unknown_category"],
				["severity", "severity_out_of_scale"],
			],
		);
		assert.equal(unknown.issues?.[1]?.params?.max, 3, "the standard pack's 3-step impact scale");
		assert.match(String(unknown.issues?.[0]?.params?.known), /unintentional/);
	});

	test("after triage the case shows the PPC obligation with both due dates", async () => {
		const triaged = await expectJson<IncidentView>(
			await w.csirt.client.post(`/api/incidents/${created.id}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 3,
				priority: "high",
				people: 150,
				dataKinds: ["personal"],
			}),
		);
		assert.equal(triaged.state, "triaged");
		assert.equal(triaged.version, 2);
		assert.deepEqual(triaged.severity, {
			level: 3,
			label: { ja: "大", en: "Severe" },
			severe: true,
		});
		assert.equal(triaged.priority, "high");
		const ppc = ppcOf(triaged);
		assert.equal(ppc?.required, true);
		assert.deepEqual(
			ppc?.reasons.map((r) => [r.code, r.params.people]),
			[["people_more_than", 150]],
		);
		// Known on Sun 2025-11-30 (day 1): day 5 is Thu 12-04; day 30 is Mon 12-29, in the New
		// Year closure, and 2026-01-04 is a Sunday: Mon 01-05.
		assert.equal(ppc?.preliminary?.due, "2025-12-04");
		assert.equal(ppc?.final?.due, "2026-01-05");
		assert.equal(ppc?.preliminary?.overdue, true, "due dates long past, nothing filed");
		assert.equal(ppc?.preliminary?.filedOn, null);
		assert.ok(triaged.allowedActions.includes("incident.close"));
		assert.ok(triaged.allowedActions.includes("incident.recover"));
	});

	test("a filing is recorded once, not in the future", async () => {
		const url = `/api/incidents/${created.id}/filings`;
		const body = {
			obligation: "ppc_personal_information",
			stage: "preliminary",
			filedOn: "2025-12-03",
			reference: "PPC-2025-123",
		};
		await expectProblem(await w.reporter.client.post(url, body), 403, "forbidden");
		const filed = await expectJson<IncidentView>(await w.csirt.client.post(url, body), 201);
		const ppc = ppcOf(filed);
		assert.equal(ppc?.preliminary?.filedOn, "2025-12-03");
		assert.equal(ppc?.preliminary?.overdue, false);
		assert.equal(ppc?.final?.filedOn, null);
		assert.deepEqual(
			filed.filings.map((f) => [f.obligation, f.stage, f.reference]),
			[["ppc_personal_information", "preliminary", "PPC-2025-123"]],
		);
		const again = await expectProblem(await w.csirt.client.post(url, body), 409, "conflict");
		assert.equal(again.issues?.[0]?.code, "already_filed");
		const future = await expectProblem(
			await w.csirt.client.post(url, { ...body, stage: "final", filedOn: "2999-01-01" }),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			future.issues?.map((i) => [i.path, i.code]),
			[["filedOn", "in_future"]],
		);
		const bogus = await expectProblem(
			await w.csirt.client.post(url, { ...body, obligation: "fbi" }),
			400,
			"validation_failed",
		);
		assert.equal(bogus.issues?.[0]?.code, "unknown_obligation");
	});

	test("a stale version is refused; a severe case closes only with its prevention record", async () => {
		const url = `/api/incidents/${created.id}/transitions`;
		const stale = await expectProblem(
			await w.csirt.client.post(url, { version: 1, action: "contain" }),
			409,
			"conflict",
		);
		assert.equal(stale.issues?.[0]?.code, "stale_version");
		await expectProblem(
			await w.manager.client.post(url, { version: 2, action: "contain" }),
			403,
			"forbidden",
		);
		const contained = await expectJson<IncidentView>(
			await w.csirt.client.post(url, { version: 2, action: "contain", reason: "USBの利用を停止" }),
		);
		assert.equal(contained.state, "contained");
		const recovered = await expectJson<IncidentView>(
			await w.csirt.client.post(url, { version: 3, action: "recover" }),
		);
		assert.equal(recovered.state, "recovered");
		const wrong = await expectProblem(
			await w.csirt.client.post(url, { version: 4, action: "contain" }),
			409,
			"conflict",
		);
		assert.deepEqual(wrong.issues?.[0]?.params, { action: "contain", state: "recovered" });
		const before = (await auditEvents(runtime.db, w.tenant.id)).length;
		const refused = await expectProblem(
			await w.csirt.client.post(url, { version: 4, action: "close" }),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			refused.issues?.map((i) => [i.path, i.code]),
			[["prevention", "prevention_required"]],
		);
		assert.equal((await auditEvents(runtime.db, w.tenant.id)).length, before, "nothing logged");
		const closed = await expectJson<IncidentView>(
			await w.csirt.client.post(url, {
				version: 4,
				action: "close",
				prevention: "USBメモリの持ち出しを禁止し、庁内ファイル共有に切り替えた。",
			}),
		);
		assert.equal(closed.state, "closed");
		assert.ok(closed.closedAt);
		assert.match(closed.prevention ?? "", /ファイル共有/);
		assert.ok(!closed.allowedActions.includes("incident.triage"));
	});

	test("the reporter adds a note; the timeline and the audit log hold every change", async () => {
		const noted = await expectJson<IncidentView>(
			await w.reporter.client.post(`/api/incidents/${created.id}/notes`, {
				text: "紛失届を警察に出しました。",
			}),
			201,
		);
		assert.deepEqual(
			noted.timeline.map((e) => [e.seq, e.kind]),
			[
				[1, "reported"],
				[2, "triaged"],
				// The unit's manager was told by the reporting chain (see incident-chain.test.ts).
				[3, "chain_notified"],
				[4, "filed"],
				[5, "contained"],
				[6, "recovered"],
				[7, "closed"],
				[8, "note"],
			],
		);
		assert.equal(noted.timeline[4]?.text, "USBの利用を停止");
		assert.equal(noted.timeline[7]?.text, "紛失届を警察に出しました。");
		const logged = (await auditEvents(runtime.db, w.tenant.id)).filter(
			(e) => e.record_id === created.id,
		);
		assert.deepEqual(
			logged.map((e) => [e.type, e.actor_id]),
			[
				["incident.reported", w.reporter.account.id],
				["incident.triaged", w.csirt.account.id],
				["incident.chain_notified", w.csirt.account.id],
				["incident.filing_recorded", w.csirt.account.id],
				["incident.transitioned", w.csirt.account.id],
				["incident.transitioned", w.csirt.account.id],
				["incident.transitioned", w.csirt.account.id],
				["incident.note_added", w.reporter.account.id],
			],
		);
		assert.deepEqual(logged[6]?.payload, {
			reference: `INC-${thisFiscalYear()}-0001`,
			from: "recovered",
			to: "closed",
			reason: null,
		});
		assert.ok(!JSON.stringify(logged).includes("警察"), "note text stays on the timeline");
	});
});
