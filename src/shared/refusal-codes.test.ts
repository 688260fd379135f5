import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { en } from "../web/i18n/en.ts";
import { ja } from "../web/i18n/ja.ts";
import { REFUSAL_ISSUE_CODES, refusal, tooLarge } from "./issues.ts";
import { Problem } from "./problem.ts";

const root = new URL("../", import.meta.url).pathname;

/**
 * Problems whose catalogue text says all there is to say (`error.not_found`: 対象が見つかりません;
 * `error.invalid_credentials`): they may be thrown without a reason.
 */
const SELF_EXPLAINED = new Set([
	"not_found",
	"internal",
	"unauthenticated",
	"invalid_credentials",
	"invalid_code",
	"login_throttled",
	"mfa_verification_required",
	"mfa_enrollment_required",
	"password_change_required",
	"csrf_failed",
	"malformed_json",
	"api_token_invalid",
	"api_token_expired",
	"api_token_revoked",
	"api_token_scope_missing",
	"api_token_not_allowed",
	"rate_limited",
	// The directory did not answer (down, a timeout): the text says so; the log has the cause.
	"directory_unavailable",
]);

/** The HTTP layer refuses a request body as such (its media type, an unknown size): generic. */
const HTTP_SELF_EXPLAINED = new Set(["payload_too_large", "unsupported_media_type"]);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
	});
}

/** Each `new Problem(…)` call of a source text, whole, with its line. */
function problemCalls(source: string): { line: number; text: string }[] {
	const calls: { line: number; text: string }[] = [];
	let at = source.indexOf("new Problem(");
	while (at >= 0) {
		let depth = 0;
		let end = at + "new Problem".length;
		for (; end < source.length; end++) {
			if (source[end] === "(") depth++;
			else if (source[end] === ")" && --depth === 0) break;
		}
		calls.push({ line: source.slice(0, at).split("\n").length, text: source.slice(at, end + 1) });
		at = source.indexOf("new Problem(", end);
	}
	return calls;
}

test("every refusal in src/modules and src/http carries a reason code (or needs none)", () => {
	const files = [...sourceFiles(join(root, "modules")), ...sourceFiles(join(root, "http"))];
	const calls = files.flatMap((file) =>
		problemCalls(readFileSync(file, "utf8")).map((call) => ({
			...call,
			where: `${relative(root, file)}:${call.line}`,
		})),
	);
	assert.ok(calls.length > 50, "the scan finds the module's problems");
	const bare = calls.filter(({ text, where }) => {
		const code = /^new Problem\(\s*"(\w+)"/.exec(text)?.[1];
		// A problem built from a variable code passes on a problem made elsewhere.
		if (code === undefined) return false;
		if (SELF_EXPLAINED.has(code)) return false;
		if (where.startsWith("http/") && HTTP_SELF_EXPLAINED.has(code)) return false;
		// Issues are typed: each carries a code of the catalogue (ProblemIssue.code).
		if (/\bissues\b/.test(text)) return false;
		// A role refusal names the roles that may act; the web lists them by their labels.
		if (code === "forbidden" && /\broles:/.test(text)) return false;
		return true;
	});
	assert.deepEqual(
		bare.map((call) => `${call.where}: ${call.text.replace(/\s+/g, " ")}`),
		[],
		"throw these with refusal(code, reason, …) or ruleProblem, and give the reason ja/en text",
	);
});

test("every refusal reason has Japanese and English text with the same placeholders", () => {
	const messages = { ja: ja as Record<string, string>, en: en as Record<string, string> };
	const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
	for (const code of REFUSAL_ISSUE_CODES) {
		const key = `issue.${code}`;
		assert.ok(messages.ja[key]?.trim(), `ja: ${key}`);
		assert.ok(messages.en[key]?.trim(), `en: ${key}`);
		assert.deepEqual(names(messages.ja[key] ?? ""), names(messages.en[key] ?? ""), key);
	}
});

test("a refusal is one issue with its reason and parameters; the message stays for developers", () => {
	const problem = refusal("conflict", "asset_not_at_hand", "the asset is disposed", {
		lifecycle: "disposed",
	});
	assert.ok(problem instanceof Problem);
	assert.equal(problem.status, 409);
	assert.equal(problem.message, "the asset is disposed");
	assert.deepEqual(problem.issues, [
		{
			path: "",
			message: "the asset is disposed",
			code: "asset_not_at_hand",
			params: { lifecycle: "disposed" },
		},
	]);
	const large = tooLarge("too big", 10 * 1024 * 1024);
	assert.equal(large.status, 413);
	assert.deepEqual(large.issues[0]?.params, { limit: "10 MB" });
	assert.deepEqual(tooLarge("too big", 512 * 1024).issues[0]?.params, { limit: "512 KB" });
});
