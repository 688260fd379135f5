import assert from "node:assert/strict";
import { test } from "node:test";
import { activePdf, HTML_PAGE } from "../../../../tests/helpers/attachment-corpus.ts";
import {
	type AttachmentRule,
	DEFAULT_POLICY,
	type SanitizePolicy,
	type TypeCategory,
} from "../sanitize.contract.ts";
import { effectiveRule, outputName, processAttachment } from "./process-attachment.ts";

function policyWith(category: TypeCategory, rule: AttachmentRule): SanitizePolicy {
	return { ...DEFAULT_POLICY, attachments: { ...DEFAULT_POLICY.attachments, [category]: rule } };
}

function file(filename: string, content: Buffer | string) {
	return { filename, declaredType: "application/octet-stream", content: Buffer.from(content) };
}

test("no policy can deliver an executable, script, HTML, SVG or unknown file", () => {
	for (const category of ["executable", "script", "html", "svg", "unknown"] as const) {
		assert.equal(effectiveRule(category, policyWith(category, "pass")), "remove", category);
		assert.equal(effectiveRule(category, policyWith(category, "sanitize")), "remove", category);
		assert.equal(effectiveRule(category, policyWith(category, "hold")), "hold", category);
	}
	assert.equal(effectiveRule("pdf", policyWith("pdf", "pass")), "pass");
});

test("the policy's remove, hold and pass are applied to the true type", async () => {
	const pdf = file("doc.txt", activePdf());
	const removed = await processAttachment(pdf, policyWith("pdf", "remove"));
	assert.deepEqual(
		[removed.category, removed.action, removed.output],
		["pdf", "removed", undefined],
	);
	assert.equal((await processAttachment(pdf, policyWith("pdf", "hold"))).action, "held");
	const passed = await processAttachment(pdf, policyWith("pdf", "pass"));
	assert.equal(passed.action, "passed");
	assert.deepEqual(passed.output?.content, pdf.content);
	assert.equal(passed.output?.filename, "doc.pdf", "the extension follows the content");
	const html = await processAttachment(file("invoice.pdf", HTML_PAGE), policyWith("html", "hold"));
	assert.deepEqual([html.category, html.action], ["html", "held"]);
});

test("legacy Office files have no sanitiser: held when the policy asks to sanitise", async () => {
	const ole = file(
		"old.doc",
		Buffer.concat([
			Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
			Buffer.alloc(504),
		]),
	);
	const outcome = await processAttachment(ole, policyWith("ole", "sanitize"));
	assert.deepEqual(
		[outcome.action, outcome.reason],
		["held", "no sanitiser for legacy Office (OLE2) files"],
	);
	// The reason is also a stable code with its parameters, for the screens' catalogue text.
	assert.deepEqual(
		[outcome.reasonCode, outcome.reasonParams],
		["no_sanitiser", { category: "ole" }],
	);
});

test("passed text keeps a text extension; a name Windows would run removes it", async () => {
	const names = [
		["notes.csv", "notes.csv", "text/csv; charset=utf-8"],
		["readme", "readme.txt", "text/plain; charset=utf-8"],
		["data.xml", "data.xml", "application/xml; charset=utf-8"],
	];
	for (const [input, delivered, type] of names) {
		const outcome = await processAttachment(file(input ?? "", "just words\n"), DEFAULT_POLICY);
		assert.equal(outcome.action, "passed");
		assert.equal(outcome.output?.filename, delivered);
		assert.equal(outcome.output?.contentType, type);
	}
	for (const name of ["run.hta", "a.b.cmd", "link.url", "setup.reg", "go.ps1"]) {
		const outcome = await processAttachment(file(name, "just words\n"), DEFAULT_POLICY);
		assert.equal(outcome.action, "removed", name);
		assert.match(outcome.reason, /by its name/, name);
		assert.equal(outcome.reasonCode, "category_never", name);
	}
	assert.equal(outputName("dir\\evil.docm", "docx"), "evil.docx");
	assert.equal(outputName(".hidden", "png"), ".hidden.png");
	assert.equal(outputName("", "pdf"), "attachment.pdf");
});
