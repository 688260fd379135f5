import type { PolicyPack } from "../policies/pack/pack.schema.ts";

export const LEVEL_BANDS = ["low", "medium", "high"] as const;
export type LevelBand = (typeof LEVEL_BANDS)[number];
export type MatrixSize = PolicyPack["riskMatrix"]["size"];

/**
 * The lowest score of the medium and high bands for each matrix size. Chosen so that a cell is
 * high when both axes are above the middle or one is at the top and the other in the middle,
 * and low only in the bottom-left corner:
 * 3×3: 1–2 low, 3–4 medium, 6–9 high; 4×4: 1–3, 4–8, 9–16; 5×5: 1–4, 5–12, 15–25.
 */
export const BAND_THRESHOLDS: Readonly<Record<MatrixSize, { medium: number; high: number }>> = {
	3: { medium: 3, high: 6 },
	4: { medium: 4, high: 9 },
	5: { medium: 5, high: 15 },
};

/** A risk's rating on one basis (inherent or residual). */
export interface Rating {
	likelihood: number;
	impact: number;
}

/**
 * Score = likelihood × impact.
 *
 * @example
 * riskScore({ likelihood: 2, impact: 3 }) // 6
 */
export function riskScore(rating: Rating): number {
	return rating.likelihood * rating.impact;
}

/**
 * The band of a score on a matrix of `size` steps per axis.
 *
 * @example
 * levelBand(6, 3) // "high"
 * levelBand(6, 5) // "medium"
 */
export function levelBand(score: number, size: MatrixSize): LevelBand {
	const threshold = BAND_THRESHOLDS[size];
	if (score >= threshold.high) return "high";
	if (score >= threshold.medium) return "medium";
	return "low";
}

/** The scores (inclusive) that fall in a band, for filtering in SQL. */
export function bandScores(band: LevelBand, size: MatrixSize): { min: number; max: number } {
	const threshold = BAND_THRESHOLDS[size];
	if (band === "low") return { min: 1, max: threshold.medium - 1 };
	if (band === "medium") return { min: threshold.medium, max: threshold.high - 1 };
	return { min: threshold.high, max: size * size };
}

/** A rating outside the matrix, naming the field. */
export interface MatrixIssue {
	path: string;
	message: string;
	code: "risk_rating_off_matrix";
	params: { field: string; max: number };
}

/**
 * Check that both steps are whole numbers from 1 to the matrix size; returns the problems found.
 *
 * @example
 * ratingIssues({ likelihood: 4, impact: 1 }, 3, "inherent") // [{ path: "inherent.likelihood", … }]
 */
export function ratingIssues(rating: Rating, size: MatrixSize, path: string): MatrixIssue[] {
	const issues: MatrixIssue[] = [];
	for (const axis of ["likelihood", "impact"] as const) {
		const step = rating[axis];
		if (!Number.isInteger(step) || step < 1 || step > size) {
			issues.push({
				path: `${path}.${axis}`,
				message: `must be a step from 1 to ${size} of the ${size}×${size} risk matrix`,
				code: "risk_rating_off_matrix",
				params: { field: axis, max: size },
			});
		}
	}
	return issues;
}

/** The matrix size the pack declares (3 when the pack predates the field). */
export function matrixSize(pack: PolicyPack): MatrixSize {
	return pack.riskMatrix.size ?? 3;
}
