import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type {
	IncidentStats,
	OpenObligations,
} from "../../src/modules/incidents/incident-stats.schemas.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { incidentsJobs } from "../../src/modules/incidents/incidents.jobs.ts";
import { DUES_REDERIVE_JOB } from "../../src/modules/incidents/report-dues.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { expectJson } from "../helpers/http.ts";
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
 * A change of the tenant's reporting rules (here its own days for a preliminary report) is not
 * applied to the kept report dues inside a page request: the read that finds the rules' stamp
 * changed queues one job per change and answers from the kept rows, saying `recalculating`, with
 * the owed reports' dates as the rules say now; the job derives every case again and writes the
 * stamp, after which the figures follow the new rules and say nothing more.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let w: IncidentTenant;
let admin: Awaited<ReturnType<typeof person>>;
const cases: IncidentView[] = [];

const REDERIVE = incidentsJobs.filter((job) => job.name === DUES_REDERIVE_JOB);

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	w = await incidentTenant(runtime, app);
	admin = await person(runtime, app, w.tenant, w.unit, ["tenant_admin"]);
	// Known on Sunday 2025-11-30 (day 1), 150 people: the PPC must be told, 速報 on day 5.
	for (const title of ["USB メモリの紛失 1", "USB メモリの紛失 2"]) {
		const incident = await expectJson<IncidentView>(
			await report(w.reporter.client, usbReport({ title })),
			201,
		);
		await expectJson(
			await w.csirt.client.post(`/api/incidents/${incident.id}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 2,
				people: 150,
				dataKinds: ["personal"],
			}),
		);
		cases.push(incident);
	}
});
after(() => runtime.cleanup());

const stats = async () =>
	expectJson<IncidentStats>(await w.csirt.client.get("/api/incidents/stats"));
const owed = async () =>
	expectJson<OpenObligations>(await w.csirt.client.get("/api/incidents/open-obligations"));

/** The kept dues of the tenant, as `<reference>|<stage>|<due>`. */
async function kept(): Promise<string[]> {
	const rows = await runtime.db
		.selectFrom("incident_report_dues")
		.innerJoin("incidents", "incidents.id", "incident_report_dues.incident_id")
		.select(["incidents.reference", "incident_report_dues.stage", "incident_report_dues.due_on"])
		.where("incident_report_dues.tenant_id", "=", w.tenant.id)
		.execute();
	return rows.map((row) => `${row.reference}|${row.stage}|${row.due_on}`).sort();
}

async function rederiveJobs() {
	return runtime.db
		.selectFrom("jobs")
		.select(["status", "unique_key"])
		.where("tenant_id", "=", w.tenant.id)
		.where("name", "=", DUES_REDERIVE_JOB)
		.execute();
}

const expected = (preliminary: string) =>
	cases
		.flatMap((c) => [
			`${c.reference}|final|2026-01-05`,
			`${c.reference}|preliminary|${preliminary}`,
		])
		.sort();

test("current from the first case; cases from before the kept dues are derived by the job once", async () => {
	// The tenant's first case wrote its stamp: nothing to recalculate, nothing queued.
	assert.equal((await owed()).recalculating, false);
	assert.deepEqual(await rederiveJobs(), []);
	// A tenant upgraded from before the dues were kept has cases and no stamp.
	await runtime.db
		.deleteFrom("incident_report_due_stamps")
		.where("tenant_id", "=", w.tenant.id)
		.execute();
	assert.equal((await owed()).recalculating, true);
	await runDueJobs(runtime, { declarations: REDERIVE });
	assert.deepEqual(
		(await rederiveJobs()).map((job) => job.status),
		["done"],
	);
	const list = await owed();
	assert.equal(list.recalculating, false);
	assert.equal((await stats()).recalculating, false);
	assert.deepEqual(
		list.items.map((item) => `${item.reference}|${item.stage}|${item.due}`).sort(),
		expected("2025-12-04"),
	);
	assert.deepEqual(await kept(), expected("2025-12-04"));
});

test("day 3 set: the reads queue one job and derive nothing, yet list the new dates", async () => {
	await expectJson(
		await admin.client.request("PUT", "/api/tenant/settings", {
			dateStyle: "wareki",
			incidentPreliminaryDays: 3,
		}),
	);
	const list = await owed();
	const figures = await stats();
	await owed();
	assert.equal(list.recalculating, true);
	assert.equal(figures.recalculating, true);
	// The fast path: the kept rows are those of before; the job is queued once for this change.
	assert.deepEqual(await kept(), expected("2025-12-04"));
	const jobs = await rederiveJobs();
	assert.deepEqual(jobs.map((job) => job.status).sort(), ["done", "pending"]);
	// What the list shows is right already: the 速報 is due on Tuesday 2025-12-02.
	assert.equal(list.total, 4);
	assert.deepEqual(
		list.items.map((item) => `${item.reference}|${item.stage}|${item.due}`).sort(),
		expected("2025-12-02"),
	);
	assert.deepEqual(
		list.items.map((item) => item.stage),
		["preliminary", "preliminary", "final", "final"],
		"soonest due first",
	);
	// The case page assesses the case itself, under the rules of now.
	const view = await expectJson<IncidentView>(await viewCase(w.csirt.client, cases[0]?.id ?? ""));
	assert.equal(ppcOf(view)?.preliminary?.due, "2025-12-02");
	// The year's figures are the kept ones until the job is done (the dashboard says so).
	assert.deepEqual(
		figures.reporting.map((stage) => [stage.stage, stage.overdue + stage.pending]),
		[
			["preliminary", 2],
			["final", 2],
		],
	);
});

test("the job derives every case again and writes the stamp; the reads are current", async () => {
	const summary = await runDueJobs(runtime, { declarations: REDERIVE });
	assert.equal(summary.done, 1);
	assert.deepEqual(await kept(), expected("2025-12-02"));
	const list = await owed();
	assert.equal(list.recalculating, false);
	assert.equal((await stats()).recalculating, false);
	assert.deepEqual(
		list.items.map((item) => `${item.reference}|${item.stage}|${item.due}`).sort(),
		expected("2025-12-02"),
	);
	assert.deepEqual(
		(await rederiveJobs()).map((job) => job.status),
		["done", "done"],
	);
	// Back to the pack's day 5: another change, another job (the key names the change).
	await expectJson(
		await admin.client.request("PUT", "/api/tenant/settings", {
			dateStyle: "wareki",
			incidentPreliminaryDays: null,
		}),
	);
	assert.equal((await owed()).recalculating, true);
	await runDueJobs(runtime, { declarations: REDERIVE });
	assert.equal((await owed()).recalculating, false);
	assert.deepEqual(await kept(), expected("2025-12-04"));
	assert.equal((await rederiveJobs()).length, 3);
});
