import type { Queryable } from "../../db/queryable.ts";
import { levelBand } from "./matrix.ts";
import { filterContext, type Register } from "./register.ts";
import { countCells } from "./risks.repository.ts";
import type { RiskFilter } from "./risks.schemas.ts";

/**
 * Counts of the caller's risks per likelihood × impact cell of the pack's matrix, on the inherent
 * or residual rating, under the register's filter. Every cell is listed, empty ones with 0.
 *
 * @example
 * const map = await heatMap(db, register, { basis: "residual", status: "active" });
 */
export async function heatMap(db: Queryable, register: Register, filter: RiskFilter) {
	const counts = await countCells(db, filterContext(register), {
		...filter,
		likelihood: undefined,
		impact: undefined,
	});
	const size = register.size;
	const cells = [];
	for (let likelihood = 1; likelihood <= size; likelihood++) {
		for (let impact = 1; impact <= size; impact++) {
			const score = likelihood * impact;
			const found = counts.find((c) => c.likelihood === likelihood && c.impact === impact);
			cells.push({ likelihood, impact, score, band: levelBand(score, size), count: found?.n ?? 0 });
		}
	}
	const total = counts.reduce((sum, c) => sum + c.n, 0);
	const inside = cells.reduce((sum, cell) => sum + cell.count, 0);
	return { basis: filter.basis, size, cells, total, outside: total - inside };
}
