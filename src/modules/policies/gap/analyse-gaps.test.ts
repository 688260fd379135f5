import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { importPolicyFile, importPolicyText } from "../import/import-policy.ts";
import { loadBundledPack } from "../pack/load-pack.ts";
import { analyseGaps, normaliseLabel } from "./analyse-gaps.ts";
import { BASELINE_PROVISIONS } from "./baseline.ts";
import { type GapAnalysis, type GapItem, gapAnalysisSchema } from "./gap.schemas.ts";

const SEEDS = resolve(import.meta.dirname, "../../../../../shared/seeds");
const standard = loadBundledPack("standard");

function analyseSeed(file: string, pack: "saga" | "kitakyushu"): GapAnalysis {
	const imported = importPolicyFile(readFileSync(resolve(SEEDS, file)));
	return gapAnalysisSchema.parse(analyseGaps(imported, loadBundledPack(pack), standard));
}

const saga = analyseSeed("000_2ada437c7fa3d3e9.txt", "saga");
const kitakyushu = analyseSeed("004_34f5ad730ec06e4b.txt", "kitakyushu");

function item(result: GapAnalysis, code: string): GapItem {
	return result.items.find((i) => i.code === code) ?? assert.fail(`no item ${code}`);
}

/** Status and clause path of a provision, for compact assertions. */
function at(result: GapAnalysis, code: string): [string, string | null] {
	const found = item(result, code);
	return [found.status, found.clause?.path ?? null];
}

test("Kitakyushu lacks the social-media and 特定個人情報 provisions, and a CSIRT", () => {
	assert.deepEqual(at(kitakyushu, "social_media"), ["missing", null]);
	assert.deepEqual(at(kitakyushu, "specific_personal_information"), ["missing", null]);
	assert.deepEqual(at(kitakyushu, "csirt"), ["missing", null]);
	assert.equal(item(kitakyushu, "social_media").tenantPackInForce, false);
});

test("Kitakyushu requires an emergency response plan where Saga only promises a prompt response", () => {
	assert.deepEqual(at(kitakyushu, "incident_plan"), ["present", "6(7)"]);
	const sagaPlan = item(saga, "incident_plan");
	assert.deepEqual(
		[sagaPlan.status, sagaPlan.clause?.path, sagaPlan.clause?.title],
		["different", "6(7)", "運用"],
	);
	assert.match(sagaPlan.note.ja, /緊急時対応計画/u);
	// Saga's CSIRT is recorded in its revision history (row 4, 平成30年6月), not in the body.
	const csirt = item(saga, "csirt");
	assert.deepEqual(
		[csirt.status, csirt.clause?.source, csirt.clause?.path, csirt.clause?.title],
		["present", "revision", "No.4", "平成30年6月"],
	);
});

test("Saga states social media and 特定個人情報, each pointing at its clause", () => {
	assert.deepEqual(at(saga, "social_media"), ["present", "6(8)"]);
	const spi = item(saga, "specific_personal_information");
	assert.deepEqual(
		[spi.status, spi.clause?.path, spi.clause?.title],
		["present", "11", "特定個人情報の取扱いに関する管理規程の策定"],
	);
});

test("differences in wording: duty, classification, cadence, risk analysis, document names", () => {
	assert.deepEqual(at(saga, "staff_duty"), ["different", "5"]);
	assert.deepEqual(at(kitakyushu, "staff_duty"), ["present", "5"]);
	assert.deepEqual(at(saga, "classification"), ["different", "6(2)"]);
	assert.deepEqual(at(kitakyushu, "classification"), ["present", "6(2)"]);
	assert.deepEqual(at(saga, "audit_self_inspection"), ["present", "7"]);
	assert.deepEqual(at(kitakyushu, "audit_self_inspection"), ["different", "7"]);
	assert.deepEqual(at(saga, "review_risk_analysis"), ["different", "8"]);
	assert.deepEqual(at(kitakyushu, "review_risk_analysis"), ["present", "8"]);
	assert.deepEqual(at(saga, "procedures_document"), ["different", "10"]);
	assert.deepEqual(at(kitakyushu, "external_services"), ["different", "6(8)"]);
});

test("both seeds state the common structure, with clause paths in half-width digits", () => {
	for (const result of [saga, kitakyushu]) {
		for (const code of ["purpose", "definitions", "threats", "organisation", "three_tier"]) {
			assert.equal(item(result, code).status, "present", code);
		}
		assert.deepEqual(at(result, "mynumber_mfa"), ["present", "6(3)①"]);
		assert.equal(result.items.length, BASELINE_PROVISIONS.length);
		const { present, different, missing } = result.summary;
		assert.equal(present + different + missing, result.items.length);
	}
	assert.deepEqual(at(saga, "scope_agencies"), ["present", "4(1)"]);
	assert.deepEqual(at(kitakyushu, "scope_assets"), ["present", "2(1)"]);
	assert.equal(kitakyushu.summary.missing, 6);
	assert.equal(saga.summary.missing, 0);
});

test("a bare policy misses most provisions; provisions the baseline does not ask for are skipped", () => {
	const imported = importPolicyText(
		"１ 目的\n守るために定める。\n２ 定義\n(1) 職員等\n全員をいう。\n",
	);
	const result = analyseGaps(imported, null, standard);
	assert.equal(item(result, "purpose").status, "present");
	assert.equal(item(result, "social_media").status, "missing");
	assert.equal(item(result, "social_media").tenantPackInForce, null);
	const lenient = structuredClone(standard);
	lenient.provisions.socialMedia.inForce = false;
	lenient.incident.csirt = false;
	const codes = analyseGaps(imported, null, lenient).items.map((i) => i.code);
	assert.ok(!codes.includes("social_media") && !codes.includes("csirt"));
});

test("label paths read the same whatever the width of digits and brackets", () => {
	assert.equal(normaliseLabel("（１０）"), "(10)");
	assert.equal(normaliseLabel("（７)"), "(7)");
	assert.equal(normaliseLabel("１１"), "11");
	assert.equal(normaliseLabel("①"), "①");
});
