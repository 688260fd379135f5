import { Problem } from "./problem.ts";

/**
 * Why a file a user brought (XLSX or CSV) cannot be read, as stable codes with parameters. The
 * text for a person comes from this one catalogue: the web's catalogues include it under
 * `fileIssue.<code>`, the CLI and import reports fill it in here. Library wording never appears.
 */
export const FILE_ISSUE_TEXT = {
	file_empty: { ja: "ファイルが空です。", en: "The file is empty." },
	file_binary: {
		ja: "ファイルに NUL バイトが含まれています。CSV でも XLSX でもないバイナリファイルです。",
		en: "The file contains NUL bytes: it is binary, not a CSV or XLSX file.",
	},
	file_encoding: {
		ja: "ファイルは UTF-8 でも Shift_JIS でもなく、XLSX ブックでもありません。",
		en: "The file is neither UTF-8 nor Shift_JIS text, nor an XLSX workbook.",
	},
	csv_unclosed_quote: {
		ja: '{row}行目: 引用符（"）で始まる項目が閉じられていません。',
		en: 'Row {row}: a quoted (") field is never closed.',
	},
	too_many_rows: {
		ja: "データ行が上限の {limit} 行を超えています。",
		en: "The sheet has more than {limit} data rows.",
	},
	too_many_columns: {
		ja: "{row}行目の列数が上限の {limit} 列を超えています。",
		en: "Row {row} has more than {limit} columns.",
	},
	cell_too_long: {
		ja: "{row}行目 {column}列目の値が上限の {limit} 文字を超えています。",
		en: "Row {row}, column {column} is longer than {limit} characters.",
	},
	xlsx_no_sheet: { ja: "ブックにシートがありません。", en: "The workbook has no sheet." },
	xlsx_required: {
		ja: "XLSX ブック（Excel 形式）を選んでください。CSV や他の形式は取り込めません。",
		en: "Choose an XLSX (Excel) workbook; CSV and other formats cannot be imported here.",
	},
	xlsx_too_many_sheets: {
		ja: "ブックのシート数が上限の {limit} を超えています。",
		en: "The workbook has more than {limit} sheets.",
	},
	xlsx_unreadable: {
		ja: "ZIP 形式のファイルですが、XLSX ブックとして読めません。",
		en: "The file is a ZIP archive but not a readable XLSX workbook.",
	},
	xlsx_part_unreadable: {
		ja: "XLSX ブックの部品「{part}」が壊れているため読めません。",
		en: 'The workbook part "{part}" is damaged and cannot be read.',
	},
	xlsx_sheet_unreadable: {
		ja: "シート「{sheet}」の {row} 行目付近が壊れているため読めません。",
		en: 'Sheet "{sheet}" cannot be read near row {row}: the file is damaged.',
	},
	xlsx_too_many_parts: {
		ja: "XLSX ブックの部品数（{parts}）が上限の {limit} を超えています。",
		en: "The workbook has {parts} parts, more than the limit of {limit}.",
	},
	xlsx_part_too_large: {
		ja: "XLSX ブックの部品「{part}」は展開すると上限の {limit} MB を超えます。",
		en: 'The workbook part "{part}" expands past the limit of {limit} MB.',
	},
	xlsx_too_large: {
		ja: "XLSX ブックは展開すると合計で上限の {limit} MB を超えます。",
		en: "The workbook expands past the limit of {limit} MB in total.",
	},
	xlsx_ratio: {
		ja: "XLSX ブックの部品「{part}」の圧縮率が上限の {limit} 倍を超えています（ZIP 爆弾の疑い）。",
		en: 'The workbook part "{part}" expands more than {limit} times its compressed size (a possible ZIP bomb).',
	},
	// Rows of a ledger file: the column is named by the error itself, the values are the file's.
	column_unknown: {
		ja: "不明な列見出し「{header}」です（使える見出し: {headers}）",
		en: "Unknown column header 「{header}」 (headers that can be used: {headers})",
	},
	column_duplicate: {
		ja: "列見出し「{header}」が2回あります",
		en: "The column header 「{header}」 appears twice",
	},
	column_missing: {
		ja: "必須の列「{header}」がありません",
		en: "The required column 「{header}」 is missing",
	},
	value_too_long: {
		ja: "{max}文字以内にしてください（{length}文字あります）",
		en: "At most {max} characters, please (it has {length})",
	},
	value_required: { ja: "「{header}」は必須です", en: "「{header}」 must be filled in" },
	asset_code_chars: {
		ja: "資産番号に空白や / \\ は使えません",
		en: "An asset ID cannot contain spaces, / or \\",
	},
	asset_code_repeated: {
		ja: "資産番号「{value}」は{first}行目と重複しています",
		en: "The asset ID 「{value}」 repeats row {first}",
	},
	asset_code_not_yours: {
		ja: "資産番号「{value}」は既に台帳にあり、あなたが変更できない課の資産です",
		en: "The asset ID 「{value}」 is in the ledger already, owned by a unit you cannot change",
	},
	value_not_in_list: {
		ja: "「{value}」は「{header}」の選択肢にありません（{choices}）",
		en: "「{value}」 is not one of the choices of 「{header}」 ({choices})",
	},
	unit_not_found: {
		ja: "所管課コード「{value}」はこの団体の組織にありません",
		en: "The unit code 「{value}」 is not a unit of this organisation",
	},
	unit_not_managed: {
		ja: "所管課「{value}」はあなたが管理する課ではありません",
		en: "The unit 「{value}」 is not one you manage",
	},
	class_not_in_scheme: {
		ja: "格付け「{value}」はこの団体の格付け区分にありません（選べる値: {allowed}）",
		en: "The classification 「{value}」 is not in this organisation's scheme; choose from {allowed}",
	},
	cloud_service_code_chars: {
		ja: "サービス番号に空白やカンマは使えません",
		en: "A service number cannot contain spaces or commas",
	},
	cloud_service_code_repeated: {
		ja: "サービス番号「{value}」は{first}行目と重複しています",
		en: "The service number 「{value}」 repeats row {first}",
	},
	cloud_service_date_invalid: {
		ja: "「{value}」は日付ではありません（例: 2027-03-31）",
		en: "「{value}」 is not a date (for example 2027-03-31)",
	},
	value_repeated: {
		ja: "「{value}」は{first}行目と重複しています",
		en: "「{value}」 repeats row {first}",
	},
	date_invalid: {
		ja: "「{value}」は日付ではありません（例: 2026-04-01）",
		en: "「{value}」 is not a date (e.g. 2026-04-01)",
	},
	date_outside_era: {
		ja: "「{value}」は{era}にない日付です（この元号は {first}〜{last}）",
		en: "「{value}」 is not a day of the era {era} ({first}–{last})",
	},
	number_invalid: {
		ja: "「{value}」は数値ではありません（例: 1,234）",
		en: "「{value}」 is not a number (e.g. 1,234)",
	},
	date_order: {
		ja: "終了日が開始日より前です",
		en: "The end is before the start",
	},
	training_staff_number_unknown: {
		ja: "職員番号「{value}」は在職中の職員名簿にありません",
		en: "The staff number 「{value}」 is not on the active roster",
	},
	training_staff_not_owing: {
		ja: "職員番号「{value}」の職員はこの研修の対象ではありません",
		en: "The member of staff 「{value}」 does not owe this course",
	},
	training_staff_other_unit: {
		ja: "職員番号「{value}」の職員は、あなたが記録できる課に属していません",
		en: "The member of staff 「{value}」 is in a unit whose attendance you do not record",
	},
	yes_no_invalid: {
		ja: "「{value}」は はい/いいえ（1/0）ではありません",
		en: "「{value}」 is not yes/no (1/0)",
	},
	contractor_code_unknown: {
		ja: "委託先コード「{value}」は登録されていません",
		en: "The contractor code 「{value}」 is not registered",
	},
	contract_asset_code_unknown: {
		ja: "資産番号「{value}」は台帳にありません",
		en: "The asset ID 「{value}」 is not in the ledger",
	},
	contract_clause_code_unknown: {
		ja: "条項「{value}」はチェックリストにありません（{choices}）",
		en: "The clause 「{value}」 is not in the checklist ({choices})",
	},
	contract_code_closed: {
		ja: "契約番号「{value}」の契約は終了しているか、あなたが変更できない課の契約です",
		en: "The contract 「{value}」 has ended or belongs to a unit you cannot change",
	},
	// Rows of a card reader's entry log (入退室記録): see docs/secure-area-entries-csv.md.
	secure_area_unknown: {
		ja: "区域コード「{value}」の管理区域はありません",
		en: "There is no secure area with the code 「{value}」",
	},
	secure_area_not_managed: {
		ja: "管理区域「{value}」の記録はその区域の管理者（または統括・CISO）だけが取り込めます",
		en: "Only the manager of the area 「{value}」 (or the chief officer or CISO) imports its log",
	},
	secure_area_staff_unknown: {
		ja: "職員番号「{value}」は職員名簿にありません",
		en: "The staff number 「{value}」 is not on the staff roster",
	},
	secure_area_time_invalid: {
		ja: "「{value}」は日時ではありません（例: 2026-04-01 08:30）",
		en: "「{value}」 is not a date and time (for example 2026-04-01 08:30)",
	},
	secure_area_time_in_future: {
		ja: "「{value}」は未来の日時です",
		en: "「{value}」 is in the future",
	},
	secure_area_exit_before_entry: {
		ja: "退室日時が入室日時より前です",
		en: "The exit is before the entry",
	},
	secure_area_person_one_of: {
		ja: "職員番号か来訪者氏名のどちらか一方を入力してください",
		en: "Enter either a staff number or a visitor's name, not both",
	},
	secure_area_escort_missing: {
		ja: "来訪者には同行職員番号が必要です",
		en: "A visitor needs the staff number of the escort",
	},
	secure_area_escort_for_staff: {
		ja: "同行職員番号は来訪者の行にだけ入力します",
		en: "An escort is only given for a visitor",
	},
	// A saved or given column mapping that does not fit the file (docs/column-mapping.md).
	mapping_column_absent: {
		ja: "マッピングの列「{header}」がファイルの見出し（{row}行目）にありません",
		en: "The mapping's column 「{header}」 is not in the file's header (row {row})",
	},
	mapping_kind_mismatch: {
		ja: "このマッピングは「{kind}」の取り込み用です",
		en: "This mapping is for the 「{kind}」 import",
	},
	mapping_field_unknown: {
		ja: "マッピングの項目「{field}」はこの取り込みにありません",
		en: "The mapping's field 「{field}」 is not one of this import",
	},
	header_row_missing: {
		ja: "見出し行がありません（空のファイルです）",
		en: "There is no header row (the file is empty)",
	},
	// Rows of a staff roster (名簿): the column is named beside the error; values are the file's.
	roster_no_rows: { ja: "データ行がありません", en: "The roster has no data rows" },
	roster_staff_number_repeated: {
		ja: "職員番号「{value}」は{first}行目と重複しています",
		en: "The staff number 「{value}」 repeats row {first}",
	},
	roster_username_repeated: {
		ja: "ユーザー名「{value}」は{first}行目と重複しています",
		en: "The user name 「{value}」 repeats row {first}",
	},
	roster_username_invalid: {
		ja: "ユーザー名は英数字・ピリオド・下線・ハイフンで2〜64文字にしてください",
		en: "A user name has 2 to 64 letters, digits, periods, underscores or hyphens",
	},
	roster_username_fixed: {
		ja: "この職員のユーザー名は「{current}」です（変更できません）",
		en: "This staff member's user name is 「{current}」 and cannot be changed",
	},
	roster_username_taken: {
		ja: "このユーザー名は職員番号 {staffNumber} の職員が使っています",
		en: "This user name belongs to staff number {staffNumber}",
	},
	roster_username_disabled: {
		ja: "このユーザー名のアカウントは無効にされています",
		en: "The account with this user name has been disabled",
	},
	roster_email_invalid: {
		ja: "メールアドレスの形式ではありません",
		en: "This is not an e-mail address",
	},
	roster_category_unknown: {
		ja: "職員区分「{value}」はありません",
		en: "There is no staff category 「{value}」",
	},
	roster_unit_unknown: {
		ja: "所属コード「{value}」はこの団体の組織にありません",
		en: "The unit code 「{value}」 is not a unit of this organisation",
	},
	roster_role_unknown: {
		ja: "役割「{token}」は使えません",
		en: "The role 「{token}」 cannot be used",
	},
	roster_role_needs_unit: {
		ja: "役割「{token}」には「@所属コード」で組織を指定してください",
		en: "The role 「{token}」 needs its unit: add 「@unit code」",
	},
	roster_role_unit_unknown: {
		ja: "役割「{token}」の所属コード「{value}」はこの団体の組織にありません",
		en: "The unit code 「{value}」 of the role 「{token}」 is not a unit of this organisation",
	},
	roster_role_tenant_wide: {
		ja: "役割「{token}」は団体全体の役割です。組織は指定できません",
		en: "The role 「{token}」 covers the whole organisation: it takes no unit",
	},
	roster_flag_invalid: {
		ja: "○ か × で入力してください",
		en: "Enter ○ (yes) or × (no)",
	},
	roster_date_invalid: {
		ja: "日付（例: 2026-04-01）で入力してください",
		en: "Enter a date (for example 2026-04-01)",
	},
	roster_self_missing: {
		ja: "あなた自身（職員番号 {staffNumber}）が名簿にありません。自分のアカウントは無効にできません",
		en: "You (staff number {staffNumber}) are not in the roster; you cannot disable your own account",
	},
} as const satisfies Record<string, { ja: string; en: string }>;

export type FileIssueCode = keyof typeof FILE_ISSUE_TEXT;
export type FileIssueParams = Record<string, string | number>;

/** The catalogue text of an issue with its `{name}` placeholders filled in. */
export function fileIssueText(
	code: FileIssueCode,
	params: FileIssueParams = {},
	lang: "ja" | "en" = "ja",
): string {
	return FILE_ISSUE_TEXT[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole,
	);
}

/**
 * The `validation_failed` problem for an unreadable file: the issue carries the code and its
 * parameters (part, sheet, row, column, limit); message and detail are the English catalogue text.
 *
 * @example
 * throw fileProblem("xlsx_part_too_large", { part: "xl/worksheets/sheet1.xml", limit: 256 });
 */
export function fileProblem(code: FileIssueCode, params: FileIssueParams = {}): Problem {
	const message = fileIssueText(code, params, "en");
	return new Problem("validation_failed", message, {
		issues: [{ path: "file", message, code, params }],
	});
}

/** The file issue a problem carries, if it is one. */
export function fileIssueOf(
	error: unknown,
): { code: FileIssueCode; params: FileIssueParams } | null {
	if (!(error instanceof Problem)) return null;
	const issue = error.issues[0];
	if (!issue?.code || !Object.hasOwn(FILE_ISSUE_TEXT, issue.code)) return null;
	return { code: issue.code as FileIssueCode, params: issue.params ?? {} };
}
