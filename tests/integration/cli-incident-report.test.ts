import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import {
	findIncident,
	incidentAssets,
	listIncidentEvents,
} from "../../src/modules/incidents/incidents.repository.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { fiscalYear, japanDate } from "../../src/shared/dates.ts";
import { makeAsset } from "../helpers/asset-world.ts";
import { auditEvents, countRows } from "../helpers/audit-db.ts";
import { runCli } from "../helpers/cli.ts";
import { makeTenant } from "../helpers/factories.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/** `mamori incident report`: a system (the 無害化 gateway) opens a case from a JSON file. */

let runtime: TestRuntime;
let tenant: TenantRow;
let assetCode: string;
before(async () => {
	runtime = await createTestRuntime();
	tenant = await makeTenant(runtime);
	const unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: unique("ou"),
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
	assetCode = (await makeAsset(runtime, tenant.id, unit.id, { name: "メール無害化装置" })).code;
});
after(() => runtime.cleanup());

async function reportFile(name: string, content: unknown): Promise<string> {
	const path = join(runtime.dataDir, name);
	await writeFile(path, JSON.stringify(content));
	return path;
}

const gatewayReport = {
	system: "無害化ゲートウェイ",
	title: "マルウェア付きメールを保留",
	whatHappened: "外部から届いたメールの添付ファイルにマルウェアを検知し、保留した。",
	noticedAt: "2026-11-30T10:00:00+09:00",
	personalData: false,
};

test("a system's report opens a case, linked to the ledger asset by its ID, logged", async () => {
	const file = await reportFile("gateway.json", { ...gatewayReport, assetCodes: [assetCode] });
	const dayBefore = japanDate(new Date());
	const result = await runCli(
		["incident", "report", "--tenant", tenant.slug, file, "--json"],
		runtime,
	);
	const days = [dayBefore, japanDate(new Date())];
	assert.equal(result.code, 0, result.stderr);
	const printed = JSON.parse(result.stdout) as { id: string; reference: string; state: string };
	assert.equal(printed.reference, `INC-${fiscalYear(new Date().toISOString())}-0001`);
	assert.equal(printed.state, "reported");
	const row = await findIncident(runtime.db, tenant.id, printed.id);
	assert.equal(row?.source, "system");
	assert.equal(row?.reporter_id, null);
	assert.equal(row?.reporter_label, "無害化ゲートウェイ");
	assert.equal(row?.title, "マルウェア付きメールを保留");
	assert.ok(days.includes(row?.known_on ?? ""), "the report's Japan day when not given");
	assert.deepEqual(
		(await incidentAssets(runtime.db, tenant.id, printed.id)).map((a) => a.code),
		[assetCode],
	);
	const events = await listIncidentEvents(runtime.db, tenant.id, printed.id);
	assert.deepEqual(
		events.map((e) => [e.kind, e.actor_label]),
		[["reported", "無害化ゲートウェイ"]],
	);
	const logged = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.record_id === printed.id,
	);
	assert.deepEqual(
		logged.map((e) => [e.type, e.actor_label, e.payload.source]),
		[["incident.reported", "mamori CLI (cli-test)", "system"]],
	);
});

test("a system's reference: the same thing reported again opens no second case", async () => {
	const file = await reportFile("monitor.json", {
		...gatewayReport,
		system: "監視ツール",
		sourceRef: "alert-4711",
	});
	const report = () =>
		runCli(["incident", "report", "--tenant", tenant.slug, file, "--json"], runtime);
	const first = await report();
	assert.equal(first.code, 0, first.stderr);
	const again = await report();
	assert.equal(again.code, 0, again.stderr);
	const opened = JSON.parse(first.stdout) as { id: string; reference: string };
	assert.deepEqual(JSON.parse(again.stdout), JSON.parse(first.stdout), "the case already open");
	assert.equal((await findIncident(runtime.db, tenant.id, opened.id))?.source_ref, "alert-4711");
	const reported = (await auditEvents(runtime.db, tenant.id)).filter(
		(e) => e.type === "incident.reported" && e.record_id === opened.id,
	);
	assert.equal(reported.length, 1);
});

test("bad input names the field and opens nothing (exit 1); wrong usage exits 2", async () => {
	const before = await countRows(runtime.db, "incidents", tenant.id);
	const missing = await reportFile("missing.json", {
		...gatewayReport,
		system: undefined,
		extra: 1,
	});
	const bad = await runCli(["incident", "report", "--tenant", tenant.slug, missing], runtime);
	assert.equal(bad.code, 1);
	assert.ok(
		bad.errorLines.some((line) =>
			line.endsWith(": system: Invalid input: expected string, received undefined"),
		),
		bad.stderr,
	);
	assert.ok(
		bad.errorLines.some((line) => line.includes("extra")),
		bad.stderr,
	);

	const unknownAsset = await reportFile("asset.json", {
		...gatewayReport,
		assetCodes: ["NO-SUCH"],
	});
	const noAsset = await runCli(
		["incident", "report", "--tenant", tenant.slug, unknownAsset],
		runtime,
	);
	assert.equal(noAsset.code, 1);
	assert.deepEqual(noAsset.errorLines, [
		`${unknownAsset}: assetCodes.0: no asset NO-SUCH in the ledger`,
	]);

	const future = await reportFile("future.json", {
		...gatewayReport,
		noticedAt: "2999-01-01T00:00:00Z",
	});
	const later = await runCli(["incident", "report", "--tenant", tenant.slug, future], runtime);
	assert.equal(later.code, 1);
	assert.deepEqual(later.errorLines, [`${future}: noticedAt: lies in the future`]);
	assert.equal(await countRows(runtime.db, "incidents", tenant.id), before);

	const usage = await runCli(["incident", "report", missing], runtime);
	assert.equal(usage.code, 2);
	assert.match(usage.stderr, /--tenant is required/);
	const noTenant = await runCli(["incident", "report", "--tenant", "nowhere", missing], runtime);
	assert.equal(noTenant.code, 1);
});
