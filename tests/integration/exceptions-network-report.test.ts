import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { saveNetworkModel } from "../../src/modules/network/save-model.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { makeException } from "../helpers/exception-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { sampleNetworkModel } from "../helpers/network-world.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The network check's downloads and the import preview mark what an exception in force covers
 * as 例外 with its reference, as the network page does: never 適合, never left out.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

/** Every sheet of a workbook as rows of strings, by sheet name. */
async function sheets(bytes: ArrayBuffer): Promise<Map<string, string[][]>> {
	const ExcelJS = (await import("exceljs")).default;
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes);
	const out = new Map<string, string[][]>();
	for (const sheet of workbook.worksheets) {
		const rows: string[][] = [];
		sheet.eachRow((row) => {
			const values = row.values as unknown[];
			rows.push(values.slice(1).map((v) => (v === null || v === undefined ? "" : String(v))));
		});
		out.set(sheet.name, rows);
	}
	return out;
}

/** A tenant with the sample model stored, an approved exception for `f-bad`, and an editor. */
async function world() {
	const tenant = await makeTenant(runtime);
	await inTransaction(runtime.db, (tx) =>
		saveNetworkModel(tx, systemActor(tenant.id, "test"), sampleNetworkModel(), { source: "edit" }),
	);
	const unit = await inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: "ou-net",
			name: "情報政策課",
			kind: "section",
			parentId: null,
		}),
	);
	const exception = await makeException(runtime, tenant.id, unit.id, "approved");
	const account = await makeAccount(runtime, tenant, { roles: ["ciso", "system_admin"] });
	return { tenant, exception, client: await activeClient(runtime, app, account) };
}

test("the XLSX report: the covered flow reads 例外 with the reference, its violations name it", async () => {
	const { exception, client } = await world();
	const response = await client.get("/api/network/report.xlsx?lang=ja");
	assert.equal(response.status, 200);
	const book = await sheets(await response.arrayBuffer());

	const flows = book.get("通信");
	assert.ok(flows);
	const verdictColumn = flows[0]?.indexOf("判定") ?? -1;
	const bad = flows.find((row) => row[0] === "f-bad");
	assert.equal(bad?.[verdictColumn], `例外 ${exception.reference}`);
	// Other flows are untouched: nothing else reads 例外.
	assert.ok(
		flows.slice(1).every((row) => row[0] === "f-bad" || !row[verdictColumn]?.startsWith("例外")),
	);

	const violations = book.get("違反");
	assert.ok(violations);
	const refColumn = violations[0]?.indexOf("例外措置") ?? -1;
	assert.ok(refColumn > 0, "a column for the exception");
	const flowColumn = violations[0]?.indexOf("通信") ?? -1;
	const ofBad = violations.slice(1).filter((row) => row[flowColumn] === "f-bad");
	assert.ok(ofBad.length > 0, "the covered violations stay listed");
	assert.ok(ofBad.every((row) => row[refColumn] === exception.reference));

	const summary = book.get("概要");
	assert.ok(summary?.some((row) => row[0] === "判定" && row[1] === "不適合"));
	assert.ok(summary?.some((row) => row[0] === "例外措置の対象" && Number(row[1]) === ofBad.length));
});

test("the PDF report names the exception's reference next to the violations it covers", async (t) => {
	const { exception, client } = await world();
	const response = await client.get("/api/network/report.pdf?lang=ja");
	assert.equal(response.status, 200);
	const text = pdfText(new Uint8Array(await response.arrayBuffer()));
	if (text === null) {
		t.skip("pdftotext (poppler-utils) is not installed");
		return;
	}
	// pdftotext drops a hyphen where a cell wraps, so compare without them.
	const flat = text.replace(/[\s-]+/g, "");
	const reference = exception.reference.replace(/-/g, "");
	assert.ok(flat.includes(`例外${reference}`), "例外 with the reference");
	assert.match(flat, /例外措置の対象/);
	assert.match(flat, /不適合/, "an exception is not compliance");
});

test("the import preview marks the covered flow as 例外 with the reference", async () => {
	const { exception, client } = await world();
	const preview = await expectJson<{
		saved: boolean;
		check: {
			report: {
				flows: { id: string; verdict: string }[];
				violations: { flow: string | null; exception?: { reference: string } | null }[];
			};
		};
	}>(
		await client.post("/api/network/model/import", {
			text: JSON.stringify(sampleNetworkModel()),
			format: "json",
			dryRun: true,
		}),
	);
	assert.equal(preview.saved, false);
	assert.equal(preview.check.report.flows.find((f) => f.id === "f-bad")?.verdict, "exception");
	const covered = preview.check.report.violations.filter((v) => v.flow === "f-bad");
	assert.ok(covered.length > 0);
	assert.ok(covered.every((v) => v.exception?.reference === exception.reference));
});
