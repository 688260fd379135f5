import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { createApp } from "../../src/http/app.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { REPORT_ITEMS } from "../../src/modules/incidents/report-draft.ts";
import { formatDate, japanDate } from "../../src/shared/dates.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import {
	type IncidentTenant,
	incidentTenant,
	person,
	ppcOf,
	report,
} from "../helpers/incident-people.ts";
import { usbReport } from "../helpers/incident-world.ts";
import { pdfText } from "../helpers/pdf-text.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The draft of the leak report (漏えい等報告) from a case, as PDF and XLSX: the nine items of the
 * rules, the case's facts where it has them and blanks where it has not, the organisation and the
 * reference, dates the tenant's way, and the obligations with their due dates.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

const CAUSE = "職員が私物の鞄にUSBメモリを入れて持ち出し、電車内に置き忘れた。";
const SECONDARY = "現時点で二次被害の報告はない。";
const RESPONSE = "対象の住民150人に謝罪の文書を郵送した。";

/** The saved name of a download (its UTF-8 `filename*`). */
function savedName(response: Response): string {
	const disposition = response.headers.get("content-disposition") ?? "";
	return decodeURIComponent(/filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1] ?? "");
}

/** Text with the line breaks a table cell adds taken out, so wrapped values read whole. */
const joined = (text: string) => text.replace(/\s+/g, "");

async function setDateStyle(tenantId: string, style: "wareki" | "seireki") {
	await runtime.db
		.updateTable("tenants")
		.set({ date_style: style })
		.where("id", "=", tenantId)
		.execute();
}

/** The workbook's sheets as rows of cell text. */
async function readWorkbook(response: Response) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(await response.arrayBuffer());
	const sheets = new Map<string, string[][]>();
	workbook.eachSheet((sheet) => {
		const rows: string[][] = [];
		sheet.eachRow({ includeEmpty: true }, (row) => {
			const cells: string[] = [];
			for (let column = 1; column <= sheet.columnCount; column++) {
				cells.push(String(row.getCell(column).value ?? ""));
			}
			rows.push(cells);
		});
		sheets.set(sheet.name, rows);
	});
	return sheets;
}

describe("the draft report of a lost USB stick with 150 residents' data", () => {
	let w: IncidentTenant;
	let incident: IncidentView;
	let pdfUrl: string;
	let xlsxUrl: string;
	before(async () => {
		w = await incidentTenant(runtime, app);
		incident = await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201);
		pdfUrl = `/api/incidents/${incident.id}/report-draft.pdf`;
		xlsxUrl = `/api/incidents/${incident.id}/report-draft.xlsx`;
	});

	test("before triage the draft has the report's facts and blanks for the rest", async (t) => {
		const response = await w.csirt.client.get(pdfUrl);
		assert.equal(response.status, 200, await response.clone().text());
		const text = pdfText(new Uint8Array(await response.arrayBuffer()));
		if (text === null) return t.skip("pdftotext (poppler-utils) is not installed");
		assert.ok(joined(text).includes(joined(usbReport().whatHappened)));
		assert.doesNotMatch(text, /不正の目的によるおそれ/, "no assessed facts before triage");
		const form = (await readWorkbook(await w.csirt.client.get(xlsxUrl))).get("報告書案") ?? [];
		const value = (label: string) => form.find((row) => row[0]?.startsWith(label))?.[1];
		for (const label of ["2 項目", "3 本人の数", "4 原因", "5 二次被害", "9 その他"]) {
			assert.equal(value(label), "", `${label}: a blank, the case does not know it yet`);
		}
		assert.equal(
			value("報告対象事態"),
			"都道府県（市区町村担当課）経由で総務省: すべてのインシデントが対象",
		);
	});

	test("the CSIRT records the facts the report asks for on the case", async () => {
		const triaged = await expectJson<IncidentView>(
			await w.csirt.client.post(`/api/incidents/${incident.id}/triage`, {
				version: 1,
				category: "unintentional",
				severity: 3,
				people: 150,
				dataKinds: ["personal", "sensitive"],
				cause: CAUSE,
				secondaryDamage: SECONDARY,
				responseToPeople: RESPONSE,
				unitIds: [w.unit.id],
				assetIds: [w.usb.id],
			}),
		);
		assert.equal(triaged.cause, CAUSE);
		assert.equal(triaged.secondaryDamage, SECONDARY);
		assert.equal(triaged.responseToPeople, RESPONSE);
		assert.equal(triaged.publicAnnouncement, null);
		// The triage entry; the chain's notice follows it.
		const fields = triaged.timeline.findLast((entry) => entry.kind === "triaged")?.data
			.fields as string[];
		assert.ok(fields.includes("cause") && fields.includes("response_to_people"), String(fields));
		incident = triaged;
	});

	test("the PDF reads back in Japanese: the nine items, the case's facts and the due dates", async (t) => {
		const response = await w.csirt.client.get(pdfUrl);
		assert.equal(response.status, 200, await response.clone().text());
		assert.equal(response.headers.get("content-type"), "application/pdf");
		const day = japanDate(new Date()).replaceAll("-", "");
		assert.equal(savedName(response), `漏えい等報告書案_${incident.reference}_${day}.pdf`);
		const bytes = new Uint8Array(await response.arrayBuffer());
		assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), "%PDF-");
		const text = pdfText(bytes);
		if (text === null) return t.skip("pdftotext (poppler-utils) is not installed");
		const flat = joined(text);
		assert.match(text, /漏えい等報告書（案）/);
		for (const [index, item] of REPORT_ITEMS.entries()) {
			assert.ok(flat.includes(`${index + 1}${item.label}`), `item ${item.label}`);
		}
		for (const fact of [
			w.tenant.name,
			incident.reference,
			CAUSE,
			SECONDARY,
			RESPONSE,
			"150人",
			"個人情報・要配慮個人情報",
			"市民課",
			w.usb.name,
			"本人の数が100人を超える（150人）",
			"個人情報保護委員会",
		]) {
			assert.ok(flat.includes(joined(fact)), `the PDF holds ${fact}`);
		}
		const ppc = ppcOf(incident);
		assert.ok(ppc?.required && ppc.preliminary && ppc.final);
		for (const due of [incident.knownAt, ppc.preliminary.due, ppc.final.due]) {
			assert.ok(flat.includes(joined(formatDate(due, "wareki"))), `${due} in 和暦`);
		}
		assert.ok(flat.includes("令和7年11月30日"), "the day known, the tenant's way");
	});

	test("the workbook holds the same form, with blanks for what the case does not know", async () => {
		const response = await w.csirt.client.get(xlsxUrl);
		assert.equal(response.status, 200, await response.clone().text());
		assert.match(
			savedName(response),
			new RegExp(`^漏えい等報告書案_${incident.reference}_\\d{8}\\.xlsx$`),
		);
		const sheets = await readWorkbook(response);
		const form = sheets.get("報告書案");
		assert.ok(form, [...sheets.keys()].join(","));
		const value = (label: string) => form.find((row) => row[0]?.startsWith(label))?.[1] ?? null;
		assert.deepEqual(form[0], ["項目", "内容"]);
		assert.equal(value("報告者（団体名）"), w.tenant.name);
		assert.equal(value("事案番号"), incident.reference);
		for (const [index, item] of REPORT_ITEMS.entries()) {
			assert.notEqual(value(`${index + 1} ${item.label}`), null, `row of ${item.label}`);
		}
		assert.equal(value("3 本人の数"), "150人");
		assert.equal(value("4 原因"), CAUSE);
		assert.equal(value("6 本人への対応"), RESPONSE);
		assert.equal(value("7 公表"), "", "not yet recorded: a blank to complete");
		assert.equal(value("8 再発防止"), "");
		assert.match(value("1 概要") ?? "", /発覚日（団体が知った日）: 令和7年11月30日/);
		const duties = sheets.get("報告義務と期限");
		assert.ok(duties);
		const ppc = ppcOf(incident);
		const row = duties.find((cells) => cells[0] === "個人情報保護委員会" && cells[2] === "要");
		assert.ok(row && ppc?.preliminary && ppc.final);
		assert.equal(row[3], formatDate(ppc.preliminary.due, "wareki"));
		assert.equal(row[5], formatDate(ppc.final.due, "wareki"));
		assert.equal(row[4], "", "not filed yet");
	});

	test("a filing and the tenant's 西暦 style show in the next draft", async () => {
		await expectJson(
			await w.csirt.client.post(`/api/incidents/${incident.id}/filings`, {
				obligation: "ppc_personal_information",
				stage: "preliminary",
				filedOn: "2025-12-03",
			}),
			201,
		);
		await setDateStyle(w.tenant.id, "seireki");
		try {
			const sheets = await readWorkbook(await w.csirt.client.get(xlsxUrl));
			const row = sheets.get("報告義務と期限")?.find((cells) => cells[2] === "要");
			const ppc = ppcOf(incident);
			assert.equal(row?.[3], formatDate(ppc?.preliminary?.due ?? "", "seireki"));
			assert.equal(row?.[4], "2025年12月3日");
			const form = sheets.get("報告書案");
			assert.match(form?.find((r) => r[0] === "1 概要")?.[1] ?? "", /2025年11月30日/);
		} finally {
			await setDateStyle(w.tenant.id, "wareki");
		}
	});

	test("each download is in the audit log", async () => {
		const logged = (await auditEvents(runtime.db, w.tenant.id)).filter(
			(event) => event.type === "incident.report_draft_exported",
		);
		assert.deepEqual(
			logged.map((event) => event.payload.format),
			["pdf", "xlsx", "pdf", "xlsx", "xlsx"],
		);
		assert.equal(logged[0]?.payload.reference, incident.reference);
		assert.equal(logged[0]?.record_id, incident.id);
	});

	test("only the CSIRT, the CISO and 統括 draft it; a rejected case has no report", async () => {
		await expectProblem(await w.reporter.client.get(pdfUrl), 403, "forbidden");
		await expectProblem(await w.manager.client.get(xlsxUrl), 403, "forbidden");
		const chief = await person(runtime, app, w.tenant, w.other, ["chief_officer"]);
		const response = await chief.client.get(xlsxUrl);
		assert.equal(response.status, 200);
		await response.arrayBuffer();
		const other = await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201);
		await expectJson(
			await w.csirt.client.post(`/api/incidents/${other.id}/transitions`, {
				version: 1,
				action: "reject",
				reason: "机の中から見つかった",
			}),
		);
		const refused = await expectProblem(
			await w.csirt.client.get(`/api/incidents/${other.id}/report-draft.pdf`),
			409,
			"conflict",
		);
		assert.equal(refused.issues?.[0]?.code, "case_rejected");
	});
});
