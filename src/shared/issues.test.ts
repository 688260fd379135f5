import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { fieldOf, issuesOfZod, ruleIssue } from "./issues.ts";

const schema = z
	.object({
		code: z.string().min(1).max(20),
		name: z.string().min(2),
		kind: z.enum(["section", "department"]),
		count: z.number().int().min(1).max(10),
		email: z.email().optional(),
		on: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
			.optional(),
		unitIds: z.array(z.uuid()).min(1).optional(),
	})
	.strict();

function issuesOf(input: unknown) {
	const result = schema.safeParse(input);
	assert.equal(result.success, false);
	return issuesOfZod((result as { error: z.ZodError }).error, input).map((issue) => ({
		path: issue.path,
		code: issue.code,
		params: issue.params,
	}));
}

test("each Zod issue gets a stable code, its limits and the field it names", () => {
	const issues = issuesOf({
		code: "x".repeat(21),
		name: "a",
		kind: "agency",
		count: 1.5,
		email: "nope",
		on: "12/06",
		unitIds: ["not-a-uuid"],
		extra: true,
	});
	assert.deepEqual(issues, [
		{ path: "code", code: "too_long", params: { field: "code", max: 20 } },
		{ path: "name", code: "too_short", params: { field: "name", min: 2 } },
		{
			path: "kind",
			code: "invalid_choice",
			params: { field: "kind", options: "section, department" },
		},
		{ path: "count", code: "not_integer", params: { field: "count" } },
		{ path: "email", code: "invalid_email", params: { field: "email", format: "email" } },
		{ path: "on", code: "invalid_pattern", params: { field: "on", format: "regex" } },
		{ path: "unitIds.0", code: "invalid_uuid", params: { field: "unitIds", format: "uuid" } },
		{ path: "extra", code: "unknown_field", params: { field: "extra" } },
	]);
});

test("a missing or empty field is required; a wrong type is named as such", () => {
	assert.deepEqual(issuesOf({ code: "", kind: "section", count: "3" }), [
		{ path: "code", code: "required", params: { field: "code" } },
		{ path: "name", code: "required", params: { field: "name" } },
		{ path: "count", code: "invalid_type", params: { field: "count", expected: "number" } },
	]);
});

test("Zod's wording stays in message, for developers", () => {
	const result = schema.safeParse({ code: "ok", name: "ok", kind: "section", count: 11 });
	const [issue] = issuesOfZod((result as { error: z.ZodError }).error);
	assert.equal(issue?.code, "too_big");
	assert.match(issue?.message ?? "", /10/);
});

test("a refinement may carry its own code and parameters", () => {
	const refined = z.object({ a: z.string() }).superRefine((value, ctx) => {
		ctx.addIssue({
			code: "custom",
			path: ["a"],
			message: "never",
			params: { code: "release_as_is_never", category: value.a },
		});
	});
	const result = refined.safeParse({ a: "script" });
	assert.deepEqual(issuesOfZod((result as { error: z.ZodError }).error)[0]?.params, {
		field: "a",
		category: "script",
	});
	assert.equal(
		issuesOfZod((result as { error: z.ZodError }).error)[0]?.code,
		"release_as_is_never",
	);
});

test("the field is the last named segment of the path", () => {
	assert.equal(fieldOf(["riskAnalysis", 2, "threat"]), "threat");
	assert.equal(fieldOf(["unitIds", 0]), "unitIds");
	assert.equal(fieldOf(["(filter)"]), null);
	assert.deepEqual(ruleIssue("parentId", "org_unit_cycle", "would make a cycle"), {
		path: "parentId",
		message: "would make a cycle",
		code: "org_unit_cycle",
		params: { field: "parentId" },
	});
});
