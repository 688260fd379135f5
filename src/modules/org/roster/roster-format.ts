import { japaneseDateOrNull } from "../../../shared/japanese-dates.ts";
import type { Role } from "../../authz/roles.ts";

/**
 * The roster's column layout (docs/roster-format.md): Japanese headers, in this order in the
 * template. `max` bounds each cell; `required` columns must be present and filled.
 */
export const ROSTER_COLUMNS = [
	{ key: "staffNumber", header: "職員番号", required: true, max: 20 },
	{ key: "displayName", header: "氏名", required: true, max: 100 },
	{ key: "username", header: "ユーザー名", required: true, max: 64 },
	{ key: "email", header: "メールアドレス", required: false, max: 254 },
	{ key: "category", header: "職員区分", required: true, max: 40 },
	{ key: "unitCode", header: "所属コード", required: true, max: 40 },
	{ key: "title", header: "役職", required: false, max: 100 },
	{ key: "roles", header: "役割", required: false, max: 500 },
	{ key: "worksInMynumber", header: "マイナンバー利用事務", required: false, max: 10 },
	// 和暦 (令和元年12月31日) and a time of day Excel's CSV adds are read: room beyond 10.
	{ key: "effectiveDate", header: "発令日", required: false, max: 24 },
] as const;

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]["key"];
export type RosterCells = Record<RosterColumnKey, string>;

export const ROSTER_HEADERS: readonly string[] = ROSTER_COLUMNS.map((c) => c.header);

/** Roles the roster manages: those of 組織体制. Administration and audit roles stay manual. */
export const ROSTER_ROLES: readonly Role[] = [
	"ciso",
	"chief_officer",
	"department_officer",
	"section_manager",
	"system_admin",
	"csirt",
	"committee_member",
];

/** Short Japanese names accepted in the 役割 column besides the role codes. */
export const ROLE_ALIASES: Readonly<Record<string, Role>> = {
	CISO: "ciso",
	最高情報セキュリティ責任者: "ciso",
	統括: "chief_officer",
	統括情報セキュリティ責任者: "chief_officer",
	責任者: "department_officer",
	情報セキュリティ責任者: "department_officer",
	管理者: "section_manager",
	情報セキュリティ管理者: "section_manager",
	システム管理者: "system_admin",
	情報システム管理者: "system_admin",
	CSIRT: "csirt",
	委員: "committee_member",
	委員会: "committee_member",
	情報セキュリティ委員会: "committee_member",
};

const TRUE_WORDS = new Set(["1", "true", "yes", "y", "はい", "○", "〇", "◯", "有", "あり"]);
const FALSE_WORDS = new Set(["", "0", "false", "no", "n", "いいえ", "×", "-", "－", "無", "なし"]);

/** `○` / `はい` / `1` → true, blank / `×` / `いいえ` / `0` → false, anything else undefined. */
export function parseFlag(text: string): boolean | undefined {
	const value = text.trim().toLowerCase();
	if (TRUE_WORDS.has(value)) return true;
	if (FALSE_WORDS.has(value)) return false;
	return undefined;
}

/**
 * A 発令日 as the instant it starts in Japan (midnight JST), or undefined when it is not a real
 * date. Reads every form `readJapaneseDate` does: 2026-04-01, 2026/4/1, 令和8年4月1日, R8.4.1, …
 *
 * @example
 * parseEffectiveDate("2026/4/1"); // "2026-03-31T15:00:00.000Z"
 */
export function parseEffectiveDate(text: string): string | undefined {
	const iso = japaneseDateOrNull(text);
	return iso === null ? undefined : japanMidnight(iso);
}

/** The instant a Japan day (`YYYY-MM-DD`) begins. */
export function japanMidnight(iso: string): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) - 9 * 3600_000).toISOString();
}

/** Today's date in Japan, as the instant it started. */
export function todayInJapan(now: Date = new Date()): string {
	const japan = new Date(now.getTime() + 9 * 3600_000);
	const midnight = Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate());
	return new Date(midnight - 9 * 3600_000).toISOString();
}

/** One example row for the template. */
export const TEMPLATE_EXAMPLE: readonly string[] = [
	"100234",
	"山田 花子",
	"yamada.hanako",
	"yamada.hanako@example.lg.jp",
	"職員",
	"joho-seisaku",
	"課長",
	"管理者@joho-seisaku; 委員",
	"×",
	"2026-04-01",
];
