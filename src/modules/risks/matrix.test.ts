import assert from "node:assert/strict";
import { test } from "node:test";
import { BUNDLED_PACK_IDS, loadBundledPack } from "../policies/pack/load-pack.ts";
import { policyPackSchema } from "../policies/pack/pack.schema.ts";
import { bandScores, levelBand, matrixSize, ratingIssues, riskScore } from "./matrix.ts";

test("the score is likelihood × impact", () => {
	assert.equal(riskScore({ likelihood: 1, impact: 1 }), 1);
	assert.equal(riskScore({ likelihood: 2, impact: 3 }), 6);
	assert.equal(riskScore({ likelihood: 5, impact: 5 }), 25);
});

test("bands on a 3×3 matrix: 1–2 low, 3–4 medium, 6–9 high", () => {
	const bands = [1, 2, 3, 4, 6, 9].map((score) => levelBand(score, 3));
	assert.deepEqual(bands, ["low", "low", "medium", "medium", "high", "high"]);
});

test("the same score falls lower on a bigger matrix", () => {
	assert.equal(levelBand(6, 3), "high");
	assert.equal(levelBand(6, 4), "medium");
	assert.equal(levelBand(6, 5), "medium");
	assert.equal(levelBand(4, 4), "medium");
	assert.equal(levelBand(3, 4), "low");
	assert.equal(levelBand(12, 5), "medium");
	assert.equal(levelBand(15, 5), "high");
	assert.equal(levelBand(25, 5), "high");
});

test("band score ranges cover every cell of each matrix exactly once", () => {
	for (const size of [3, 4, 5] as const) {
		for (let l = 1; l <= size; l++) {
			for (let i = 1; i <= size; i++) {
				const score = l * i;
				const holding = (["low", "medium", "high"] as const).filter((band) => {
					const { min, max } = bandScores(band, size);
					return score >= min && score <= max;
				});
				assert.deepEqual(holding, [levelBand(score, size)], `${size}×${size} cell ${l},${i}`);
			}
		}
	}
});

test("ratings are checked against the matrix size, naming the field", () => {
	assert.deepEqual(ratingIssues({ likelihood: 3, impact: 3 }, 3, "inherent"), []);
	const issues = ratingIssues({ likelihood: 4, impact: 0 }, 3, "residual");
	assert.deepEqual(
		issues.map((issue) => issue.path),
		["residual.likelihood", "residual.impact"],
	);
	assert.match(issues[0]?.message ?? "", /1 to 3/);
	assert.deepEqual(ratingIssues({ likelihood: 4, impact: 5 }, 5, "inherent"), []);
	assert.equal(ratingIssues({ likelihood: 1.5, impact: 1 }, 5, "inherent").length, 1);
});

test("the bundled packs use a 3×3 matrix; 4×4 and 5×5 need as many labels", () => {
	for (const id of BUNDLED_PACK_IDS) assert.equal(matrixSize(loadBundledPack(id)), 3);
	const base = loadBundledPack("standard");
	const labels = (n: number) => Array.from({ length: n }, (_, i) => ({ ja: `${i}`, en: `${i}` }));
	const five = { ...base, riskMatrix: { size: 5, likelihood: labels(5), impact: labels(5) } };
	assert.equal(matrixSize(policyPackSchema.parse(five)), 5);
	const short = { ...base, riskMatrix: { size: 4, likelihood: labels(3), impact: labels(4) } };
	assert.equal(policyPackSchema.safeParse(short).success, false);
});
