import {
	type ListValidation,
	listSource,
	type SheetOut,
	writeXlsx,
} from "../../../shared/tabular.ts";
import type { PolicyPack } from "../../policies/pack/pack.schema.ts";
import {
	answererLabel,
	CHECKLIST_FORMAT_VERSION,
	CHECKLIST_SHEETS,
	CHOICES,
	FLAG_WORDS,
	INFO_HEADER,
	ITEM_COLUMNS,
	ITEM_HEADERS,
	type ItemColumnKey,
	joinLevels,
	kindLabel,
	scaleLabel,
} from "./checklist-format.ts";
import { type ChecklistContent, type ChecklistItem, PROVISION_KEYS } from "./checklist-model.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A pack reference the codes sheet offers, with what it stands for. */
export interface PackRefCode {
	ref: string;
	description: string;
}

/** The pack references a tenant's pack offers: its notable rules, then the provisions it states. */
export function packRefCodes(pack: PolicyPack | undefined): PackRefCode[] {
	if (!pack) return [];
	const rules = pack.notableRules.map((rule) => ({
		ref: `rule:${rule.code}`,
		description: rule.summary.ja,
	}));
	const provisions = PROVISION_KEYS.filter((key) => pack.provisions[key].inForce).map((key) => ({
		ref: `provision:${key}`,
		description: pack.provisions[key].note?.ja ?? "",
	}));
	return [...rules, ...provisions];
}

function cellsOf(item: ChecklistItem): Record<ItemColumnKey, string> {
	return {
		number: item.number,
		policyClause: item.policyClause ?? "",
		standardsChapter: item.standardsChapter ?? "",
		question: item.question,
		answerer: answererLabel(item.answerer),
		scale: scaleLabel(item.scale),
		levels: joinLevels(item.levels),
		required: item.required ? FLAG_WORDS.yes : FLAG_WORDS.no,
		evidence: item.evidence ?? "",
		packRef: item.packRef ?? "",
	};
}

const CODE_COLUMNS = ["種類", "回答者", "回答の形式", "必須", "規程の参照", "規程の内容"] as const;

/**
 * A checklist as an XLSX workbook in the documented layout (docs/checklist-format.md): its
 * heading, its items, and the codes sheet the drop-downs of 回答者, 回答の形式 and 必須 draw
 * from (規程の参照 offers the tenant's pack references but accepts others). With no items it
 * is the empty template. Reading it back gives the same checklist.
 *
 * @example
 * const bytes = await checklistWorkbook(content, packRefCodes(pack));
 */
export async function checklistWorkbook(
	content: Pick<ChecklistContent, "kind" | "title" | "description" | "items"> | null,
	packRefs: readonly PackRefCode[],
): Promise<Buffer> {
	const codes = CHECKLIST_SHEETS.codes;
	const lists = [CHOICES.kind, CHOICES.answerer, CHOICES.scale, CHOICES.required];
	const depth = Math.max(packRefs.length, ...lists.map((list) => list.length));
	const codeRows = Array.from({ length: depth }, (_, row) => [
		...lists.map((list) => list[row] ?? ""),
		packRefs[row]?.ref ?? "",
		packRefs[row]?.description ?? "",
	]);
	const columnOf = (key: ItemColumnKey) => ITEM_COLUMNS.findIndex((c) => c.key === key);
	const validations: ListValidation[] = [];
	const drop = (key: ItemColumnKey, codeColumn: number, length: number, strict: boolean) => {
		const formula = listSource(codes, codeColumn, 2, length + 1);
		if (formula) {
			validations.push({
				column: columnOf(key),
				formula,
				errorStyle: strict ? "stop" : "information",
			});
		}
	};
	drop("answerer", 1, CHOICES.answerer.length, true);
	drop("scale", 2, CHOICES.scale.length, true);
	drop("required", 3, CHOICES.required.length, true);
	drop("packRef", 4, packRefs.length, false);
	const sheets: SheetOut[] = [
		{
			name: CHECKLIST_SHEETS.info,
			header: [...INFO_HEADER],
			rows: [
				["名称", content?.title ?? ""],
				["種類", content ? kindLabel(content.kind) : ""],
				["説明", content?.description ?? ""],
				["様式の版", CHECKLIST_FORMAT_VERSION],
			],
			widths: [14, 80],
		},
		{
			name: CHECKLIST_SHEETS.items,
			header: [...ITEM_HEADERS],
			rows: (content?.items ?? []).map((item) => {
				const cells = cellsOf(item);
				return ITEM_COLUMNS.map((column) => cells[column.key]);
			}),
			widths: ITEM_COLUMNS.map((column) => column.width),
			validations,
			textColumns: [columnOf("number"), columnOf("policyClause"), columnOf("standardsChapter")],
		},
		{
			name: codes,
			header: [...CODE_COLUMNS],
			rows: codeRows,
			widths: [12, 18, 24, 8, 36, 60],
		},
	];
	return writeXlsx(sheets);
}
