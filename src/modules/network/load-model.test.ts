import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { parseModelFile } from "./load-model.ts";

const EXAMPLES = resolve(import.meta.dirname, "../../../examples/network");

const HEAD = `formatVersion: 1
name: test
segments:
  - id: my
    kind: mynumber
  - id: lg
    kind: lgwan
`;

describe("parseModelFile", () => {
	it("reads the shipped examples without a problem", () => {
		for (const name of ["alpha-compliant.yaml", "beta-prime-compliant.yaml", "violations.yaml"]) {
			const { model, problems } = parseModelFile(
				readFileSync(resolve(EXAMPLES, name), "utf8"),
				"yaml",
			);
			assert.deepEqual(problems, [], name);
			assert.ok(model !== null && model.segments.length > 3, name);
		}
	});

	it("gives a YAML syntax error its line and column, once", () => {
		const { model, problems } = parseModelFile(`${HEAD}name: again\n`, "yaml");
		assert.equal(model, null);
		assert.deepEqual(
			problems.map(({ path, line, column, code }) => ({ path, line, column, code })),
			[{ path: "(file)", line: 8, column: 1, code: "model_yaml_duplicate_key" }],
		);
		// The parser's own words stay in the developers' message, never in the catalogue text.
		assert.match(problems[0]?.message ?? "", /^The same key is written twice\. Detail: Map keys/);
		const indented = parseModelFile(`${HEAD}  - id: x\n   kind: lgwan\n`, "yaml").problems;
		assert.equal(indented.length, 1);
		assert.equal(indented[0]?.line, 9);
	});

	it("reports an unknown segment reference at the reference", () => {
		const { problems } = parseModelFile(
			`${HEAD}nodes:\n  - id: t1\n    kind: terminal\n    segment: nowhere\n`,
			"yaml",
		);
		assert.deepEqual(problems, [
			{
				path: "nodes[0].segment",
				line: 11,
				column: 14,
				code: "model_unknown_segment",
				params: { id: "nowhere" },
				message: "There is no segment “nowhere”.",
			},
		]);
	});

	it("reports unknown flow ends and via entries one by one", () => {
		const text = `${HEAD}flows:\n  - id: f1\n    source: ghost\n    destination: lg\n    via: [gw-none]\n`;
		const { problems } = parseModelFile(text, "yaml");
		assert.deepEqual(
			problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.code} ${JSON.stringify(p.params)}`),
			[
				'10:13 flows[0].source: model_unknown_endpoint {"id":"ghost"}',
				'12:11 flows[0].via[0]: model_unknown_gateway {"id":"gw-none"}',
			],
		);
	});

	it("reports a duplicate id where it repeats, pointing at the first use", () => {
		const { problems } = parseModelFile(
			`${HEAD}nodes:\n  - id: lg\n    kind: server\n    segment: my\n`,
			"yaml",
		);
		assert.equal(problems.length, 1);
		assert.equal(problems[0]?.path, "nodes[0].id");
		assert.equal(problems[0]?.line, 9);
		assert.equal(problems[0]?.code, "model_duplicate_id");
		assert.deepEqual(problems[0]?.params, { id: "lg", first: "segments[1], line 6" });
	});

	it("reports a loop in gateway chains once, at the gateway closing it", () => {
		const text = `${HEAD}gateways:
  - id: a
    kind: sanitizing_mail
    between: [my, lg]
    next: [b]
  - id: b
    kind: sanitizing_mail
    between: [my, lg]
    next: [a]
`;
		const { problems } = parseModelFile(text, "yaml");
		assert.deepEqual(
			problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.code} ${p.params.loop}`),
			["16:12 gateways[1].next[0]: model_gateway_loop a → b → a"],
		);
	});

	it("names unknown fields and wrong values with their place", () => {
		const { problems } = parseModelFile(
			`${HEAD}  - id: x\n    kind: moon\n    colour: red\n`,
			"yaml",
		);
		assert.deepEqual(
			problems.map((p) => `${p.line}:${p.column} ${p.path}`),
			["9:11 segments[2].kind", "10:5 segments[2].colour"],
		);
		assert.deepEqual(
			problems.map((p) => [p.code, p.params]),
			[
				[
					"model_value_choice",
					{
						options:
							"mynumber, lgwan, internet, lgwan_backbone, security_cloud, info_provision_network, internet_external, cloud_service, standalone",
					},
				],
				["model_unknown_field", { key: "colour" }],
			],
		);
	});

	it("locates problems in JSON files too", () => {
		const json = JSON.stringify(
			{
				formatVersion: 1,
				name: "j",
				segments: [{ id: "s", kind: "lgwan" }],
				nodes: [{ id: "n", kind: "server", segment: "zz" }],
			},
			null,
			2,
		);
		const { problems } = parseModelFile(json, "json");
		assert.equal(problems.length, 1);
		assert.equal(problems[0]?.path, "nodes[0].segment");
		assert.equal(problems[0]?.line, 14);
	});

	it("gives a JSON syntax error its line and column", () => {
		const { problems } = parseModelFile('{\n  "formatVersion": 1,\n  "name": }\n', "json");
		assert.equal(problems.length, 1);
		assert.equal(problems[0]?.line, 3);
		assert.equal(problems[0]?.code, "model_json_syntax");
	});

	it("maps addresses only when a block or addressing.unmatched covers them", () => {
		const base = `${HEAD.replace("kind: lgwan", "kind: lgwan\n    cidrs: [10.20.0.0/16]")}flows:\n  - id: f\n    source: 10.20.1.5\n    destination: 8.8.8.8\n`;
		const { problems } = parseModelFile(base, "yaml");
		assert.equal(problems.length, 1);
		assert.equal(problems[0]?.path, "flows[0].destination");
		const covered = parseModelFile(`${base}addressing:\n  unmatched: my\n`, "yaml");
		assert.deepEqual(covered.problems, []);
	});
});
