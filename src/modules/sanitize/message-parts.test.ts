import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_POLICY } from "./sanitize.contract.ts";
import { sanitizeMessage } from "./sanitize-message.ts";

/** A message whose attachment is declared multipart but cannot be split into parts. */
function withUnsplittableMultipart(type: string): Buffer {
	// The boundary is declared but never occurs in the part, so it has no children.
	return Buffer.from(
		[
			"From: sender@example.jp",
			"To: staff@city.example.lg.jp",
			"Subject: report",
			"Message-ID: <unsplittable@example.jp>",
			"MIME-Version: 1.0",
			'Content-Type: multipart/mixed; boundary="outer"',
			"",
			"--outer",
			"Content-Type: text/plain; charset=utf-8",
			"",
			"See the attached page.",
			"--outer",
			`Content-Type: ${type}`,
			'Content-Disposition: attachment; filename="page.mht"',
			"",
			"<html><body><script>alert(1)</script>page</body></html>",
			"--outer--",
			"",
		].join("\r\n"),
	);
}

test("a multipart part with no boundary is removed with a notice, never silently", async () => {
	for (const type of [
		'multipart/related; boundary="inner"',
		'multipart/mixed; boundary="inner"; type="text/html"',
	]) {
		const result = await sanitizeMessage(withUnsplittableMultipart(type), DEFAULT_POLICY);
		assert.equal(result.status, "sanitized");
		if (result.status !== "sanitized") return;
		const text = result.message.toString("utf8");
		assert.doesNotMatch(text, /<script/i, "nothing of the part is delivered");
		assert.match(text, /multipart\/(related|mixed)/, "the notice names what was removed");
		assert.ok(
			result.report.actions.some((action) => action.startsWith("unsplit-multipart-removed")),
			`actions: ${result.report.actions.join(", ")}`,
		);
	}
});
