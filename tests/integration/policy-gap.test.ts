import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { listDocuments } from "../../src/modules/policies/documents/documents.repository.ts";
import { ensureDocuments } from "../../src/modules/policies/documents/seed-documents.ts";
import type { GapAnalysis } from "../../src/modules/policies/gap/gap.schemas.ts";
import { importPolicyText } from "../../src/modules/policies/import/import-policy.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import { findTenantBySlug } from "../../src/modules/tenants/tenants.repository.ts";
import { readTable } from "../../src/shared/tabular.ts";
import { makeVersion } from "../helpers/documents-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

const SEEDS = resolve(import.meta.dirname, "../../../shared/seeds");
const SAGA_FILE = readFileSync(resolve(SEEDS, "000_2ada437c7fa3d3e9.txt"));
const KITAKYUSHU_TEXT = readFileSync(resolve(SEEDS, "004_34f5ad730ec06e4b.txt"), "utf8");

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

async function clientFor(pack: "saga" | "kitakyushu", roles: ("ciso" | "staff")[] = ["ciso"]) {
	const tenant = await inTransaction(runtime.db, (tx) =>
		createTenant(
			tx,
			{ label: "test", ip: null },
			{ slug: `${pack}-${Math.random().toString(36).slice(2, 8)}`, name: pack, pack },
		),
	);
	return activeClient(runtime, app, await makeAccount(runtime, tenant, { roles }));
}

function status(result: GapAnalysis, code: string): [string, string | null] {
	const item = result.items.find((i) => i.code === code) ?? assert.fail(`no ${code}`);
	return [item.status, item.clause?.path ?? null];
}

test("Saga uploaded as a file and Kitakyushu pasted as text: the gaps each city's text has", async () => {
	const saga = await expectJson<GapAnalysis>(
		await (await clientFor("saga")).post("/api/policy-gap-analysis", {
			fileBase64: SAGA_FILE.toString("base64"),
			fileName: "saga.txt",
		}),
	);
	assert.equal(saga.tenantPack?.id, "saga");
	assert.equal(saga.baseline.id, "standard");
	assert.equal(saga.document.revisions, 9);
	assert.deepEqual(status(saga, "social_media"), ["present", "6(8)"]);
	assert.deepEqual(status(saga, "specific_personal_information"), ["present", "11"]);
	assert.deepEqual(status(saga, "incident_plan"), ["different", "6(7)"]);
	assert.deepEqual(status(saga, "csirt"), ["present", "No.4"]);

	const kita = await expectJson<GapAnalysis>(
		await (await clientFor("kitakyushu")).post("/api/policy-gap-analysis", {
			text: KITAKYUSHU_TEXT,
		}),
	);
	assert.equal(kita.tenantPack?.id, "kitakyushu");
	assert.equal(kita.document.title, "北九州市情報セキュリティ基本方針");
	assert.deepEqual(status(kita, "social_media"), ["missing", null]);
	assert.deepEqual(status(kita, "specific_personal_information"), ["missing", null]);
	assert.deepEqual(status(kita, "incident_plan"), ["present", "6(7)"]);
	assert.deepEqual(status(kita, "csirt"), ["missing", null]);
});

test("exports: XLSX rows per provision and a PDF with the Japanese font embedded", async () => {
	const client = await clientFor("kitakyushu");
	const xlsx = await client.post("/api/policy-gap-analysis/export", {
		source: { text: KITAKYUSHU_TEXT },
		format: "xlsx",
	});
	assert.equal(xlsx.status, 200);
	assert.match(xlsx.headers.get("content-type") ?? "", /spreadsheetml/u);
	assert.match(
		decodeURIComponent(xlsx.headers.get("content-disposition") ?? ""),
		/filename\*=UTF-8''ギャップ分析_\d{8}\.xlsx$/u,
	);
	const table = await readTable(new Uint8Array(await xlsx.arrayBuffer()));
	assert.deepEqual(table.rows[0]?.slice(0, 4), ["No.", "規定", "標準の位置", "判定"]);
	const social = table.rows.find((row) => row[1] === "ソーシャルメディアの利用");
	assert.equal(social?.[3], "欠落");

	const pdf = await client.post("/api/policy-gap-analysis/export", {
		source: { text: KITAKYUSHU_TEXT },
		format: "pdf",
		lang: "ja",
	});
	assert.equal(pdf.status, 200);
	assert.equal(pdf.headers.get("content-type"), "application/pdf");
	const bytes = Buffer.from(await pdf.arrayBuffer());
	assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
	assert.ok(bytes.toString("latin1").includes("/FontFile2"));
	const text = pdfText(bytes);
	if (text !== null) {
		assert.match(text, /ソーシャルメディアの利用/u);
		assert.match(text, /緊急時対応計画/u);
	}
});

test("plain staff may not run it; text that is not a policy is refused", async () => {
	const tenant = await makeTenant(runtime);
	const staff = await activeClient(runtime, app, await makeAccount(runtime, tenant));
	await expectProblem(
		await staff.post("/api/policy-gap-analysis", { text: KITAKYUSHU_TEXT }),
		403,
		"forbidden",
	);
	const ciso = await clientFor("saga");
	await expectProblem(
		await ciso.post("/api/policy-gap-analysis", { text: "ただの文章です。" }),
		400,
		"validation_failed",
	);
	await expectProblem(
		await ciso.post("/api/policy-gap-analysis", { text: "x", fileBase64: "eA==" }),
		400,
		"validation_failed",
	);
});

test("the tenant's own published 基本方針 can be analysed without uploading it", async () => {
	const client = await clientFor("kitakyushu");
	const none = await client.post("/api/policy-gap-analysis", { document: "basic_policy" });
	await expectProblem(none, 409, "conflict");

	const session = await expectJson<{ session: { tenant: { slug: string } } }>(
		await client.get("/api/auth/session"),
	);
	const tenant =
		(await findTenantBySlug(runtime.db, session.session.tenant.slug)) ?? assert.fail("tenant");
	await inTransaction(runtime.db, (tx) =>
		ensureDocuments(tx, { tenantId: tenant.id, actorId: null, actorLabel: "test", ip: null }),
	);
	const basic =
		(await listDocuments(runtime.db, tenant.id)).find((d) => d.kind === "basic_policy") ??
		assert.fail("basic");
	await makeVersion(runtime, tenant.id, "published", {
		documentId: basic.id,
		sections: importPolicyText(KITAKYUSHU_TEXT).sections,
	});

	const result = await expectJson<GapAnalysis>(
		await client.post("/api/policy-gap-analysis", { document: "basic_policy" }),
	);
	assert.deepEqual(status(result, "social_media"), ["missing", null]);
	assert.deepEqual(status(result, "specific_personal_information"), ["missing", null]);
	assert.deepEqual(status(result, "incident_plan"), ["present", "6(7)"]);
	// The published document reads like the same text uploaded: same sections, same verdicts.
	const direct = await expectJson<GapAnalysis>(
		await client.post("/api/policy-gap-analysis", { text: KITAKYUSHU_TEXT }),
	);
	assert.equal(result.document.sections, direct.document.sections);
	assert.deepEqual(
		result.items.map((i) => [i.code, i.status]),
		direct.items.map((i) => [i.code, i.status]),
	);
});

test("Saga's analysis exports too: one XLSX row per provision, and a PDF", async () => {
	const client = await clientFor("saga");
	const source = { fileBase64: SAGA_FILE.toString("base64"), fileName: "saga.txt" };
	const xlsx = await client.post("/api/policy-gap-analysis/export", { source, format: "xlsx" });
	assert.equal(xlsx.status, 200);
	const rows = (await readTable(new Uint8Array(await xlsx.arrayBuffer()))).rows;
	const analysed = await expectJson<GapAnalysis>(
		await client.post("/api/policy-gap-analysis", source),
	);
	assert.equal(rows.length, analysed.items.length + 1, "one row per provision under the header");
	const pdf = await client.post("/api/policy-gap-analysis/export", {
		source,
		format: "pdf",
		lang: "en",
	});
	assert.equal(pdf.status, 200);
	assert.equal(
		Buffer.from(await pdf.arrayBuffer())
			.subarray(0, 4)
			.toString(),
		"%PDF",
	);
});
