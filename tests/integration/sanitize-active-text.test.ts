import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Attachment, type ParsedMail, simpleParser } from "mailparser";
import { startGateway } from "../../src/modules/sanitize/gateway/smtp-gateway.ts";
import { DEFAULT_POLICY } from "../../src/modules/sanitize/sanitize.contract.ts";
import { sanitizeMessage } from "../../src/modules/sanitize/sanitize-message.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { activeSignature, decodeForCheck, formulaCells } from "../helpers/active-signatures.ts";
import { type ActiveTextCase, activeTextCases } from "../helpers/active-text-corpus.ts";
import { makeTenant } from "../helpers/factories.ts";
import { composeMail, type Sink, sendRaw, startSink } from "../helpers/mail-world.ts";
import { createTestRuntime } from "../helpers/test-db.ts";

/**
 * Active formats written as text (Word/Excel 2003 XML, Flat OPC, SYLK, RTF, MHTML, SVG, HTML,
 * IQY, shortcuts, registry and script files) and benign Japanese text and CSV, each under its
 * real name and under a misleading name and type: through the engine, and through the gateway
 * over real SMTP to a real sink. What is delivered is checked by an independent signature check.
 */

const CASES = activeTextCases();
const VARIANTS = ["real", "misleading"] as const;
type Variant = (typeof VARIANTS)[number];

function charsetOf(attachment: Attachment): string | undefined {
	const header = attachment.headers.get("content-type") as { params?: Record<string, string> };
	return header?.params?.charset;
}

/** Check what became of one case in a parsed sanitised message; `prefix` starts its name. */
function checkCase(
	item: ActiveTextCase,
	variant: Variant,
	parsed: ParsedMail,
	delivered: Attachment[],
	reasonOf: string,
	prefix = "",
): void {
	const where = `${item.id} (${variant})`;
	const body = parsed.text ?? "";
	for (const attachment of delivered) {
		assert.equal(
			activeSignature(attachment.content),
			null,
			`${where}: delivered ${attachment.filename} carries no active signature`,
		);
	}
	const text = delivered[0] ? decodeForCheck(delivered[0].content).replace(/^\ufeff/, "") : "";
	switch (item.expect) {
		case "removed":
			assert.equal(delivered.length, 0, `${where}: nothing delivered`);
			assert.match(body, /削除した添付ファイル/, `${where}: the notice lists the removal`);
			assert.match(reasonOf, item.named ?? /./, `${where}: the reason names the format`);
			break;
		case "converted":
			assert.equal(delivered.length, 1, `${where}: one converted file`);
			assert.match(delivered[0]?.filename ?? "", /\.txt$/, `${where}: delivered as .txt`);
			assert.equal(delivered[0]?.contentType, "text/plain");
			assert.equal(charsetOf(delivered[0] as Attachment), "utf-8");
			assert.ok(text.includes(item.keeps ?? ""), `${where}: the text is kept: ${text}`);
			for (const word of item.absent ?? [])
				assert.ok(!text.includes(word), `${where}: ${word} is not delivered`);
			assert.match(body, /安全な形式に変換/, `${where}: the notice says it was converted`);
			assert.match(reasonOf, item.named ?? /./, `${where}: the reason names the format`);
			assert.match(reasonOf, /converted to plain text/i);
			break;
		case "text":
			assert.equal(delivered.length, 1, `${where}: delivered`);
			assert.equal(delivered[0]?.filename, `${prefix}お知らせ.txt`);
			assert.equal(delivered[0]?.contentType, "text/plain");
			assert.equal(charsetOf(delivered[0] as Attachment), "utf-8");
			assert.equal(
				(delivered[0] as Attachment).content.toString("utf8"),
				item.keeps,
				`${where}: the same characters, in UTF-8`,
			);
			break;
		case "csv":
			assert.equal(delivered.length, 1, `${where}: delivered`);
			assert.equal(delivered[0]?.filename, `${prefix}名簿.csv`);
			assert.equal(delivered[0]?.contentType, "text/csv");
			assert.equal(charsetOf(delivered[0] as Attachment), "utf-8");
			assert.ok(text.includes(item.keeps ?? ""), `${where}: readable Japanese`);
			assert.deepEqual(formulaCells(text), [], `${where}: no cell starts a formula`);
			assert.ok(text.includes("'=HYPERLINK"), `${where}: the formula kept as text`);
			assert.ok(text.includes("'＝1+1") && text.includes('"\'+SUM(A1:A2)"'));
			assert.ok(text.includes(",-5\r\n"), `${where}: a negative number is left alone`);
			assert.match(body, /formula/, `${where}: the notice says cells were neutralised`);
			break;
	}
}

function attachmentOf(item: ActiveTextCase, variant: Variant, prefix = "") {
	const side = item[variant];
	return {
		filename: `${prefix}${side.filename}`,
		content: item.content,
		contentType: side.contentType,
	};
}

describe("active formats written as text, through the engine", () => {
	for (const item of CASES) {
		for (const variant of VARIANTS) {
			test(`${item.id} under its ${variant} name`, async () => {
				const raw = await composeMail({
					to: "taro@city.example.jp",
					text: "添付をご確認ください。",
					attachments: [attachmentOf(item, variant)],
				});
				const result = await sanitizeMessage(raw, DEFAULT_POLICY);
				assert.equal(result.status, "sanitized", JSON.stringify(result.report.attachments));
				if (result.status !== "sanitized") return;
				const parsed = await simpleParser(result.message);
				const outcome = result.report.attachments[0];
				const explained = `${outcome?.reason} ${outcome?.findings.join(" ")}`;
				checkCase(item, variant, parsed, parsed.attachments, explained);
			});
		}
	}
});

describe("active formats written as text, through the gateway over SMTP", () => {
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

	for (const variant of VARIANTS) {
		test(`every case in one message, ${variant} names`, async () => {
			const gw = await startGateway(runtime, {
				tenantId: tenant.id,
				host: "127.0.0.1",
				port: 0,
				domains: ["city.example.jp"],
				maxSize: 2_000_000,
				relayUrl: `smtp://127.0.0.1:${downstream.port}`,
				pollSeconds: 0,
				purgeEveryMinutes: 0,
			});
			open.push(gw);
			const raw = await composeMail({
				to: "hanako@city.example.jp",
				subject: "添付ファイル",
				text: "添付をご確認ください。",
				attachments: CASES.map((item, index) => attachmentOf(item, variant, `c${index}-`)),
			});
			await sendRaw(gw.port, raw, "hanako@city.example.jp");
			await gw.kick();
			const received = await downstream.next();
			const parsed = await simpleParser(received.raw);
			const body = parsed.text ?? "";
			assert.match(received.raw.toString("latin1"), /X-Mamori-Sanitized/i);
			CASES.forEach((item, index) => {
				const prefix = `c${index}-`;
				const delivered = parsed.attachments.filter((a) => a.filename?.startsWith(prefix));
				// The notice line for this attachment and the reason beneath it.
				const noticeLine = body.split("\n").findIndex((line) => line.includes(`・${prefix}`));
				const explained =
					noticeLine >= 0
						? body
								.split("\n")
								.slice(noticeLine, noticeLine + 3)
								.join(" ")
						: "";
				checkCase(item, variant, parsed, delivered, explained, prefix);
				// The notice gives the reason in the catalogue's words, Japanese first.
				if (item.expect === "converted") {
					assert.match(explained, /変換: テキスト（\.txt）に変換して届けました。/u, item.id);
				}
				if (item.expect === "removed")
					assert.match(explained, / {4}理由: .*削除しました。/u, item.id);
			});
		});
	}
});
