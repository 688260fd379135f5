import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp, openApiDocument } from "../../src/http/app.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { EXPORT_TITLES } from "../../src/shared/export-name.ts";
import { TestClient } from "../helpers/client.ts";
import { routeEntry } from "../helpers/route-table.ts";
import { HTTP_METHODS, type HttpMethod, urlOf } from "../helpers/route-walk.ts";
import { makeWorld, openSession, type TenantWorld } from "../helpers/route-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Every export is saved under a Japanese name with the Japan date it was made, written in the
 * UTF-8 `filename*` of `Content-Disposition` (RFC 5987/8187) beside an ASCII fallback.
 */

const runtime = await createTestRuntime();
const app = createApp(runtime);
after(() => runtime.cleanup());

let world: TenantWorld;
let client: TestClient;

before(async () => {
	world = await makeWorld(runtime);
	client = new TestClient(app, await openSession(runtime, world.admin));
});

interface Expected {
	method: HttpMethod;
	path: string;
	/** Overrides of the route table's request (the format to ask for). */
	query?: Record<string, string>;
	body?: Record<string, unknown>;
	name: RegExp;
}

const DAY = "(\\d{8})";
const dated = (title: string, ext: string, middle = "") =>
	new RegExp(`^${title}_${middle}${DAY}\\.${ext}$`, "u");

/** Every route that answers a file, and the name it must give. */
const DOWNLOADS: Expected[] = [
	{
		method: "get",
		path: "/api/assets/export",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.assetLedger, "xlsx"),
	},
	{
		method: "get",
		path: "/api/assets/export",
		query: { format: "csv" },
		name: dated(EXPORT_TITLES.assetLedger, "csv"),
	},
	{
		method: "get",
		path: "/api/assets/template",
		query: { format: "xlsx" },
		name: /^情報資産管理台帳_取込様式\.xlsx$/u,
	},
	{
		method: "get",
		path: "/api/take-outs/export",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.takeOuts, "xlsx"),
	},
	{
		method: "get",
		path: "/api/disposals/export",
		query: { format: "csv" },
		name: dated("廃棄・返却記録簿", "csv"),
	},
	{
		method: "get",
		path: "/api/risks/export",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.risks, "xlsx"),
	},
	{ method: "get", path: "/api/audit-events/export.csv", name: dated("監査ログ", "csv") },
	{
		method: "get",
		path: "/api/incidents/stats/export",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.incidentStats, "xlsx", "令和\\d+年度_"),
	},
	{
		method: "get",
		path: "/api/network/report.pdf",
		name: dated("三層分離チェック結果", "pdf", "r\\d+_"),
	},
	{
		method: "get",
		path: "/api/network/report.xlsx",
		name: dated("三層分離チェック結果", "xlsx", "r\\d+_"),
	},
	{
		method: "post",
		path: "/api/policy-gap-analysis/export",
		name: dated("ギャップ分析", "(xlsx|pdf)"),
	},
	{
		method: "get",
		path: "/api/policy-versions/{id}/unacknowledged.csv",
		name: dated("未確認者一覧", "csv", "第\\d+版_"),
	},
	{
		method: "get",
		path: "/api/policy-versions/{id}/unacknowledged.xlsx",
		name: dated("未確認者一覧", "xlsx", "第\\d+版_"),
	},
	{
		method: "get",
		path: "/api/incidents/{id}/report-draft.pdf",
		name: dated(EXPORT_TITLES.incidentReportDraft, "pdf", "INC-\\d{4}-\\d{4}_"),
	},
	{
		method: "get",
		path: "/api/incidents/{id}/report-draft.xlsx",
		name: dated(EXPORT_TITLES.incidentReportDraft, "xlsx", "INC-\\d{4}-\\d{4}_"),
	},
	{
		method: "get",
		path: "/api/findings/export",
		name: dated(EXPORT_TITLES.findings, "xlsx"),
	},
	{
		method: "get",
		path: "/api/exceptions/export",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.exceptions, "xlsx"),
	},
	{
		method: "get",
		path: "/api/exceptions/export",
		query: { format: "csv" },
		name: dated(EXPORT_TITLES.exceptions, "csv"),
	},
	{
		method: "get",
		path: "/api/social-media/export",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.socialMediaAccounts, "xlsx"),
	},
	{
		method: "get",
		path: "/api/social-media/export",
		query: { format: "csv" },
		name: dated(EXPORT_TITLES.socialMediaAccounts, "csv"),
	},
	{
		method: "get",
		path: "/api/cloud-services/export",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.cloudServices, "xlsx"),
	},
	{
		method: "get",
		path: "/api/cloud-services/export",
		query: { format: "csv" },
		name: dated(EXPORT_TITLES.cloudServices, "csv"),
	},
	{
		method: "get",
		path: "/api/training/export",
		name: dated(EXPORT_TITLES.trainingCompletion, "xlsx", "令和\\d+年度_"),
	},
	{
		method: "get",
		path: "/api/secure-areas/{id}/entries/export",
		name: dated(EXPORT_TITLES.secureAreaEntries, "xlsx", "SR-[A-Za-z0-9-]+_"),
	},
	{
		method: "get",
		path: "/api/my-number/report",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.myNumberReport, "xlsx", "令和\\d+年度_"),
	},
	{
		method: "get",
		path: "/api/my-number/report",
		query: { format: "pdf" },
		name: dated(EXPORT_TITLES.myNumberReport, "pdf", "令和\\d+年度_"),
	},
	{
		method: "get",
		path: "/api/assurance/status-report",
		query: { format: "pdf" },
		name: dated(EXPORT_TITLES.statusReport, "pdf", "令和\\d+年度_"),
	},
	{
		method: "get",
		path: "/api/assurance/status-report",
		query: { format: "xlsx" },
		name: dated(EXPORT_TITLES.statusReport, "xlsx", "令和\\d+年度_"),
	},
	{
		method: "get",
		path: "/api/roster-template",
		query: { format: "csv" },
		name: /^職員名簿_取込様式\.csv$/u,
	},
	{
		method: "post",
		path: "/api/roster-imports/{id}/passwords.csv",
		name: dated("初期パスワード", "csv"),
	},
	{
		method: "get",
		path: "/api/assurance/checklists/{id}/versions/{version}/export",
		name: dated(
			EXPORT_TITLES.checklist,
			"xlsx",
			"情報セキュリティ自己点検チェックリスト（標準）_第\\d+版_",
		),
	},
	{
		method: "get",
		path: "/api/assurance/checklists/template",
		name: /^点検チェックリスト_取込様式\.xlsx$/u,
	},
	{
		method: "get",
		path: "/api/assurance/campaigns/{id}/export",
		name: dated(EXPORT_TITLES.selfInspection, "xlsx", "[^_]+_"),
	},
	{
		method: "get",
		path: "/api/assurance/campaigns/{id}/report",
		name: dated(EXPORT_TITLES.selfInspectionReport, "pdf", "[^_]+_"),
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}/report.pdf",
		name: dated(EXPORT_TITLES.auditReport, "pdf", "[^_]+_"),
	},
	{
		method: "get",
		path: "/api/assurance/audits/{id}/report.xlsx",
		name: dated(EXPORT_TITLES.auditReport, "xlsx", "[^_]+_"),
	},
	...(["xlsx", "csv"] as const).flatMap((format) => [
		{
			method: "get" as const,
			path: "/api/contractors/export",
			query: { format },
			name: dated(EXPORT_TITLES.contractors, format),
		},
		{
			method: "get" as const,
			path: "/api/contracts/export",
			query: { format },
			name: dated(EXPORT_TITLES.contracts, format),
		},
	]),
];

/** The name a browser saves under: the UTF-8 `filename*`. */
function savedName(disposition: string): string {
	const encoded = /filename\*=UTF-8''([^;\s]+)/u.exec(disposition)?.[1];
	assert.ok(encoded, `no filename* in ${disposition}`);
	return decodeURIComponent(encoded);
}

test("the list covers every route that answers a file (other than a user's own uploads)", () => {
	const doc = openApiDocument(app);
	const files: string[] = [];
	for (const [path, item] of Object.entries(doc.paths ?? {})) {
		for (const method of HTTP_METHODS) {
			const content = item[method]?.responses?.["200"];
			const types = content && "content" in content ? Object.keys(content.content ?? {}) : [];
			if (types.some((type) => !type.includes("json"))) files.push(`${method} ${path}`);
		}
	}
	const uploads = [
		"get /api/disposals/{id}/files/{fileId}",
		"get /api/incidents/{id}/evidence/{evidenceId}",
		"get /api/findings/{id}/evidence/{evidenceId}",
		"get /api/assurance/audits/{id}/evidence/{evidenceId}",
		"get /api/assurance/responses/{respondentId}/answers/{itemId}/evidence",
		"get /api/contracts/{id}/checks/{checkId}/evidence",
		"get /api/contracts/{id}/end/certificate",
	];
	assert.deepEqual(
		files.filter((route) => !uploads.includes(route)).sort(),
		[...new Set(DOWNLOADS.map((d) => `${d.method} ${d.path}`))].sort(),
	);
});

for (const expected of DOWNLOADS) {
	const label = `${expected.method.toUpperCase()} ${expected.path} ${expected.query?.format ?? ""}`;
	test(`${label}: a Japanese name with today's date`, async () => {
		const entry = routeEntry(expected);
		assert.ok(entry, "in the route table");
		const request = await entry.request({ deps: runtime, world, caller: world.admin, client });
		const url = urlOf(expected.path, {
			...request,
			query: { ...request.query, ...expected.query },
		});
		const today = japanDate(new Date()).replaceAll("-", "");
		const response = await client.request(expected.method, url, request.body);
		assert.equal(response.status, 200, await response.clone().text());
		const disposition = response.headers.get("content-disposition") ?? "";
		assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/u);
		const name = savedName(disposition);
		assert.match(name, expected.name);
		const day = /_(\d{8})\./u.exec(name)?.[1];
		if (day !== undefined) assert.equal(day, today, "dated the day it was made, in Japan");
		await response.arrayBuffer();
	});
}
