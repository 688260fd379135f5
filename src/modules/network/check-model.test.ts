import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";
import { networkFindingText } from "../../shared/network-findings.ts";
import { loadBundledPack, loadPack } from "../policies/pack/load-pack.ts";
import { checkModel } from "./check-model.ts";
import { parseModelFile } from "./load-model.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { NETWORK_RULES, networkRuleCatalogue } from "./rules/index.ts";

const EXAMPLES = resolve(import.meta.dirname, "../../../examples/network");

function example(name: string): NetworkModelFile {
	const { model, problems } = parseModelFile(readFileSync(resolve(EXAMPLES, name), "utf8"), "yaml");
	assert.deepEqual(problems, []);
	assert.ok(model !== null);
	return model;
}

describe("checkModel", () => {
	it("finds the α example compliant with Saga's pack, every flow and node ok", () => {
		const report = checkModel(example("alpha-compliant.yaml"), loadBundledPack("saga"), {
			asOf: "2026-01",
		});
		assert.equal(report.compliant, true);
		assert.equal(report.model, "alpha");
		assert.deepEqual(report.violations, []);
		assert.ok(report.flows.length === 8 && report.flows.every((f) => f.verdict === "ok"));
		assert.equal(
			report.nodes.length,
			report.stats.segments + report.stats.nodes + report.stats.gateways,
		);
	});

	it("finds the same network in breach of the standard pack, which has no route into My Number", () => {
		const report = checkModel(example("alpha-compliant.yaml"), loadBundledPack("standard"), {
			asOf: "2026-01",
		});
		assert.deepEqual(
			report.violations.map((v) => [v.rule, v.flow]),
			[["tier-isolation", "f-file-to-mynumber"]],
		);
		assert.equal(report.flows.find((f) => f.id === "f-file-to-mynumber")?.verdict, "violation");
	});

	it("finds the β′ example compliant with its own pack", () => {
		const pack = loadPack(resolve(EXAMPLES, "beta-prime-pack.yaml"));
		const report = checkModel(example("beta-prime-compliant.yaml"), pack, { asOf: "2026-01" });
		assert.deepEqual(report.violations, []);
		assert.equal(report.model, "beta_prime");
	});

	it("finds every planted violation of violations.yaml, with node or flow and both languages", () => {
		const report = checkModel(example("violations.yaml"), loadBundledPack("standard"), {
			asOf: "2026-01",
		});
		assert.equal(report.compliant, false);
		const rules = new Set(report.violations.map((v) => v.rule));
		for (const rule of [
			"model-matches-pack",
			"tier-isolation",
			"lgwan-internet-sanitised",
			"internet-egress-security-cloud",
			"standalone-isolation",
			"flow-path-consistent",
			"terminal-mfa",
			"terminal-take-out-blocked",
			"mynumber-data-placement",
			"beta-terminal-controls",
			"tier-monitoring",
			"file-transfer-approval",
		]) {
			assert.ok(rules.has(rule), `expected a ${rule} violation`);
		}
		for (const v of report.violations) {
			const ja = networkFindingText(v, "ja");
			const en = networkFindingText(v, "en");
			assert.ok(ja.message !== "" && ja.remedy !== "" && en.message !== "" && en.remedy !== "");
			assert.notEqual(en.message, ja.message);
		}
		assert.equal(report.flows.find((f) => f.id === "f-ok-file")?.verdict, "ok");
		assert.equal(report.stats.violations, report.violations.length);
		assert.equal(report.stats.byRule["tier-isolation"], 2);
	});

	it("judges flows with the same path alike, and each flow by its own path", () => {
		const model = example("violations.yaml");
		const copies = {
			...model,
			flows: [...model.flows, ...model.flows.map((f) => ({ ...f, id: `${f.id}-copy` }))],
		};
		const once = checkModel(model, loadBundledPack("standard"), { asOf: "2026-01" });
		const twice = checkModel(copies, loadBundledPack("standard"), { asOf: "2026-01" });
		const flowViolations = (r: typeof once) => r.violations.filter((v) => v.flow !== null).length;
		assert.equal(flowViolations(twice), flowViolations(once) * 2);
	});

	it("has rules with unique ids, a clause and texts in both languages", () => {
		const ids = NETWORK_RULES.map((r) => r.id);
		assert.equal(new Set(ids).size, ids.length);
		assert.deepEqual(
			networkRuleCatalogue().map((r) => r.id),
			ids,
		);
		assert.doesNotThrow(() => JSON.stringify(networkRuleCatalogue()));
		for (const rule of NETWORK_RULES) {
			assert.match(rule.id, /^[a-z][a-z-]+$/);
			assert.ok(
				rule.clause.length > 0 &&
					rule.title.ja &&
					rule.title.en &&
					rule.description.ja &&
					rule.description.en,
			);
		}
	});

	it("has one test file per rule, next to it", () => {
		const dir = resolve(import.meta.dirname, "rules");
		for (const rule of NETWORK_RULES) {
			const file = readdirSync(dir).find(
				(name) =>
					!name.endsWith(".test.ts") &&
					readFileSync(resolve(dir, name), "utf8").includes(`id: "${rule.id}"`),
			);
			assert.ok(file !== undefined, `no source file for ${rule.id}`);
			assert.ok(
				existsSync(resolve(dir, file.replace(/\.ts$/, ".test.ts"))),
				`no test for ${rule.id}`,
			);
		}
	});
});
