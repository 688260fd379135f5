import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import type { RiskView } from "../../src/modules/risks/risks.schemas.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import { type IncidentTenant, incidentTenant, person, report } from "../helpers/incident-people.ts";
import { makeIncident, usbReport } from "../helpers/incident-world.ts";
import { makeRisk } from "../helpers/risk-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * A case feeds the risk register: a risk raised from it takes the case's category as its threat,
 * its unit and ledger assets, what happened and its 再発防止; an existing risk can be re-rated in
 * its light. Both go through the register's own use cases and show on the case's timeline.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let w: IncidentTenant;
let chief: Awaited<ReturnType<typeof person>>;

interface RiskLink {
	riskId: string;
	incident: IncidentView;
}

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	w = await incidentTenant(runtime, app);
	chief = await person(runtime, app, w.tenant, w.other, ["chief_officer"]);
});
after(() => runtime.cleanup());

/** The lost USB stick, triaged into the first unit with the stick linked, then closed. */
async function closedCase() {
	const created = await expectJson<IncidentView>(
		await report(w.reporter.client, usbReport({ assetIds: [w.usb.id] })),
		201,
	);
	await expectJson(
		await w.csirt.client.post(`/api/incidents/${created.id}/triage`, {
			version: 1,
			category: "unintentional",
			severity: 2,
			people: 150,
			dataKinds: ["personal"],
			prevention: "USBメモリは暗号化機能付きのものに限る",
		}),
	);
	return expectJson<IncidentView>(
		await w.csirt.client.post(`/api/incidents/${created.id}/transitions`, {
			version: 2,
			action: "close",
		}),
	);
}

const getRisk = async (client: typeof chief.client, id: string) =>
	expectJson<RiskView>(await client.get(`/api/risks/${id}`));

describe("a risk raised from a case", () => {
	let incident: IncidentView;
	before(async () => {
		incident = await closedCase();
	});

	test("the case offers it to the CSIRT, and to those who may write the register", async () => {
		assert.ok(incident.allowedActions.includes("incident.raise_risk"), "CSIRT's view");
		const managerView = await expectJson<IncidentView>(
			await w.manager.client.get(`/api/incidents/${incident.id}`),
		);
		assert.ok(managerView.allowedActions.includes("incident.raise_risk"));
		const reporterView = await expectJson<IncidentView>(
			await w.reporter.client.get(`/api/incidents/${incident.id}`),
		);
		assert.ok(!reporterView.allowedActions.includes("incident.raise_risk"), "the reporter's view");
		// Re-rating a linked risk: offered to those who may write the register (not the CSIRT, who
		// may only enter one), as the API decides.
		assert.ok(!incident.allowedActions.includes("incident.rescore_risk"), "CSIRT's view");
		assert.ok(managerView.allowedActions.includes("incident.rescore_risk"));
		assert.ok(!reporterView.allowedActions.includes("incident.rescore_risk"));
	});

	test("統括 raises one: threat, unit, assets, text and 再発防止 come from the case", async () => {
		const linked = await expectJson<RiskLink>(
			await chief.client.post(`/api/incidents/${incident.id}/risks`, {
				inherent: { likelihood: 2, impact: 3 },
			}),
			201,
		);
		const risk = await getRisk(chief.client, linked.riskId);
		assert.equal(risk.title, incident.title);
		assert.equal(risk.description, incident.whatHappened);
		assert.equal(risk.threat.code, "unintentional");
		assert.equal(risk.ownerUnit.id, w.unit.id);
		assert.deepEqual(
			risk.assets.map((a) => a.id),
			[w.usb.id],
		);
		assert.deepEqual([risk.inherent.score, risk.residual.score], [6, 6]);
		assert.equal(risk.treatmentPlan, "USBメモリは暗号化機能付きのものに限る");
		assert.equal(risk.status, "open");

		const last = linked.incident.timeline.at(-1);
		assert.equal(last?.kind, "risk_raised");
		assert.equal(last?.data.riskId, risk.id);
		assert.equal(last?.data.threat, "unintentional");
		assert.equal(linked.incident.state, "closed", "the case itself is unchanged");
		const types = (await auditEvents(runtime.db, w.tenant.id)).map((e) => [e.type, e.payload]);
		assert.deepEqual(types.slice(-2), [
			[
				"risk.created",
				{ title: risk.title, threat: "unintentional", inherentScore: 6, residualScore: 6 },
			],
			["incident.risk_linked", { reference: incident.reference, riskId: risk.id, link: "raised" }],
		]);
	});

	test("the unit's manager raises one too, in their unit, with a threat and title of their own", async () => {
		const linked = await expectJson<RiskLink>(
			await w.manager.client.post(`/api/incidents/${incident.id}/risks`, {
				title: "USBメモリの紛失",
				threatCode: "intentional",
				inherent: { likelihood: 3, impact: 3 },
				residual: { likelihood: 1, impact: 3 },
				assetIds: [],
			}),
			201,
		);
		const risk = await getRisk(w.manager.client, linked.riskId);
		assert.deepEqual(
			[risk.title, risk.threat.code, risk.ownerUnit.id, risk.assets.length, risk.residual.score],
			["USBメモリの紛失", "intentional", w.unit.id, 0, 3],
		);
	});

	test("who may raise one from a case they see, and in which units", async () => {
		const body = { inherent: { likelihood: 1, impact: 1 } };
		const ciso = await person(runtime, app, w.tenant, w.other, ["ciso"]);
		const auditor = await person(runtime, app, w.tenant, w.other, ["auditor"]);
		const officer = await person(runtime, app, w.tenant, w.other, ["committee_member"]);
		// The CSIRT and the CISO oversee every case: the risk goes to the case's unit, or any.
		for (const raiser of [w.csirt, ciso]) {
			const linked = await expectJson<RiskLink>(
				await raiser.client.post(`/api/incidents/${incident.id}/risks`, body),
				201,
			);
			const risk = await getRisk(chief.client, linked.riskId);
			assert.equal(risk.ownerUnit.id, w.unit.id, "the case's unit");
			assert.deepEqual(risk.allowedActions.includes("risk.write"), true, "統括 may change it");
			const elsewhere = await expectJson<RiskLink>(
				await raiser.client.post(`/api/incidents/${incident.id}/risks`, {
					...body,
					ownerUnitId: w.other.id,
				}),
				201,
			);
			assert.equal((await getRisk(chief.client, elsewhere.riskId)).ownerUnit.id, w.other.id);
			assert.equal(elsewhere.incident.timeline.at(-1)?.kind, "risk_raised");
		}
		// The register's options name where each may raise one (and where write risks).
		type Options = { units: { id: string }[]; raiseUnits: { id: string }[] };
		const ids = (units: { id: string }[]) => units.map((unit) => unit.id).sort();
		const csirtOptions = await expectJson<Options>(await w.csirt.client.get("/api/risks/options"));
		assert.deepEqual(ids(csirtOptions.units), []);
		const everyUnit = await runtime.db
			.selectFrom("org_units")
			.select("id")
			.where("tenant_id", "=", w.tenant.id)
			.execute();
		assert.deepEqual(ids(csirtOptions.raiseUnits), ids(everyUnit), "any unit of the tenant");
		const managerOptions = await expectJson<Options>(
			await w.manager.client.get("/api/risks/options"),
		);
		assert.deepEqual(ids(managerOptions.raiseUnits), [w.unit.id]);
		const auditorOptions = await expectJson<Options>(
			await auditor.client.get("/api/risks/options"),
		);
		assert.deepEqual(auditorOptions.raiseUnits, []);
		// Seeing the case is not enough: the reporter, the auditor, a committee member.
		for (const reader of [w.reporter, auditor, officer]) {
			await expectProblem(
				await reader.client.post(`/api/incidents/${incident.id}/risks`, body),
				403,
				"forbidden",
			);
		}
		// Another unit's manager may raise risks, but not from a case they do not see.
		await expectProblem(
			await w.otherManager.client.post(`/api/incidents/${incident.id}/risks`, body),
			404,
			"not_found",
		);
	});

	test("re-rating an existing risk stays with those who may change it, not the CSIRT or CISO", async () => {
		const risk = await makeRisk(runtime, w.tenant.id, w.unit.id);
		const ciso = await person(runtime, app, w.tenant, w.other, ["ciso"]);
		for (const overseer of [w.csirt, ciso]) {
			await expectProblem(
				await overseer.client.post(`/api/incidents/${incident.id}/risks/${risk.id}/rescore`, {
					version: 1,
					residual: { likelihood: 1, impact: 1 },
				}),
				403,
				"forbidden",
			);
		}
	});

	test("the register's own rules apply: a unit the caller does not manage, a rating off the matrix", async () => {
		const refused = await expectProblem(
			await w.manager.client.post(`/api/incidents/${incident.id}/risks`, {
				ownerUnitId: w.other.id,
				inherent: { likelihood: 1, impact: 1 },
			}),
			400,
			"validation_failed",
		);
		assert.equal(refused.issues?.[0]?.code, "org_unit_not_managed");
		const off = await expectProblem(
			await chief.client.post(`/api/incidents/${incident.id}/risks`, {
				inherent: { likelihood: 4, impact: 1 },
			}),
			400,
			"validation_failed",
		);
		assert.equal(off.issues?.[0]?.path, "inherent.likelihood");
	});
});

describe("what a case cannot give", () => {
	test("an untriaged case has no category: the threat must be chosen; no unit: the unit too", async () => {
		const created = await expectJson<IncidentView>(
			await report(w.reporter.client, usbReport()),
			201,
		);
		const refused = await expectProblem(
			await w.manager.client.post(`/api/incidents/${created.id}/risks`, {
				inherent: { likelihood: 1, impact: 1 },
			}),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			refused.issues?.map((issue) => [issue.path, issue.code]),
			[["threatCode", "risk_threat_required"]],
		);
		// 統括 manages no unit of the case's by role, yet may write anywhere: the first unit is taken.
		const linked = await expectJson<RiskLink>(
			await chief.client.post(`/api/incidents/${created.id}/risks`, {
				threatCode: "disaster",
				inherent: { likelihood: 1, impact: 1 },
			}),
			201,
		);
		assert.equal((await getRisk(chief.client, linked.riskId)).ownerUnit.id, w.unit.id);
		// A system's report concerns no unit yet: the risk's unit must be chosen.
		const system = await makeIncident(runtime, w.tenant.id);
		const noUnit = await expectProblem(
			await chief.client.post(`/api/incidents/${system.id}/risks`, {
				threatCode: "intentional",
				inherent: { likelihood: 1, impact: 1 },
			}),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			noUnit.issues?.map((issue) => [issue.path, issue.code]),
			[["ownerUnitId", "risk_unit_required"]],
		);
		await expectJson(
			await chief.client.post(`/api/incidents/${system.id}/risks`, {
				threatCode: "intentional",
				ownerUnitId: w.other.id,
				inherent: { likelihood: 1, impact: 1 },
			}),
			201,
		);
	});

	test("a case rejected as not an incident raises nothing", async () => {
		const created = await expectJson<IncidentView>(
			await report(w.reporter.client, usbReport()),
			201,
		);
		await expectJson(
			await w.csirt.client.post(`/api/incidents/${created.id}/transitions`, {
				version: 1,
				action: "reject",
				reason: "机の中にあった",
			}),
		);
		const refused = await expectProblem(
			await chief.client.post(`/api/incidents/${created.id}/risks`, {
				threatCode: "unintentional",
				inherent: { likelihood: 1, impact: 1 },
			}),
			409,
			"conflict",
		);
		assert.equal(refused.issues?.[0]?.code, "case_rejected");
	});
});

describe("an existing risk re-rated in the light of a case", () => {
	test("the register's update runs; the timeline keeps the ratings before and after", async () => {
		const incident = await closedCase();
		const risk = await makeRisk(runtime, w.tenant.id, w.unit.id, { assetIds: [w.usb.id] });
		const linked = await expectJson<RiskLink>(
			await w.manager.client.post(`/api/incidents/${incident.id}/risks/${risk.id}/rescore`, {
				version: 1,
				residual: { likelihood: 3, impact: 3 },
				reason: "同じ手口の紛失が続いたため",
			}),
		);
		const after = await getRisk(w.manager.client, risk.id);
		assert.equal(after.version, 2);
		assert.equal(after.residual.score, 9);
		const last = linked.incident.timeline.at(-1);
		assert.equal(last?.kind, "risk_rescored");
		assert.equal(last?.text, "同じ手口の紛失が続いたため", "the reason is the entry's text");
		assert.deepEqual(last?.data, {
			riskId: risk.id,
			title: risk.title,
			before: {
				inherent: { likelihood: 3, impact: 3, score: 9 },
				residual: { likelihood: 2, impact: 2, score: 4 },
			},
			after: {
				inherent: { likelihood: 3, impact: 3, score: 9 },
				residual: { likelihood: 3, impact: 3, score: 9 },
			},
			fields: ["residual_likelihood", "residual_impact"],
		});
		const stale = await expectProblem(
			await w.manager.client.post(`/api/incidents/${incident.id}/risks/${risk.id}/rescore`, {
				version: 1,
				residual: { likelihood: 1, impact: 1 },
			}),
			409,
			"conflict",
		);
		assert.match(stale.detail, /changed by someone else/);
		await expectProblem(
			await w.manager.client.post(`/api/incidents/${incident.id}/risks/${risk.id}/rescore`, {
				version: 2,
			}),
			400,
			"validation_failed",
		);
	});

	test("a risk of another unit does not exist for this unit's manager", async () => {
		const incident = await closedCase();
		const elsewhere = await makeRisk(runtime, w.tenant.id, w.other.id);
		await expectProblem(
			await w.manager.client.post(`/api/incidents/${incident.id}/risks/${elsewhere.id}/rescore`, {
				version: 1,
				residual: { likelihood: 1, impact: 1 },
			}),
			404,
			"not_found",
		);
	});
});
