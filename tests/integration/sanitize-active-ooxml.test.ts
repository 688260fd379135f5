// Issue #24: each class of active content in Office files, and PDFs that open without a password,
// through the engine (worker pipeline) and through the gateway over real SMTP, under their real
// names and under misleading names and types. The rebuilt files are read back independently.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import { sanitizeAttachments } from "../../src/modules/sanitize/attachments/sanitize-attachments.ts";
import { findMailMessage } from "../../src/modules/sanitize/gateway/mail-queue.repository.ts";
import { startGateway } from "../../src/modules/sanitize/gateway/smtp-gateway.ts";
import {
	type AttachmentOutcome,
	DEFAULT_POLICY,
	type SanitizeReport,
} from "../../src/modules/sanitize/sanitize.contract.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { makeTenant } from "../helpers/factories.ts";
import { composeMail, queuedIdOf, type Sink, sendRaw, startSink } from "../helpers/mail-world.ts";
import {
	docxWithDde,
	docxWithOleAndTemplate,
	pptmWithVbaAndActiveX,
	xlsmWithMacroSheet,
	xlsxWithConnections,
	xlsxWithDdeFormula,
} from "../helpers/ooxml-corpus.ts";
import { assertInertOoxml, assertInertPdf, readOoxml } from "../helpers/ooxml-inert.ts";
import {
	encryptedAttachmentsPdf,
	ownerPasswordPdf,
	userPasswordPdf,
} from "../helpers/pdf-encrypt.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

interface Case {
	name: string;
	content: Buffer;
	/** The same file under a name and Content-Type that lie about it. */
	disguise: [filename: string, contentType: string];
	/** Extension and type of the delivered copy; null when it must be held. */
	output: [extension: string, contentType: string] | null;
	/** Each must be named by a finding (substring). */
	named: string[];
	/** Checks of this file's own content after the rebuild. */
	check?: (content: Buffer) => void;
}

const CASES: Case[] = [
	{
		name: "budget.xlsm",
		content: xlsmWithMacroSheet(),
		disguise: ["report.pdf", "application/pdf"],
		output: ["xlsx", XLSX],
		named: [
			"xl/macrosheets/sheet1.xml: Excel 4 (XLM) macro sheet",
			"xl/dialogsheets/sheet1.xml: Excel 5 dialog sheet",
			"xl/worksheets/sheet3.xml: Excel 4 (XLM) macro sheet",
			"defined name _xlnm.Auto_Open",
			"defined name Auto_Close",
			"defined name Runner (refers to the removed sheet Macro1)",
			"defined name Sneaky (refers to the removed sheet Hidden)",
		],
		check: (content) => {
			const book = readOoxml(content);
			assert.deepEqual(book.definedNames, ["Budget", "_xlnm.Print_Area"]);
			const workbook = book.text("xl/workbook.xml");
			const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
			assert.deepEqual(sheets, ["予算", "集計"]);
			assert.match(workbook, /localSheetId="1"/, "the print area follows its sheet to index 1");
			assert.match(workbook, /activeTab="1"/);
			assert.match(book.text("xl/worksheets/sheet2.xml"), /合計/);
		},
	},
	{
		name: "dde.xlsx",
		content: xlsxWithDdeFormula(),
		disguise: ["photo.jpg", "image/jpeg"],
		output: ["xlsx", XLSX],
		named: [
			"DDE formula in xl/worksheets/sheet1.xml cell A1",
			"DDE formula in xl/worksheets/sheet1.xml cell A2",
			"DDE formula in xl/worksheets/sheet1.xml (cfRule)",
		],
		check: (content) => {
			const sheet = readOoxml(content).text("xl/worksheets/sheet1.xml");
			assert.match(sheet, /<c r="A1"><v>0<\/v><\/c>/, "the cached value stays");
			assert.match(sheet, /<f>SUM\(1,2\)<\/f>/, "ordinary formulas stay");
			assert.match(sheet, /"a\|b"/, "a | inside a string is not DDE");
			assert.doesNotMatch(sheet, /si="0"/, "the shared formula's dependants went with it");
		},
	},
	{
		name: "rates.xlsx",
		content: xlsxWithConnections(),
		disguise: ["notes.txt", "text/plain"],
		output: ["xlsx", XLSX],
		named: [
			"xl/connections.xml: data connection",
			"xl/queryTables/queryTable1.xml: web or database query",
			"xl/externalLinks/externalLink1.xml: external workbook link",
			"defined name Rates (refers to a removed external link)",
		],
		check: (content) => {
			const book = readOoxml(content);
			assert.deepEqual(book.definedNames, ["Local"]);
			assert.doesNotMatch(book.text("xl/workbook.xml"), /externalReference/);
		},
	},
	{
		name: "invoice.docx",
		content: docxWithDde(),
		disguise: ["notes.txt", "text/plain"],
		output: ["docx", DOCX],
		named: ["DDEAUTO field in word/document.xml", "DDE field in word/document.xml"],
		check: (content) => {
			const document = readOoxml(content).text("word/document.xml");
			assert.match(document, /請求書/, "the DDE field's shown text stays");
			assert.match(document, /簡易/);
			assert.match(document, /PAGE/, "ordinary fields stay");
		},
	},
	{
		name: "template.dotm",
		content: docxWithOleAndTemplate(),
		disguise: ["scan.png", "image/png"],
		output: ["docx", DOCX],
		named: [
			"word/embeddings/oleObject1.bin: OLE object",
			"word/afchunk.mht: imported content (altChunk)",
			"external attachedTemplate relationship (http://attacker.example/normal.dotm)",
			"embedded object or control (w:object) in word/document.xml",
		],
		check: (content) => {
			const doc = readOoxml(content);
			assert.ok(doc.parts.includes("word/media/image1.png"), "pictures stay");
			assert.match(doc.text("word/document.xml"), /本文です/);
			assert.doesNotMatch(doc.text("word/settings.xml"), /attachedTemplate/);
		},
	},
	{
		name: "slides.pptm",
		content: pptmWithVbaAndActiveX(),
		disguise: ["minutes.docx", DOCX],
		output: ["pptx", PPTX],
		named: [
			"ppt/vbaProject.bin: VBA macro project",
			"ppt/activeX/activeX1.xml: ActiveX control",
			"ppt/activeX/activeX1.bin: ActiveX control",
			"ppt/embeddings/oleObject1.ole: OLE object",
			"OLE object (p:oleObj) in ppt/slides/slide1.xml",
			"ActiveX controls (p:controls) in ppt/slides/slide1.xml",
			"macro or program action (ppaction) in ppt/slides/slide1.xml",
		],
		check: (content) => {
			const slide = readOoxml(content).text("ppt/slides/slide1.xml");
			assert.match(slide, /議題/);
			assert.doesNotMatch(slide, /mc:AlternateContent/, "no empty wrappers are left");
		},
	},
	{
		name: "owner-password.pdf",
		content: ownerPasswordPdf(),
		disguise: ["minutes.docx", DOCX],
		output: ["pdf", "application/pdf"],
		named: ["/Encrypt: owner password only"],
	},
	{
		name: "attachments-encrypted.pdf",
		content: encryptedAttachmentsPdf(),
		disguise: ["data.csv", "text/csv"],
		output: ["pdf", "application/pdf"],
		named: ["/Encrypt: only embedded files are encrypted"],
	},
	{
		name: "locked.pdf",
		content: userPasswordPdf(),
		disguise: ["photo.jpg", "image/jpeg"],
		output: null,
		named: [],
	},
];

function assertDelivered(
	item: Case,
	label: string,
	filename: string,
	type: string,
	content: Buffer,
) {
	const [extension, contentType] = item.output ?? ["", ""];
	assert.equal(
		filename.slice(filename.lastIndexOf(".") + 1),
		extension,
		`${label}: name ${filename}`,
	);
	assert.equal(type.split(";")[0], contentType, `${label}: type`);
	if (extension === "pdf") assertInertPdf(label, content);
	else {
		assertInertOoxml(label, content);
		item.check?.(content);
	}
}

function assertExplained(item: Case, label: string, outcome: AttachmentOutcome | undefined) {
	assert.ok(outcome, `${label}: an outcome`);
	if (!item.output) {
		assert.equal(outcome.action, "held", label);
		assert.equal(outcome.reason, "encrypted PDF: a password is needed to open it", label);
		return;
	}
	assert.equal(outcome.action, "sanitized", `${label}: ${outcome.reason}`);
	for (const name of item.named)
		assert.ok(
			outcome.findings.some((finding) => finding.includes(name)),
			`${label}: "${name}" named in ${outcome.findings.join(" | ")}`,
		);
	if (item.output[0] !== "pdf") {
		assert.doesNotMatch(outcome.reason, /no active content found/, label);
		assert.match(outcome.reason, /^rebuilt without active content/, label);
		// Every dropped part is in the reason too, up to its limit.
		for (const name of item.named.slice(0, 3)) assert.ok(outcome.reason.includes(name), label);
	}
}

function inputs(disguised: boolean) {
	return CASES.map((item) => ({
		filename: disguised ? item.disguise[0] : item.name,
		declaredType: disguised ? item.disguise[1] : "application/octet-stream",
		content: item.content,
	}));
}

describe("through the engine (worker pipeline)", () => {
	for (const disguised of [false, true]) {
		test(disguised ? "under misleading names and types" : "under their real names", async () => {
			const outcomes = await sanitizeAttachments(inputs(disguised), DEFAULT_POLICY);
			CASES.forEach((item, index) => {
				const outcome = outcomes[index];
				const label = disguised ? `${item.name} as ${item.disguise[0]}` : item.name;
				assertExplained(item, label, outcome);
				if (item.output && outcome?.output) {
					const stem = (disguised ? item.disguise[0] : item.name).replace(/\.[^.]+$/, "");
					assert.equal(outcome.output.filename, `${stem}.${item.output[0]}`, label);
					assertDelivered(
						item,
						label,
						outcome.output.filename,
						outcome.output.contentType,
						outcome.output.content,
					);
				}
			});
		});
	}

	test("a clean workbook still says no active content was found", async () => {
		const { default: ExcelJS } = await import("exceljs");
		const book = new ExcelJS.Workbook();
		book.addWorksheet("点検").getCell("A1").value = 1;
		const content = Buffer.from(await book.xlsx.writeBuffer());
		const [outcome] = await sanitizeAttachments(
			[{ filename: "clean.xlsx", declaredType: XLSX, content }],
			DEFAULT_POLICY,
		);
		assert.equal(outcome?.reason, "rebuilt; no active content found");
		assert.deepEqual(outcome?.findings, []);
	});
});

describe("through the gateway over SMTP", () => {
	let runtime: Awaited<ReturnType<typeof createTestRuntime>>;
	let tenant: TenantRow;
	let downstream: Sink;
	const open: { close(): Promise<void> }[] = [];
	before(async () => {
		runtime = await createTestRuntime();
		tenant = await makeTenant(runtime);
		downstream = await startSink();
		open.push(downstream);
	});
	after(async () => {
		for (const thing of open.reverse()) await thing.close();
		await runtime.cleanup();
	});

	const send = async (port: number, raw: Buffer) => queuedIdOf(await sendRaw(port, raw));

	test("delivers rebuilt copies, holds the password-protected PDF, reports each removal", {
		timeout: 60_000,
	}, async () => {
		const gw = await startGateway(runtime, {
			tenantId: tenant.id,
			host: "127.0.0.1",
			port: 0,
			domains: ["city.example.jp"],
			maxSize: 5_000_000,
			relayUrl: `smtp://127.0.0.1:${downstream.port}`,
			pollSeconds: 0,
			purgeEveryMinutes: 0,
		});
		open.push(gw);
		const deliverable = CASES.filter((item) => item.output);
		const locked = CASES.filter((item) => !item.output);
		for (const disguised of [false, true]) {
			const attachments = (cases: Case[]) =>
				cases.map((item) => ({
					filename: disguised ? item.disguise[0] : item.name,
					content: item.content,
					contentType: disguised ? item.disguise[1] : "application/octet-stream",
				}));
			const to = "taro@city.example.jp";
			const deliveredId = await send(
				gw.port,
				await composeMail({ to, text: "資料", attachments: attachments(deliverable) }),
			);
			const heldId = await send(
				gw.port,
				await composeMail({ to, text: "暗号", attachments: attachments(locked) }),
			);
			await gw.kick();

			const row = await findMailMessage(runtime.db, tenant.id, deliveredId);
			assert.equal(row?.status, "delivered", row?.held_reason ?? "");
			const delivered = await simpleParser((await downstream.next()).raw);
			assert.equal(delivered.attachments.length, deliverable.length);
			const report = JSON.parse(row?.report ?? "{}") as SanitizeReport;
			deliverable.forEach((item, index) => {
				const label = `gateway: ${disguised ? `${item.name} as ${item.disguise[0]}` : item.name}`;
				const attachment = delivered.attachments[index];
				assert.ok(attachment, label);
				assertDelivered(
					item,
					label,
					attachment.filename ?? "",
					attachment.contentType,
					attachment.content,
				);
				assertExplained(item, label, report.attachments[index]);
			});
			const held = await findMailMessage(runtime.db, tenant.id, heldId);
			assert.equal(held?.status, "held");
			assert.match(held?.held_reason ?? "", /a password is needed to open it/);
			// Beside the words, the stable code of the reason and the attachment it names.
			assert.equal(held?.held_reason_code, "attachment_held");
			assert.equal(JSON.parse(held?.held_reason_params ?? "{}").filename !== undefined, true);
		}
		assert.equal(downstream.received.length, 2, "the held messages were never relayed");
	});
});
