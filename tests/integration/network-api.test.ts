import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { createApp } from "../../src/http/app.ts";
import type { FirewallImportResult } from "../../src/modules/network/import-firewall.ts";
import type { ImportResult } from "../../src/modules/network/import-model.ts";
import type { NetworkModelFile } from "../../src/modules/network/model.schema.ts";
import type { PresentedCheck } from "../../src/modules/network/network.presenter.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { TestClient } from "../helpers/client.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { sampleNetworkModel } from "../helpers/network-world.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

interface ModelView {
	model: NetworkModelFile;
	revision: number;
	updatedBy: string | null;
	check: PresentedCheck;
	history: { revision: number; source: string; savedBy: string }[];
	allowedActions: string[];
}

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let tenant: TenantRow;
let editor: TestClient;

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	tenant = await makeTenant(runtime);
	editor = await activeClient(
		runtime,
		app,
		await makeAccount(runtime, tenant, { roles: ["chief_officer"] }),
	);
});
after(() => runtime.cleanup());

async function clientWith(...roles: ("auditor" | "ciso" | "system_admin")[]) {
	return activeClient(runtime, app, await makeAccount(runtime, tenant, { roles }));
}

async function auditTypes(type: string): Promise<Record<string, unknown>[]> {
	const rows = await runtime.db
		.selectFrom("audit_events")
		.select("data")
		.where("tenant_id", "=", tenant.id)
		.where("type", "=", type)
		.orderBy("seq")
		.execute();
	return rows.map((row) => JSON.parse(String(row.data)) as Record<string, unknown>);
}

const FIREWALL_CSV = [
	"ルールID,送信元,宛先,プロトコル,ポート,動作,目的",
	"fw-10,10.2.0.10,10.3.0.25,tcp,443,許可,LGWAN系からメールサーバ",
	"fw-11,10.1.5.9,203.0.113.7,tcp,443,許可,個人番号系から外部",
	"fw-12,10.2.0.11,10.3.0.25,tcp,22,拒否,遮断",
].join("\n");

test("before the first save: the starter model of three tiers at revision 0, nothing stored", async () => {
	const view = await expectJson<ModelView>(await editor.get("/api/network/model"));
	assert.equal(view.revision, 0);
	assert.equal(view.updatedBy, null);
	assert.deepEqual(view.history, []);
	assert.deepEqual(
		view.model.segments.slice(0, 3).map((s) => s.kind),
		["mynumber", "lgwan", "internet"],
	);
	assert.deepEqual(view.model.flows, []);
	assert.deepEqual(view.allowedActions.sort(), ["network.edit", "network.read"]);
	assert.equal(view.check.report.stats.flows, 0);
});

test("save, load, history and audit: the violating flow is reported and resolved for the diagram", async () => {
	const saved = await expectJson<ModelView>(
		await editor.request("PUT", "/api/network/model", {
			model: sampleNetworkModel(),
			baseRevision: 0,
		}),
	);
	assert.equal(saved.revision, 1);
	const view = await expectJson<ModelView>(await editor.get("/api/network/model"));
	assert.equal(view.revision, 1);
	assert.equal(view.model.name, "テスト市 ネットワーク");
	assert.ok(view.updatedBy);
	assert.deepEqual(
		view.history.map((h) => [h.revision, h.source]),
		[[1, "edit"]],
	);
	const { report, diagramFlows, rules } = view.check;
	assert.equal(report.compliant, false);
	assert.deepEqual(
		report.violations.map((v) => [v.rule, v.flow]),
		[["tier-isolation", "f-bad"]],
	);
	// A code and parameters the screen words from its catalogue: tiers as vocabulary codes.
	assert.equal(report.violations[0]?.code, "isolated_no_route");
	assert.deepEqual(report.violations[0]?.params, {
		from: "mynumber",
		to: "internet",
		zone: "mynumber",
		routes: [],
	});
	assert.deepEqual(
		report.flows.map((f) => [f.id, f.verdict]),
		[
			["f-ok", "ok"],
			["f-bad", "violation"],
		],
	);
	assert.ok(rules.some((rule) => rule.id === "tier-isolation" && rule.title.ja.length > 0));
	const bad = diagramFlows.find((f) => f.id === "f-bad");
	assert.deepEqual(
		[bad?.sourceSegment, bad?.sourceNode, bad?.destinationSegment, bad?.destinationNode],
		["mn", "mn-pc", "in", "mail"],
	);
	assert.deepEqual(diagramFlows.find((f) => f.id === "f-ok")?.waypoints, [
		{ kind: "gateway", id: "gw-mail" },
	]);
	const events = await auditTypes("network_model.saved");
	assert.deepEqual(events.at(-1), {
		revision: 1,
		source: "edit",
		nodes: 4,
		flows: 2,
		violations: 1,
	});
});

test("a save over a newer revision is a conflict; a broken model is refused with every path", async () => {
	const stale = await editor.request("PUT", "/api/network/model", {
		model: sampleNetworkModel(),
		baseRevision: 0,
	});
	await expectProblem(stale, 409, "conflict");

	const broken = sampleNetworkModel();
	broken.nodes[0] = { ...broken.nodes[0], id: "jumin", kind: "system", segment: "nowhere" };
	broken.flows.push({ id: "f-ok", source: "ghost", destination: "mail" });
	const problem = await expectProblem(
		await editor.request("PUT", "/api/network/model", { model: { ...broken, colour: "red" } }),
		400,
		"validation_failed",
	);
	assert.deepEqual(
		problem.issues?.map((i) => i.path),
		["colour"],
	);
	const refs = await expectProblem(
		await editor.request("PUT", "/api/network/model", { model: broken }),
		400,
		"validation_failed",
	);
	assert.deepEqual(refs.issues?.map((i) => i.path).sort(), [
		"flows[2].id",
		"flows[2].source",
		"nodes[0].segment",
	]);
	const view = await expectJson<ModelView>(await editor.get("/api/network/model"));
	assert.equal(view.revision, 1, "nothing was saved");
});

test("check computes without saving; auditors may check and read but not save", async () => {
	const auditor = await clientWith("auditor");
	const model = sampleNetworkModel();
	model.flows = model.flows.filter((f) => f.id !== "f-bad");
	const check = await expectJson<PresentedCheck>(
		await auditor.post("/api/network/check", { model }),
	);
	assert.equal(check.report.compliant, true);
	assert.equal(check.report.violations.length, 0);
	await expectProblem(
		await auditor.request("PUT", "/api/network/model", { model }),
		403,
		"forbidden",
	);
	const view = await expectJson<ModelView>(await auditor.get("/api/network/model"));
	assert.deepEqual(view.allowedActions, ["network.read"]);
	assert.equal(view.revision, 1);
	const staff = await activeClient(runtime, app, await makeAccount(runtime, tenant));
	await expectProblem(await staff.get("/api/network/model"), 403, "forbidden");
});

test("model file import: a dry run lists problems with line and column; a valid file is saved", async () => {
	const badYaml = [
		"formatVersion: 1",
		"name: 取込み",
		"segments:",
		"  - id: mn",
		"    kind: mynumber",
		"nodes:",
		"  - id: pc",
		"    kind: terminal",
		"    segment: lg",
	].join("\n");
	const preview = await expectJson<ImportResult>(
		await editor.post("/api/network/model/import", {
			fileBase64: Buffer.from(badYaml).toString("base64"),
			fileName: "bad.yaml",
			dryRun: true,
		}),
	);
	assert.equal(preview.saved, false);
	assert.equal(preview.model, undefined);
	assert.deepEqual(
		preview.problems.map((p) => [p.path, p.line, p.column]),
		[["nodes[0].segment", 9, 14]],
	);
	const refused = await expectProblem(
		await editor.post("/api/network/model/import", { text: badYaml }),
		400,
		"validation_failed",
	);
	assert.deepEqual(
		refused.issues?.map((i) => i.path),
		["nodes[0].segment (line 9, column 14)"],
	);

	const json = JSON.stringify(sampleNetworkModel("JSON 取込み"));
	const imported = await expectJson<ImportResult>(
		await editor.post("/api/network/model/import", { text: json, fileName: "net.json" }),
	);
	assert.equal(imported.saved, true);
	assert.equal(imported.revision, 2);
	assert.equal(imported.check?.report.stats.violations, 1);
	const view = await expectJson<ModelView>(await editor.get("/api/network/model"));
	assert.equal(view.model.name, "JSON 取込み");
	assert.deepEqual(
		view.history.map((h) => [h.revision, h.source]),
		[
			[2, "import"],
			[1, "edit"],
		],
	);
});

test("firewall import: preview by row and column, refusal while rows are wrong, then flows added", async () => {
	const badCsv = `${FIREWALL_CSV}\nfw-13,10.2.0.12,,tcp,443,許可,宛先なし`;
	const preview = await expectJson<FirewallImportResult>(
		await editor.post("/api/network/firewall-import", { text: badCsv, dryRun: true }),
	);
	assert.equal(preview.saved, false);
	assert.deepEqual(
		preview.errors.map((e) => [e.row, e.column, e.code]),
		[[5, "宛先", "firewall_cell_empty"]],
	);
	assert.equal(preview.added, 2, "two permitted rows; the deny row is no flow");
	const refused = await expectProblem(
		await editor.post("/api/network/firewall-import", { text: badCsv }),
		400,
		"validation_failed",
	);
	assert.match(refused.issues?.[0]?.path ?? "", /^row 5, 宛先$/);
	assert.equal(refused.issues?.[0]?.code, "firewall_cell_empty");
	assert.deepEqual(refused.issues?.[0]?.params, { row: 5, column: "宛先" });

	const result = await expectJson<FirewallImportResult>(
		await editor.post("/api/network/firewall-import", {
			fileBase64: Buffer.from(FIREWALL_CSV).toString("base64"),
			baseRevision: 2,
		}),
	);
	assert.equal(result.saved, true);
	assert.equal(result.revision, 3);
	assert.deepEqual([result.added, result.replaced], [2, 0]);
	const verdicts = new Map(result.check?.report.flows.map((f) => [f.id, f.verdict]));
	assert.equal(verdicts.get("fw-11"), "violation", "My Number terminal to the Internet");
	assert.equal(verdicts.get("f-ok"), "ok");
	const view = await expectJson<ModelView>(await editor.get("/api/network/model"));
	assert.deepEqual(
		view.model.flows.map((f) => f.id),
		["f-ok", "f-bad", "fw-10", "fw-11"],
	);
	assert.equal(view.history[0]?.source, "firewall_import");
	const again = await expectJson<FirewallImportResult>(
		await editor.post("/api/network/firewall-import", { text: FIREWALL_CSV, dryRun: true }),
	);
	assert.deepEqual([again.added, again.replaced], [0, 2], "a re-export replaces by rule id");
});

test("report downloads: the PDF names the violations in Japanese; the workbook lists them; both audited", async () => {
	const reader = await clientWith("ciso");
	const pdf = await reader.get("/api/network/report.pdf");
	assert.equal(pdf.status, 200, await pdf.clone().text());
	assert.equal(pdf.headers.get("content-type"), "application/pdf");
	assert.match(
		decodeURIComponent(pdf.headers.get("content-disposition") ?? ""),
		/filename\*=UTF-8''三層分離チェック結果_r3_\d{8}\.pdf$/u,
	);
	const bytes = new Uint8Array(await pdf.arrayBuffer());
	assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), "%PDF-");
	const text = pdfText(bytes);
	assert.ok(text !== null, "pdftotext (poppler-utils) reads the PDF");
	const flat = text.replace(/\s+/g, "");
	// In policy terms: the rule's title, flows by the names of their ends (f-bad, and fw-11 by
	// its addresses, having no named ends).
	assert.match(flat, /分離された系との通信通信個人番号系端末→インターネットメールサーバ/);
	assert.match(flat, /通信10\.1\.5\.9→203\.0\.113\.7/);
	assert.doesNotMatch(flat, /tier-isolation|network\.zones|allowedRoutes/);
	assert.match(flat, /マイナンバー利用事務系/);

	const xlsx = await reader.get("/api/network/report.xlsx?lang=ja");
	assert.equal(xlsx.status, 200);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(await xlsx.arrayBuffer());
	const cells: string[] = [];
	workbook.eachSheet((sheet) =>
		sheet.eachRow((row) => {
			cells.push(
				(row.values as unknown[])
					.filter((v) => v !== null && v !== undefined)
					.map(String)
					.join("|"),
			);
		}),
	);
	assert.ok(cells.some((line) => line.startsWith("tier-isolation|f-bad")));
	assert.ok(cells.some((line) => line.startsWith("tier-isolation|fw-11")));
	assert.deepEqual(
		(await auditTypes("network_report.exported")).map((e) => [e.format, e.revision]),
		[
			["pdf", 3],
			["xlsx", 3],
		],
	);
});

test("model saves, imports and checks take the upload body limit, not the small JSON one", async () => {
	const small = createApp({
		...runtime,
		config: { ...runtime.config, maxJsonBytes: 1_000, maxUploadBytes: 5_000 },
	});
	const client = new TestClient(small);
	const body = { text: "x".repeat(3_000) };
	for (const [method, path] of [
		["PUT", "/api/network/model"],
		["POST", "/api/network/model/import"],
		["POST", "/api/network/firewall-import"],
		["POST", "/api/network/check"],
	] as const) {
		const accepted = await client.request(method, path, body);
		// Past the size check it is refused for other reasons (fields, session, CSRF), never 413.
		assert.ok(
			[400, 401, 403].includes(accepted.status),
			`${method} ${path} accepts 3 kB: ${accepted.status} ${await accepted.text()}`,
		);
		await expectProblem(
			await client.request(method, path, { text: "x".repeat(6_000) }),
			413,
			"payload_too_large",
		);
	}
});
