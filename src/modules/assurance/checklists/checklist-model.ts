import type { PolicyPack } from "../../policies/pack/pack.schema.ts";

/**
 * A checklist as data: what a version holds, whichever way it came (a bundled file, an XLSX
 * import). One set of rules (`checkItem`, `checkContent`) decides what an item may be, so a
 * bundled checklist can never hold what an import would refuse.
 */

export const CHECKLIST_KINDS = ["self_inspection", "audit"] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/** Who answers an item: every member of staff, the unit's 管理者, or the システム管理者. */
export const ANSWERERS = ["all_staff", "manager", "system_admin"] as const;
export type Answerer = (typeof ANSWERERS)[number];

/** はい / いいえ / 該当なし, or one of the item's own levels. */
export const ANSWER_SCALES = ["yes_no_na", "level"] as const;
export type AnswerScale = (typeof ANSWER_SCALES)[number];

export interface ChecklistItem {
	/** The item's number after the policy's sections (`6(2)-1`, `2.1-3`), unique in a version. */
	number: string;
	/** The 基本方針 clause it checks, `6(2)` or `6(3)①`. */
	policyClause: string | null;
	/** The 対策基準 chapter it checks, `2` or `2.1`. */
	standardsChapter: string | null;
	question: string;
	answerer: Answerer;
	scale: AnswerScale;
	/** The `level` scale's names, lowest first; empty for `yes_no_na`. */
	levels: string[];
	required: boolean;
	/** The evidence expected (証跡). */
	evidence: string | null;
	/** A rule or provision of the policy pack: `rule:pc_off_when_leaving`, `provision:freeMail`. */
	packRef: string | null;
}

export interface ChecklistContent {
	kind: ChecklistKind;
	title: string;
	description: string | null;
	items: ChecklistItem[];
}

/** Bounds of a checklist's fields; the XLSX layout and the bundled files share them. */
export const CHECKLIST_LIMITS = {
	title: 200,
	description: 2000,
	number: 32,
	clause: 16,
	question: 1000,
	evidence: 1000,
	level: 40,
	minLevels: 2,
	maxLevels: 10,
	packRef: 80,
	/** Items of one version. */
	items: 3000,
} as const;

export const PROVISION_KEYS = [
	"outsourcing",
	"cloudServices",
	"externalServices",
	"socialMedia",
	"specificPersonalInformation",
	"freeMail",
	"webConferencing",
	"nonBusinessBrowsingBan",
] as const satisfies readonly (keyof PolicyPack["provisions"])[];

const FULL_WIDTH_DIGIT = /[０-９]/gu;

/**
 * A clause as people type it, written the one way we store it: half-width digits and brackets,
 * no spaces. Circled numbers (①) stay as they are (NFKC would turn them into digits).
 *
 * @example
 * normalizeClause("６（２） ①"); // "6(2)①"
 */
export function normalizeClause(text: string): string {
	return text
		.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
		.replace(/（/gu, "(")
		.replace(/）/gu, ")")
		.replace(/[．。]/gu, ".")
		.replace(/\s+/gu, "");
}

/** 基本方針 clauses: `6`, `6(2)`, `6(3)①`. */
const POLICY_CLAUSE = /^\d{1,2}(\(\d{1,2}\))?[①-⑳]?$/u;
/** 対策基準 chapters: `2`, `2.1`, `2.1.3`. */
const STANDARDS_CHAPTER = /^\d{1,2}(\.\d{1,2}){0,3}$/u;
const RULE_REF = /^rule:[a-z][a-z0-9_]{0,59}$/u;
const NUMBER_CHARS = /^[^\s\p{Cc}]+$/u;

/** Why one field of an item is refused: the field, a stable code and its parameters. */
export interface ItemIssue {
	field: keyof ChecklistItem;
	code: string;
	params: Record<string, string | number>;
}

function tooLong(field: keyof ChecklistItem, value: string, max: number): ItemIssue[] {
	return value.length > max
		? [{ field, code: "value_too_long", params: { max, length: value.length } }]
		: [];
}

/** Whether a pack reference names something a pack can hold (not whether this pack has it). */
export function isPackRef(value: string): boolean {
	if (RULE_REF.test(value)) return true;
	const [kind, key] = value.split(":");
	return kind === "provision" && (PROVISION_KEYS as readonly string[]).includes(key ?? "");
}

/**
 * Every problem of one item, as field issues (empty: the item is valid). Numbers repeated across
 * items are `checkContent`'s to find.
 *
 * @example
 * checkItem({ ...item, scale: "level", levels: ["未実施"] }); // [{ field: "levels", code: "checklist_levels_count", … }]
 */
export function checkItem(item: ChecklistItem): ItemIssue[] {
	const issues: ItemIssue[] = [];
	const limits = CHECKLIST_LIMITS;
	if (item.number === "") issues.push({ field: "number", code: "value_required", params: {} });
	else if (!NUMBER_CHARS.test(item.number))
		issues.push({
			field: "number",
			code: "checklist_number_chars",
			params: { value: item.number },
		});
	issues.push(...tooLong("number", item.number, limits.number));
	if (item.policyClause === null && item.standardsChapter === null) {
		issues.push({ field: "policyClause", code: "checklist_clause_missing", params: {} });
	}
	if (item.policyClause !== null && !POLICY_CLAUSE.test(item.policyClause)) {
		issues.push({
			field: "policyClause",
			code: "checklist_policy_clause_invalid",
			params: { value: item.policyClause },
		});
	}
	if (item.standardsChapter !== null && !STANDARDS_CHAPTER.test(item.standardsChapter)) {
		issues.push({
			field: "standardsChapter",
			code: "checklist_chapter_invalid",
			params: { value: item.standardsChapter },
		});
	}
	if (item.question === "") issues.push({ field: "question", code: "value_required", params: {} });
	issues.push(...tooLong("question", item.question, limits.question));
	issues.push(...checkLevels(item));
	if (item.evidence !== null) issues.push(...tooLong("evidence", item.evidence, limits.evidence));
	if (item.packRef !== null && !isPackRef(item.packRef)) {
		issues.push({
			field: "packRef",
			code: "checklist_pack_ref_invalid",
			params: { value: item.packRef },
		});
	}
	return issues;
}

function checkLevels(item: ChecklistItem): ItemIssue[] {
	const { minLevels, maxLevels, level } = CHECKLIST_LIMITS;
	if (item.scale === "yes_no_na") {
		return item.levels.length > 0
			? [{ field: "levels", code: "checklist_levels_unexpected", params: {} }]
			: [];
	}
	if (item.levels.length === 0)
		return [{ field: "levels", code: "checklist_levels_missing", params: {} }];
	const issues: ItemIssue[] = [];
	if (item.levels.length < minLevels || item.levels.length > maxLevels) {
		issues.push({
			field: "levels",
			code: "checklist_levels_count",
			params: { min: minLevels, max: maxLevels, count: item.levels.length },
		});
	}
	const seen = new Set<string>();
	for (const name of item.levels) {
		if (name === "") issues.push({ field: "levels", code: "checklist_level_empty", params: {} });
		else if (seen.has(name))
			issues.push({ field: "levels", code: "checklist_level_repeated", params: { value: name } });
		seen.add(name);
		issues.push(...tooLong("levels", name, level));
	}
	return issues;
}

/** Where an item's number first appeared, for the second one's issue. */
export function repeatedNumbers(items: readonly { number: string }[]): Map<number, number> {
	const first = new Map<string, number>();
	const repeats = new Map<number, number>();
	for (const [index, item] of items.entries()) {
		const seen = first.get(item.number);
		if (seen === undefined) first.set(item.number, index);
		else repeats.set(index, seen);
	}
	return repeats;
}

/** The title and description limits, and at least one item and at most the limit. */
export function checkHeading(content: Pick<ChecklistContent, "title" | "description">): {
	field: "title" | "description";
	code: string;
	params: Record<string, string | number>;
}[] {
	const issues: {
		field: "title" | "description";
		code: string;
		params: Record<string, string | number>;
	}[] = [];
	if (content.title === "") issues.push({ field: "title", code: "value_required", params: {} });
	if (content.title.length > CHECKLIST_LIMITS.title) {
		issues.push({
			field: "title",
			code: "value_too_long",
			params: { max: CHECKLIST_LIMITS.title, length: content.title.length },
		});
	}
	const description = content.description ?? "";
	if (description.length > CHECKLIST_LIMITS.description) {
		issues.push({
			field: "description",
			code: "value_too_long",
			params: { max: CHECKLIST_LIMITS.description, length: description.length },
		});
	}
	return issues;
}

/** An item with its fields in one order, so that equal items serialise alike. */
export function canonicalItem(item: ChecklistItem): ChecklistItem {
	return {
		number: item.number,
		policyClause: item.policyClause,
		standardsChapter: item.standardsChapter,
		question: item.question,
		answerer: item.answerer,
		scale: item.scale,
		levels: [...item.levels],
		required: item.required,
		evidence: item.evidence,
		packRef: item.packRef,
	};
}

/** Whether two versions hold the same checklist: title, description and items alike. */
export function sameContent(a: ChecklistContent, b: ChecklistContent): boolean {
	return (
		a.kind === b.kind &&
		a.title === b.title &&
		a.description === b.description &&
		JSON.stringify(a.items.map(canonicalItem)) === JSON.stringify(b.items.map(canonicalItem))
	);
}
