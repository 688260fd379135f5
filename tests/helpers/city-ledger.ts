import ExcelJS from "exceljs";

export interface CityLedgerOptions {
	unitCode: string;
	/** The 管理番号 of each row, as written (full-width digits if the caller wants them). */
	codes: string[];
	/** The 機密性 cell of each row (極秘 by default). */
	confidentiality?: string[];
	/** The header of the name column (情報資産の名称 by default). */
	nameHeader?: string;
	/** Title rows above the header (1 by default). */
	titleRows?: number;
	/** The name of each row (台帳の資産1, 台帳の資産2… by default). */
	names?: string[];
	/** A 登録日 column (before 通し番号) with these cells: 和暦 as cities write it (令和5年4月1日, R5.4.1). */
	registeredOn?: string[];
	/** The 所管課 code and 通し番号 in full-width digits (０１０…), as typed in many ledgers. */
	fullWidth?: boolean;
	/** A blank row, then a total row (合計 … ｎ件) at the bottom. */
	totalRow?: boolean;
}

/** Full-width digits for the ASCII ones (the rest as it is). */
export function fullWidthDigits(text: string): string {
	return text.replace(/[0-9]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

/**
 * A city's own ledger as Excel writes it, in a layout Mamori's template does not have: a title
 * row, a two-row header whose 格付 is a real merged cell over 機密性・完全性・可用性 (and cells
 * merged down both header rows), blank (bordered) rows between data rows, and a column Mamori does
 * not know; optionally a 登録日 column in 和暦, full-width digits and a total row.
 *
 * @example
 * const bytes = await cityLedgerXlsx({ unitCode: "010000", codes: ["A-1", "A-2"] });
 */
export async function cityLedgerXlsx(options: CityLedgerOptions): Promise<Uint8Array> {
	const dated = options.registeredOn !== undefined;
	const digits = (text: string) => (options.fullWidth ? fullWidthDigits(text) : text);
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet("台帳");
	const titles = options.titleRows ?? 1;
	sheet.addRow(["令和6年度 情報資産管理台帳（財政課）"]);
	sheet.mergeCells(dated ? "A1:J1" : "A1:I1");
	for (let i = 1; i < titles; i++) sheet.addRow([`（令和6年4月1日現在 その${i}）`]);
	const top = titles + 1;
	const last = dated ? ["登録日", "通し番号"] : ["通し番号"];
	sheet.addRow([
		"管理番号",
		options.nameHeader ?? "情報資産の名称",
		"所管課",
		"媒体",
		"ネットワーク",
		"格付",
		"",
		"",
		...last,
	]);
	sheet.addRow(["", "", "", "", "", "機密性", "完全性", "可用性", ...last.map(() => "")]);
	sheet.mergeCells(`F${top}:H${top}`);
	const merged = ["A", "B", "C", "D", "E", "I", ...(dated ? ["J"] : [])];
	for (const column of merged) sheet.mergeCells(`${column}${top}:${column}${top + 1}`);
	const width = merged.length + 3;
	// A blank row of a bordered table, as Excel keeps it: cells with a border and no value.
	const blankRow = () => {
		const row = sheet.addRow([]);
		for (let column = 1; column <= width; column++) {
			row.getCell(column).border = { bottom: { style: "thin" } };
		}
	};
	options.codes.forEach((code, i) => {
		if (i > 0) blankRow();
		sheet.addRow([
			code,
			options.names?.[i] ?? `台帳の資産${i + 1}`,
			digits(options.unitCode),
			i % 2 === 0 ? "電子" : "紙",
			"LGWAN接続系",
			options.confidentiality?.[i] ?? "極秘",
			"高",
			"高",
			...(dated ? [options.registeredOn?.[i] ?? ""] : []),
			options.fullWidth ? digits(String(i + 1)) : i + 1,
		]);
	});
	if (options.totalRow) {
		blankRow();
		const count = digits(`${options.codes.length}件`);
		sheet.addRow(["合計", "", "", "", "", "", "", "", ...(dated ? [""] : []), count]);
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
