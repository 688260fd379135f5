import type { Queryable } from "../../../db/queryable.ts";
import { toCsv } from "../../../shared/csv.ts";
import { writeXlsx } from "../../../shared/tabular.ts";
import { currentTenantPack } from "../../policies/pack/tenant-pack.repository.ts";
import { ROSTER_HEADERS, TEMPLATE_EXAMPLE } from "./roster-format.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The roster template: headers and one example row, plus (in XLSX) a sheet listing the
 * tenant's staff categories and role tokens so that people can copy valid values.
 */
export async function rosterTemplate(
	db: Queryable,
	tenantId: string,
	format: "xlsx" | "csv",
): Promise<{ bytes: Uint8Array; type: string }> {
	if (format === "csv") {
		const text = toCsv([...ROSTER_HEADERS], [[...TEMPLATE_EXAMPLE]]);
		return { bytes: new TextEncoder().encode(text), type: "text/csv; charset=utf-8" };
	}
	const pack = await currentTenantPack(db, tenantId);
	const bytes = await writeXlsx([
		{ name: "名簿", header: [...ROSTER_HEADERS], rows: [[...TEMPLATE_EXAMPLE]] },
		{
			name: "職員区分",
			header: ["職員区分", "コード"],
			rows: (pack?.pack.staffCategories ?? []).map((c) => [c.label.ja, c.code]),
		},
	]);
	return { bytes, type: XLSX_TYPE };
}
