import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { type PolicyPack, policyPackSchema } from "../../src/modules/policies/pack/pack.schema.ts";
import type { RiskView } from "../../src/modules/risks/risks.schemas.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { makeAsset, unitOf } from "../helpers/asset-world.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeRisk, riskBody } from "../helpers/risk-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface RiskList {
	items: RiskView[];
	total: number;
}
interface HeatMap {
	size: number;
	total: number;
	cells: { likelihood: number; impact: number; score: number; band: string; count: number }[];
}

const suffix = () => randomBytes(3).toString("hex");

/** A tenant on a pack, with a fallback unit for tenant-wide roles. */
async function tenantOn(pack: "standard" | PolicyPack = "standard") {
	const tenant =
		pack === "standard"
			? await makeTenant(runtime)
			: await inTransaction(runtime.db, (tx) =>
					createTenant(
						tx,
						{ label: "test", ip: null },
						{ slug: `custom-${suffix()}`, name: "独自町", pack, packSource: "file:test" },
					),
				);
	const unit = await newUnit(tenant, null);
	return { tenant, unit };
}

async function newUnit(tenant: TenantRow, parentId: string | null) {
	return inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: `ou-${suffix()}`,
			name: parentId ? "情報政策係" : "情報政策課",
			kind: parentId ? "subsection" : "section",
			parentId,
		}),
	);
}

/** A logged-in holder of `roles`, and the unit of their per-unit role (or `fallback`). */
async function person(tenant: TenantRow, roles: Role[], fallback: string) {
	const account = await makeAccount(runtime, tenant, { roles });
	return {
		account,
		client: await activeClient(runtime, app, account),
		unit: await unitOf(runtime, tenant.id, account.id, fallback),
	};
}

function customPack(
	size: 3 | 4 | 5,
	exception: PolicyPack["organisation"]["approvals"]["exception"],
): PolicyPack {
	const base = loadBundledPack("standard");
	const labels = (axis: string) =>
		Array.from({ length: size }, (_, i) => ({ ja: `${axis}${i + 1}`, en: `${axis} ${i + 1}` }));
	return policyPackSchema.parse({
		...base,
		riskMatrix: { size, likelihood: labels("可能性"), impact: labels("影響") },
		organisation: {
			...base.organisation,
			approvals: { ...base.organisation.approvals, exception },
		},
	});
}

describe("risk register", () => {
	test("a risk is rated on the pack's matrix; unknown threats and off-matrix steps are refused", async () => {
		const { tenant, unit } = await tenantOn();
		const manager = await person(tenant, ["section_manager"], unit.id);
		const asset = await makeAsset(runtime, tenant.id, manager.unit);

		const unknown = await expectProblem(
			await manager.client.post("/api/risks", riskBody(manager.unit, { threatCode: "meteor" })),
			400,
			"validation_failed",
		);
		assert.equal(unknown.issues?.[0]?.path, "threatCode");
		assert.match(unknown.detail, /unknown threat "meteor".*intentional/);

		const offMatrix = await expectProblem(
			await manager.client.post(
				"/api/risks",
				riskBody(manager.unit, { inherent: { likelihood: 4, impact: 1 } }),
			),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			offMatrix.issues?.map((issue) => issue.path),
			["inherent.likelihood"],
		);
		assert.match(offMatrix.detail, /3×3/);

		await expectProblem(
			await manager.client.post("/api/risks", riskBody(manager.unit, { treatment: "accept" })),
			400,
			"validation_failed",
		);

		const created = await expectJson<RiskView>(
			await manager.client.post(
				"/api/risks",
				riskBody(manager.unit, {
					assetIds: [asset.id, asset.id],
					inherent: { likelihood: 3, impact: 2 },
					residual: { likelihood: 1, impact: 2 },
					treatmentOwnerId: manager.account.id,
				}),
			),
			201,
		);
		assert.deepEqual(created.inherent, { likelihood: 3, impact: 2, score: 6, band: "high" });
		assert.deepEqual(created.residual, { likelihood: 1, impact: 2, score: 2, band: "low" });
		assert.deepEqual(
			created.assets.map((a) => a.id),
			[asset.id],
		);
		assert.equal(created.threat.label?.ja !== undefined, true);
		assert.equal(created.treatmentOwner?.id, manager.account.id);
		assert.deepEqual(created.allowedActions, ["risk.read", "risk.write"]);

		const events = await auditEvents(runtime.db, tenant.id);
		const logged = events.find((e) => e.type === "risk.created" && e.record_id === created.id);
		assert.deepEqual(logged?.payload, {
			title: created.title,
			threat: "intentional",
			inherentScore: 6,
			residualScore: 2,
		});
	});

	test("a 5×5 pack allows steps up to 5 and bands them on its own scale", async () => {
		const { tenant, unit } = await tenantOn(customPack(5, { approver: "ciso" }));
		const admin = await person(tenant, ["chief_officer"], unit.id);
		const risk = await expectJson<RiskView>(
			await admin.client.post(
				"/api/risks",
				riskBody(unit.id, {
					inherent: { likelihood: 5, impact: 4 },
					residual: { likelihood: 2, impact: 3 },
				}),
			),
			201,
		);
		assert.deepEqual(risk.inherent, { likelihood: 5, impact: 4, score: 20, band: "high" });
		assert.equal(risk.residual.band, "medium");
		await expectProblem(
			await admin.client.patch(`/api/risks/${risk.id}`, {
				version: risk.version,
				residual: { likelihood: 6, impact: 1 },
			}),
			400,
			"validation_failed",
		);
		const options = await expectJson<{
			matrix: { size: number; likelihood: { ja: string }[] };
			acceptanceRoles: string[];
		}>(await admin.client.get("/api/risks/options"));
		assert.equal(options.matrix.size, 5);
		assert.equal(options.matrix.likelihood[4]?.ja, "可能性5");
		assert.deepEqual(options.acceptanceRoles, ["ciso"]);
		const map = await expectJson<HeatMap>(
			await admin.client.get("/api/risks/heat-map?basis=inherent"),
		);
		assert.equal(map.cells.length, 25);
		assert.equal(map.cells.find((c) => c.likelihood === 5 && c.impact === 4)?.count, 1);
	});

	test("only the CISO or the pack's delegate accepts, with who, when and why", async () => {
		const { tenant, unit } = await tenantOn();
		const manager = await person(tenant, ["section_manager"], unit.id);
		const risk = await makeRisk(runtime, tenant.id, manager.unit);
		for (const roles of [
			["section_manager"],
			["auditor"],
			["tenant_admin"],
			["csirt"],
		] as Role[][]) {
			const other = await person(tenant, roles, unit.id);
			await expectProblem(
				await other.client.post(`/api/risks/${risk.id}/acceptance`, { version: 1, reason: "x" }),
				403,
				"forbidden",
			);
		}
		const delegate = await person(tenant, ["chief_officer"], unit.id);
		const accepted = await expectJson<RiskView>(
			await delegate.client.post(`/api/risks/${risk.id}/acceptance`, {
				version: 1,
				reason: "費用対効果が見合わない",
			}),
		);
		assert.equal(accepted.treatment, "accept");
		assert.equal(accepted.acceptance?.by, delegate.account.id);
		assert.equal(accepted.acceptance?.reason, "費用対効果が見合わない");
		assert.match(accepted.acceptance?.at ?? "", /^\d{4}-\d{2}-\d{2}T/);
		const events = await auditEvents(runtime.db, tenant.id);
		const logged = events.find((e) => e.type === "risk.accepted" && e.record_id === risk.id);
		assert.equal(logged?.actor_id, delegate.account.id);
		assert.equal(logged?.payload.approverRole, "chief_officer");

		// A new residual level withdraws the acceptance; the section manager may not restore it.
		const moved = await expectJson<RiskView>(
			await manager.client.patch(`/api/risks/${risk.id}`, {
				version: accepted.version,
				residual: { likelihood: 3, impact: 3 },
			}),
		);
		assert.equal(moved.acceptance, null);
		assert.equal(moved.treatment, null);
		await expectProblem(
			await manager.client.patch(`/api/risks/${risk.id}`, {
				version: moved.version,
				treatment: "accept",
			}),
			400,
			"validation_failed",
		);
		const ciso = await person(tenant, ["ciso"], unit.id);
		const again = await expectJson<RiskView>(
			await ciso.client.post(`/api/risks/${risk.id}/acceptance`, {
				version: moved.version,
				reason: "残留リスクを受容",
			}),
		);
		assert.equal(again.acceptance?.by, ciso.account.id);
		await expectProblem(
			await ciso.client.post(`/api/risks/${risk.id}/acceptance`, {
				version: moved.version,
				reason: "古い版",
			}),
			409,
			"conflict",
		);
	});

	test("a pack without an exception delegate leaves acceptance to the CISO", async () => {
		const { tenant, unit } = await tenantOn(customPack(3, { approver: "ciso" }));
		const risk = await makeRisk(runtime, tenant.id, unit.id);
		const chief = await person(tenant, ["chief_officer"], unit.id);
		const refused = await expectProblem(
			await chief.client.post(`/api/risks/${risk.id}/acceptance`, { version: 1, reason: "x" }),
			403,
			"forbidden",
		);
		assert.match(refused.detail, /only ciso/);
		const view = await expectJson<RiskView>(await chief.client.get(`/api/risks/${risk.id}`));
		assert.ok(!view.allowedActions.includes("risk.accept"));
		const ciso = await person(tenant, ["ciso"], unit.id);
		const shown = await expectJson<RiskView>(await ciso.client.get(`/api/risks/${risk.id}`));
		assert.deepEqual(shown.allowedActions, ["risk.read", "risk.accept"]);
	});

	test("scope: managers see their units, department officers their subtree, auditors read all", async () => {
		const { tenant, unit } = await tenantOn();
		const officer = await person(tenant, ["department_officer"], unit.id);
		const team = await newUnit(tenant, officer.unit);
		const manager = await person(tenant, ["section_manager"], unit.id);
		const inTeam = await makeRisk(runtime, tenant.id, team.id, { title: `team-${suffix()}` });
		const inOther = await makeRisk(runtime, tenant.id, manager.unit, { title: `mgr-${suffix()}` });
		const foreignAsset = await makeAsset(runtime, tenant.id, manager.unit);

		const seen = await expectJson<RiskList>(await officer.client.get("/api/risks?limit=500"));
		assert.deepEqual(
			seen.items.map((r) => r.id),
			[inTeam.id],
		);
		await expectProblem(await officer.client.get(`/api/risks/${inOther.id}`), 404, "not_found");
		const exported = await officer.client.get("/api/risks/export?format=csv");
		const exportedRows = (await readTable(new Uint8Array(await exported.arrayBuffer()))).rows;
		assert.deepEqual(
			exportedRows.slice(1).map((row) => row[0]),
			[inTeam.title],
			"the export keeps to the same scope",
		);
		const logged = (await auditEvents(runtime.db, tenant.id)).filter(
			(e) => e.type === "risk.exported",
		);
		assert.deepEqual(
			logged.map((e) => [e.actor_id, e.payload]),
			[[officer.account.id, { format: "csv", rows: 1 }]],
		);
		await expectProblem(
			await officer.client.patch(`/api/risks/${inOther.id}`, { version: 1, title: "x" }),
			404,
			"not_found",
		);
		const linked = await expectProblem(
			await officer.client.patch(`/api/risks/${inTeam.id}`, {
				version: 1,
				assetIds: [foreignAsset.id],
			}),
			400,
			"validation_failed",
		);
		assert.equal(linked.issues?.[0]?.path, "assetIds.0");
		await expectProblem(
			await officer.client.post("/api/risks", riskBody(manager.unit)),
			400,
			"validation_failed",
		);

		const auditor = await person(tenant, ["auditor"], unit.id);
		const all = await expectJson<RiskList>(await auditor.client.get("/api/risks?limit=500"));
		assert.ok(all.items.some((r) => r.id === inTeam.id));
		assert.ok(all.items.some((r) => r.id === inOther.id));
		await expectProblem(
			await auditor.client.patch(`/api/risks/${inOther.id}`, { version: 1, title: "x" }),
			403,
			"forbidden",
		);
		const ciso = await person(tenant, ["ciso"], unit.id);
		const read = await expectJson<RiskView>(await ciso.client.get(`/api/risks/${inOther.id}`));
		assert.ok(!read.allowedActions.includes("risk.write"));
		const unitFilter = await expectJson<RiskList>(
			await auditor.client.get(`/api/risks?unitId=${team.id}`),
		);
		assert.deepEqual(
			unitFilter.items.map((r) => r.id),
			[inTeam.id],
		);
	});

	test("the heat map counts risks per cell on either basis, within scope and filter", async () => {
		const { tenant, unit } = await tenantOn();
		const manager = await person(tenant, ["section_manager"], unit.id);
		const rate = (l: number, i: number) => ({ likelihood: l, impact: i });
		await makeRisk(runtime, tenant.id, manager.unit, {
			inherent: rate(3, 3),
			residual: rate(1, 2),
		});
		await makeRisk(runtime, tenant.id, manager.unit, {
			inherent: rate(3, 3),
			residual: rate(2, 2),
		});
		const closed = await makeRisk(runtime, tenant.id, manager.unit, {
			inherent: rate(2, 1),
			residual: rate(1, 1),
		});
		await expectJson<RiskView>(
			await manager.client.patch(`/api/risks/${closed.id}`, { version: 1, status: "closed" }),
		);
		// Outside the manager's scope: not counted for them.
		await makeRisk(runtime, tenant.id, unit.id, { inherent: rate(3, 3), residual: rate(3, 3) });

		const count = (map: HeatMap, l: number, i: number) =>
			map.cells.find((c) => c.likelihood === l && c.impact === i)?.count;
		const inherent = await expectJson<HeatMap>(
			await manager.client.get("/api/risks/heat-map?basis=inherent"),
		);
		assert.equal(inherent.cells.length, 9);
		assert.equal(count(inherent, 3, 3), 2);
		assert.equal(count(inherent, 2, 1), 1);
		assert.equal(inherent.total, 3);
		assert.equal(inherent.cells.find((c) => c.likelihood === 3 && c.impact === 3)?.band, "high");
		const residual = await expectJson<HeatMap>(
			await manager.client.get("/api/risks/heat-map?basis=residual&status=active"),
		);
		assert.equal(count(residual, 1, 2), 1);
		assert.equal(count(residual, 2, 2), 1);
		assert.equal(count(residual, 1, 1), 0);
		assert.equal(count(residual, 3, 3), 0);
		assert.equal(residual.total, 2);

		const cell = await expectJson<RiskList>(
			await manager.client.get("/api/risks?basis=inherent&likelihood=3&impact=3"),
		);
		assert.equal(cell.total, 2);
		const band = await expectJson<RiskList>(
			await manager.client.get("/api/risks?basis=residual&band=medium"),
		);
		assert.deepEqual(
			band.items.map((r) => r.residual.score),
			[4],
		);
	});

	test("overdue: a due date passed and not closed; closing records risk.closed", async () => {
		const { tenant, unit } = await tenantOn();
		const manager = await person(tenant, ["section_manager"], unit.id);
		const late = await makeRisk(runtime, tenant.id, manager.unit, { treatmentDue: "2001-04-01" });
		const lateButClosed = await makeRisk(runtime, tenant.id, manager.unit, {
			treatmentDue: "2001-04-01",
		});
		await makeRisk(runtime, tenant.id, manager.unit, { treatmentDue: "2099-04-01" });
		await makeRisk(runtime, tenant.id, manager.unit, { treatmentDue: null });
		const closed = await expectJson<RiskView>(
			await manager.client.patch(`/api/risks/${lateButClosed.id}`, {
				version: 1,
				status: "closed",
			}),
		);
		assert.equal(closed.overdue, false);
		assert.ok(closed.closedAt);

		const overdue = await expectJson<RiskList>(await manager.client.get("/api/risks?overdue=true"));
		assert.deepEqual(
			overdue.items.map((r) => r.id),
			[late.id],
		);
		assert.equal(overdue.items[0]?.overdue, true);
		const rest = await expectJson<RiskList>(await manager.client.get("/api/risks?overdue=false"));
		assert.equal(rest.total, 3);

		const events = await auditEvents(runtime.db, tenant.id);
		const closing = events.filter((e) => e.record_id === lateButClosed.id).map((e) => e.type);
		assert.deepEqual(closing, ["risk.created", "risk.closed"]);
	});

	test("export carries the current filter's rows, as CSV and XLSX", async () => {
		const { tenant, unit } = await tenantOn();
		const manager = await person(tenant, ["section_manager"], unit.id);
		const asset = await makeAsset(runtime, tenant.id, manager.unit, { name: "財務会計システム" });
		const wanted = `漏えい-${suffix()}`;
		await makeRisk(runtime, tenant.id, manager.unit, {
			title: wanted,
			threatCode: "unintentional",
			assetIds: [asset.id],
		});
		const other = `災害-${suffix()}`;
		await makeRisk(runtime, tenant.id, manager.unit, { title: other, threatCode: "disaster" });

		const csv = await manager.client.get("/api/risks/export?format=csv&threat=unintentional");
		assert.equal(csv.status, 200);
		assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
		const bytes = new Uint8Array(await csv.arrayBuffer());
		assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "a BOM for Excel");
		const text = new TextDecoder().decode(bytes);
		assert.ok(text.includes(wanted));
		assert.ok(!text.includes(other));
		assert.ok(text.includes("財務会計システム"));
		assert.ok(text.startsWith('"リスク名"'));

		const xlsx = await manager.client.get(
			`/api/risks/export?format=xlsx&q=${encodeURIComponent(other)}`,
		);
		assert.equal(xlsx.status, 200);
		const table = await readTable(new Uint8Array(await xlsx.arrayBuffer()));
		assert.equal(table.format, "xlsx");
		assert.equal(table.rows.length, 2);
		assert.equal(table.rows[0]?.[0], "リスク名");
		assert.equal(table.rows[1]?.[0], other);
		assert.equal(table.rows[1]?.[20], "未対応");

		const events = await auditEvents(runtime.db, tenant.id);
		const exports = events.filter((e) => e.type === "risk.exported").map((e) => e.payload);
		assert.deepEqual(exports, [
			{ format: "csv", rows: 1 },
			{ format: "xlsx", rows: 1 },
		]);
	});
});
