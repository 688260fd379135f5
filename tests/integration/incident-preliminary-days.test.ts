import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import {
	type IncidentTenant,
	incidentTenant,
	person,
	ppcOf,
	report,
	viewCase,
} from "../helpers/incident-people.ts";
import { usbReport } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The tenant's own days for a preliminary report (速報): the pack aims at day 5 ("promptly, 3–5
 * days"); the tenant's administrator may set another day, the change is audited, and every
 * case's PPC obligation shows its preliminary due date from then on. The final report's legal
 * limit (30 days) does not move.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let w: IncidentTenant;
let admin: Awaited<ReturnType<typeof person>>;
let incident: IncidentView;

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	w = await incidentTenant(runtime, app);
	admin = await person(runtime, app, w.tenant, w.unit, ["tenant_admin"]);
	// Known on Sunday 2025-11-30 (day 1), 150 people: the PPC must be told.
	incident = await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201);
	await expectJson(
		await w.csirt.client.post(`/api/incidents/${incident.id}/triage`, {
			version: 1,
			category: "unintentional",
			severity: 2,
			people: 150,
			dataKinds: ["personal"],
		}),
	);
});
after(() => runtime.cleanup());

async function dueDates() {
	const ppc = ppcOf(await expectJson<IncidentView>(await viewCase(w.csirt.client, incident.id)));
	assert.equal(ppc?.required, true);
	return { preliminary: ppc?.preliminary, final: ppc?.final?.due };
}

interface Settings {
	dateStyle: string;
	incidentPreliminaryDays: number | null;
	packPreliminaryDays: number | null;
}

test("without a setting of its own, the preliminary report is due on the pack's day 5", async () => {
	const settings = await expectJson<Settings>(await admin.client.get("/api/tenant/settings"));
	assert.equal(settings.incidentPreliminaryDays, null);
	assert.equal(settings.packPreliminaryDays, 5);
	const due = await dueDates();
	assert.equal(due.preliminary?.days, 5);
	assert.equal(due.preliminary?.due, "2025-12-04");
	assert.equal(due.final, "2026-01-05", "day 30 is 12/29, closed until Sunday 1/4");
});

test("the administrator sets day 3: audited, and the case's preliminary report is due on Tuesday", async () => {
	const changed = await expectJson<Settings>(
		await admin.client.request("PUT", "/api/tenant/settings", {
			dateStyle: "wareki",
			incidentPreliminaryDays: 3,
		}),
	);
	assert.equal(changed.incidentPreliminaryDays, 3);
	const due = await dueDates();
	assert.equal(due.preliminary?.days, 3);
	assert.equal(due.preliminary?.due, "2025-12-02");
	assert.equal(due.final, "2026-01-05", "the final report's legal limit does not move");
	const events = await auditEvents(runtime.db, w.tenant.id);
	const last = events.filter((e) => e.type === "tenant.settings_changed").at(-1);
	assert.deepEqual(last?.payload, {
		before: { dateStyle: "wareki", incidentPreliminaryDays: null },
		after: { dateStyle: "wareki", incidentPreliminaryDays: 3 },
	});
});

test("a change of the date style alone keeps the days; null returns to the pack's aim", async () => {
	await expectJson(
		await admin.client.request("PUT", "/api/tenant/settings", { dateStyle: "seireki" }),
	);
	assert.equal((await dueDates()).preliminary?.due, "2025-12-02");
	await expectJson(
		await admin.client.request("PUT", "/api/tenant/settings", {
			dateStyle: "wareki",
			incidentPreliminaryDays: null,
		}),
	);
	assert.equal((await dueDates()).preliminary?.due, "2025-12-04");
});

test("only the administrator sets it, within 1–30 days", async () => {
	await expectProblem(
		await w.csirt.client.request("PUT", "/api/tenant/settings", {
			dateStyle: "wareki",
			incidentPreliminaryDays: 2,
		}),
		403,
		"forbidden",
	);
	for (const days of [0, 31, 2.5]) {
		const refused = await expectProblem(
			await admin.client.request("PUT", "/api/tenant/settings", {
				dateStyle: "wareki",
				incidentPreliminaryDays: days,
			}),
			400,
			"validation_failed",
		);
		assert.equal(refused.issues?.[0]?.path, "incidentPreliminaryDays");
	}
	assert.equal((await dueDates()).preliminary?.due, "2025-12-04", "nothing changed");
});
