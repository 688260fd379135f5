import ExcelJS from "exceljs";

export interface CityLedgerOptions {
	unitCode: string;
	codes: string[];
	/** The 機密性 cell of each row (極秘 by default). */
	confidentiality?: string[];
	/** The header of the name column (情報資産の名称 by default). */
	nameHeader?: string;
	/** Title rows above the header (1 by default). */
	titleRows?: number;
}

/**
 * A city's own ledger as Excel writes it, in a layout Mamori's template does not have: a title
 * row, a two-row header whose 格付 is a real merged cell over 機密性・完全性・可用性 (and cells
 * merged down both header rows), blank rows between data rows, and a column Mamori does not know.
 *
 * @example
 * const bytes = await cityLedgerXlsx({ unitCode: "010000", codes: ["A-1", "A-2"] });
 */
export async function cityLedgerXlsx(options: CityLedgerOptions): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet("台帳");
	const titles = options.titleRows ?? 1;
	sheet.addRow(["令和6年度 情報資産管理台帳（財政課）"]);
	sheet.mergeCells("A1:I1");
	for (let i = 1; i < titles; i++) sheet.addRow([`（令和6年4月1日現在 その${i}）`]);
	const top = titles + 1;
	sheet.addRow([
		"管理番号",
		options.nameHeader ?? "情報資産の名称",
		"所管課",
		"媒体",
		"ネットワーク",
		"格付",
		"",
		"",
		"通し番号",
	]);
	sheet.addRow(["", "", "", "", "", "機密性", "完全性", "可用性", ""]);
	sheet.mergeCells(`F${top}:H${top}`);
	for (const column of ["A", "B", "C", "D", "E", "I"]) {
		sheet.mergeCells(`${column}${top}:${column}${top + 1}`);
	}
	options.codes.forEach((code, i) => {
		if (i > 0) sheet.addRow([]);
		sheet.addRow([
			code,
			`台帳の資産${i + 1}`,
			options.unitCode,
			i % 2 === 0 ? "電子" : "紙",
			"LGWAN接続系",
			options.confidentiality?.[i] ?? "極秘",
			"高",
			"高",
			i + 1,
		]);
	});
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
