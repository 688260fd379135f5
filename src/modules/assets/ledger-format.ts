import { termsOf } from "../../shared/vocabulary.ts";
import {
	ASSET_KINDS,
	ASSET_LIMITS,
	ASSET_ZONES,
	type AssetKind,
	type AssetZone,
	LIFECYCLE_STATES,
	type LifecycleState,
	PERSONAL_DATA,
} from "./assets.schemas.ts";

/**
 * The ledger's spreadsheet layout (docs/asset-ledger-format.md): Japanese headers, in this order
 * in the template and the export. `required` columns must be present in the header row;
 * `informational` columns are written by the export and ignored by the import.
 */
export const LEDGER_COLUMNS = [
	{ key: "code", header: "資産番号", required: true, max: ASSET_LIMITS.code },
	{ key: "name", header: "資産名", required: true, max: ASSET_LIMITS.name },
	{ key: "kind", header: "種別", required: true, max: 40 },
	{ key: "unit", header: "所管課", required: true, max: 200 },
	{ key: "unitName", header: "所管課名", required: false, max: 200, informational: true },
	{
		key: "managerName",
		header: "情報セキュリティ管理者",
		required: false,
		max: ASSET_LIMITS.managerName,
	},
	{ key: "location", header: "保管場所", required: false, max: ASSET_LIMITS.location },
	{ key: "zone", header: "ネットワーク区分", required: true, max: 40 },
	{ key: "classification", header: "格付け", required: true, max: 40 },
	{ key: "personalData", header: "個人情報", required: false, max: 40 },
	{ key: "retention", header: "保存期間", required: false, max: ASSET_LIMITS.retention },
	{ key: "lifecycle", header: "状態", required: false, max: 40 },
	{
		key: "relatedSystem",
		header: "関連システム",
		required: false,
		max: ASSET_LIMITS.relatedSystem,
	},
	{ key: "notes", header: "備考", required: false, max: ASSET_LIMITS.notes },
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type LedgerColumnKey = LedgerColumn["key"];

export const LEDGER_HEADERS: readonly string[] = LEDGER_COLUMNS.map((column) => column.header);

export const KIND_LABELS: Record<AssetKind, string> = termsOf("assetKind");
export const ZONE_LABELS: Record<AssetZone, string> = termsOf("assetZone");
export const PERSONAL_DATA_LABELS: Record<(typeof PERSONAL_DATA)[number], string> =
	termsOf("personalData");
export const LIFECYCLE_LABELS: Record<LifecycleState, string> = termsOf("lifecycle");

/** Other spellings people use, besides the labels above and the codes. */
const KIND_ALIASES: Record<string, AssetKind> = {
	システム: "systems",
	機器: "systems",
	媒体: "systems",
	"システム・機器": "systems",
	文書: "documents",
	関連文書: "documents",
};
const ZONE_ALIASES: Record<string, AssetZone> = {
	マイナンバー: "mynumber",
	マイナンバー系: "mynumber",
	マイナンバー利用事務: "mynumber",
	個人番号利用事務系: "mynumber",
	lgwan系: "lgwan",
	lgwan接続: "lgwan",
	インターネット系: "internet",
	インターネット接続: "internet",
};
const PERSONAL_ALIASES: Record<string, (typeof PERSONAL_DATA)[number]> = {
	"": "none",
	無: "none",
	無し: "none",
	"-": "none",
	あり: "personal",
	有: "personal",
	特定: "specific_personal",
	"特定個人情報（マイナンバー）": "specific_personal",
};
const LIFECYCLE_ALIASES: Record<string, LifecycleState> = {
	"": "in_use",
	// spellings of older screens and exports (RETIRED_SPELLINGS in shared/vocabulary.ts)
	運用中: "in_use",
	持出中: "taken_out",
	持出し中: "taken_out",
	廃棄済: "disposed",
	返却済: "returned",
	計画中: "planned",
	導入前: "planned",
	稼働中: "in_use",
	保管: "stored",
	廃棄予定: "disposal_pending",
	廃棄: "disposed",
	返却: "returned",
};

/** Width-fold, lower-case and drop spaces, so that `ＬＧＷＡＮ 接続系` finds `lgwan接続系`. */
function fold(text: string): string {
	return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

function vocabulary<T extends string>(
	codes: readonly T[],
	labels: Record<T, string>,
	aliases: Record<string, T>,
): (text: string) => T | undefined {
	const map = new Map<string, T>();
	for (const code of codes) {
		map.set(fold(code), code);
		map.set(fold(labels[code]), code);
	}
	for (const [alias, code] of Object.entries(aliases)) map.set(fold(alias), code);
	return (text) => map.get(fold(text));
}

export const parseKind = vocabulary(ASSET_KINDS, KIND_LABELS, KIND_ALIASES);
export const parseZone = vocabulary(ASSET_ZONES, ZONE_LABELS, ZONE_ALIASES);
export const parsePersonalData = vocabulary(PERSONAL_DATA, PERSONAL_DATA_LABELS, PERSONAL_ALIASES);
export const parseLifecycle = vocabulary(LIFECYCLE_STATES, LIFECYCLE_LABELS, LIFECYCLE_ALIASES);

/** The choices named in an error message: `情報, システム・機器・媒体, …`. */
export function choices(labels: Record<string, string>): string {
	return Object.values(labels).join("、");
}

/**
 * Undo the apostrophe our CSV export puts before a cell Excel would run as a formula
 * (`'=SUM(…)` → `=SUM(…)`), so that an exported file imports unchanged.
 */
export function unescapeCell(text: string): string {
	return /^'[=+\-@\t\r]/u.test(text) ? text.slice(1) : text;
}
