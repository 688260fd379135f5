import { termsOf } from "../../../shared/vocabulary.ts";
import {
	ANSWER_SCALES,
	ANSWERERS,
	type Answerer,
	type AnswerScale,
	CHECKLIST_KINDS,
	CHECKLIST_LIMITS,
	type ChecklistItem,
	type ChecklistKind,
} from "./checklist-model.ts";

/**
 * The XLSX layout of a checklist (docs/checklist-format.md): a sheet with its heading (名称,
 * 種類, 説明), a sheet of items with Japanese headers, and a sheet of the codes the closed
 * columns take (their Excel drop-downs point there). Words are the shared vocabulary's.
 */

export const CHECKLIST_SHEETS = {
	info: "チェックリスト",
	items: "点検項目",
	codes: "コード",
} as const;

/** The layout's version, written in the heading sheet (様式の版). */
export const CHECKLIST_FORMAT_VERSION = "1";

export const INFO_HEADER = ["項目", "値"] as const;

/** The heading sheet's rows: a label in column A, its value in column B. */
export const INFO_ROWS = [
	{ key: "title", label: "名称", required: true },
	{ key: "kind", label: "種類", required: true },
	{ key: "description", label: "説明", required: false },
	{ key: "format", label: "様式の版", required: false },
] as const;
export type InfoKey = (typeof INFO_ROWS)[number]["key"];

/** The items sheet's columns, in the order an export writes them. */
export const ITEM_COLUMNS = [
	{ key: "number", header: "番号", required: true, max: CHECKLIST_LIMITS.number, width: 12 },
	{
		key: "policyClause",
		header: "基本方針",
		required: false,
		max: CHECKLIST_LIMITS.clause,
		width: 10,
	},
	{
		key: "standardsChapter",
		header: "対策基準",
		required: false,
		max: CHECKLIST_LIMITS.clause,
		width: 10,
	},
	{
		key: "question",
		header: "点検内容",
		required: true,
		max: CHECKLIST_LIMITS.question,
		width: 60,
	},
	{ key: "answerer", header: "回答者", required: true, max: 40, width: 16 },
	{ key: "scale", header: "回答の形式", required: true, max: 40, width: 22 },
	{ key: "levels", header: "段階", required: false, max: 600, width: 30 },
	{ key: "required", header: "必須", required: true, max: 10, width: 8 },
	{
		key: "evidence",
		header: "想定する証跡",
		required: false,
		max: CHECKLIST_LIMITS.evidence,
		width: 40,
	},
	{
		key: "packRef",
		header: "規程の参照",
		required: false,
		max: CHECKLIST_LIMITS.packRef,
		width: 30,
	},
] as const satisfies readonly {
	key: keyof ChecklistItem;
	header: string;
	required: boolean;
	max: number;
	width: number;
}[];

export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]["key"];
export const ITEM_HEADERS: readonly string[] = ITEM_COLUMNS.map((c) => c.header);

/** The header of an item field, for errors that name the column. */
export function headerOf(key: keyof ChecklistItem): string {
	return ITEM_COLUMNS.find((c) => c.key === key)?.header ?? key;
}

/** Levels are written in one cell, lowest first, separated by `|` (`｜` and line breaks read too). */
export const LEVEL_SEPARATOR = "|";

export function splitLevels(cell: string): string[] {
	if (cell.trim() === "") return [];
	return cell.split(/[|｜\n]/u).map((level) => level.trim());
}

export function joinLevels(levels: readonly string[]): string {
	return levels.join(LEVEL_SEPARATOR);
}

/** Words of 必須: はい / いいえ written; ○ / × and 1 / 0 read too; blank is いいえ. */
export const FLAG_WORDS = { yes: "はい", no: "いいえ" } as const;
const TRUE_WORDS = new Set(["はい", "○", "〇", "◯", "1", "true", "yes", "y", "必須"]);
const FALSE_WORDS = new Set(["", "いいえ", "×", "-", "－", "0", "false", "no", "n", "任意"]);

/** `はい` → true, `いいえ` or blank → false, anything else undefined. */
export function parseRequired(cell: string): boolean | undefined {
	const value = cell.trim().toLowerCase();
	if (TRUE_WORDS.has(value)) return true;
	if (FALSE_WORDS.has(value)) return false;
	return undefined;
}

const KIND_LABELS = termsOf("checklistKind");
const ANSWERER_LABELS = termsOf("checklistAnswerer");
const SCALE_LABELS = termsOf("checklistScale");

export const kindLabel = (kind: ChecklistKind) => KIND_LABELS[kind];
export const answererLabel = (answerer: Answerer) => ANSWERER_LABELS[answerer];
export const scaleLabel = (scale: AnswerScale) => SCALE_LABELS[scale];

/** Other names people write for who answers; the labels and codes are read as well. */
const ANSWERER_ALIASES: Readonly<Record<string, Answerer>> = {
	職員: "all_staff",
	職員等: "all_staff",
	全員: "all_staff",
	情報セキュリティ管理者: "manager",
	所属長: "manager",
	課長: "manager",
	情報システム管理者: "system_admin",
};

const SCALE_ALIASES: Readonly<Record<string, AnswerScale>> = {
	"はい/いいえ/該当なし": "yes_no_na",
	"はい・いいえ": "yes_no_na",
	段階評価: "level",
};

function fold(text: string): string {
	return text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}

function lookup<C extends string>(
	cell: string,
	codes: readonly C[],
	labels: Record<C, string>,
	aliases: Readonly<Record<string, C>> = {},
): C | undefined {
	const folded = fold(cell);
	for (const code of codes) {
		if (fold(code) === folded || fold(labels[code]) === folded) return code;
	}
	for (const [alias, code] of Object.entries(aliases)) if (fold(alias) === folded) return code;
	return undefined;
}

export const parseKind = (cell: string) => lookup(cell, CHECKLIST_KINDS, KIND_LABELS);
export const parseAnswerer = (cell: string) =>
	lookup(cell, ANSWERERS, ANSWERER_LABELS, ANSWERER_ALIASES);
export const parseScale = (cell: string) =>
	lookup(cell, ANSWER_SCALES, SCALE_LABELS, SCALE_ALIASES);

/** The choices of a closed column, as an error lists them. */
export const CHOICES = {
	kind: CHECKLIST_KINDS.map((k) => KIND_LABELS[k]),
	answerer: ANSWERERS.map((a) => ANSWERER_LABELS[a]),
	scale: ANSWER_SCALES.map((s) => SCALE_LABELS[s]),
	required: [FLAG_WORDS.yes, FLAG_WORDS.no],
} as const;

/** A header as written, matched without spaces or width differences. */
export function foldHeader(text: string): string {
	return text.normalize("NFKC").replace(/\s+/gu, "");
}
