import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { Problem } from "../../../shared/problem.ts";
import { BUNDLED_PACK_IDS, type BundledPackId } from "../../policies/pack/load-pack.ts";
import {
	ANSWER_SCALES,
	ANSWERERS,
	CHECKLIST_KINDS,
	type ChecklistContent,
	canonicalItem,
	checkHeading,
	checkItem,
	repeatedNumbers,
} from "./checklist-model.ts";

/**
 * The checklists shipped with Mamori (bundled/*.yaml): for each bundled pack a self-inspection
 * checklist (every measure of 基本方針 6 and the pack's own rules) and an audit checklist after
 * the chapters of a 対策基準, as MIC's audit guideline groups its items. Written by us; a city
 * adds them to its tenant and edits them by importing a new version.
 */

export const BUNDLED_CHECKLIST_IDS = [
	"standard.self_inspection",
	"standard.audit",
	"saga.self_inspection",
	"saga.audit",
	"kitakyushu.self_inspection",
	"kitakyushu.audit",
] as const;
export type BundledChecklistId = (typeof BUNDLED_CHECKLIST_IDS)[number];

export interface BundledChecklist extends ChecklistContent {
	id: BundledChecklistId;
	pack: BundledPackId;
}

const DIR = resolve(import.meta.dirname, "bundled");

const itemSchema = z.strictObject({
	number: z.string(),
	policyClause: z.string().nullable().default(null),
	standardsChapter: z.string().nullable().default(null),
	question: z.string(),
	answerer: z.enum(ANSWERERS),
	scale: z.enum(ANSWER_SCALES).default("yes_no_na"),
	levels: z.array(z.string()).default([]),
	required: z.boolean().default(true),
	evidence: z.string().nullable().default(null),
	packRef: z.string().nullable().default(null),
});

const fileSchema = z.strictObject({
	id: z.enum(BUNDLED_CHECKLIST_IDS),
	pack: z.enum(BUNDLED_PACK_IDS),
	kind: z.enum(CHECKLIST_KINDS),
	title: z.string(),
	description: z.string().nullable().default(null),
	items: z.array(itemSchema).min(1),
});

export function isBundledChecklistId(id: string): id is BundledChecklistId {
	return (BUNDLED_CHECKLIST_IDS as readonly string[]).includes(id);
}

/** Every problem of a bundled file, as `path: code` lines (empty: it is valid). */
export function bundledProblems(checklist: ChecklistContent): string[] {
	const problems = checkHeading(checklist).map((issue) => `${issue.field}: ${issue.code}`);
	for (const [index, item] of checklist.items.entries()) {
		for (const issue of checkItem(item))
			problems.push(`items.${index}.${issue.field}: ${issue.code}`);
	}
	for (const [index, first] of repeatedNumbers(checklist.items)) {
		problems.push(`items.${index}.number: repeats items.${first}`);
	}
	return problems;
}

const cache = new Map<BundledChecklistId, BundledChecklist>();

/**
 * A bundled checklist, read and checked once per process: the same rules as an import, so it
 * round-trips through XLSX. A file that breaks them is a bug of ours and throws.
 *
 * @example
 * loadBundledChecklist("saga.self_inspection").items.length;
 */
export function loadBundledChecklist(id: string): BundledChecklist {
	if (!isBundledChecklistId(id)) {
		throw new Problem("not_found", `no bundled checklist "${id}"`);
	}
	let checklist = cache.get(id);
	if (!checklist) {
		const parsed = fileSchema.parse(parse(readFileSync(resolve(DIR, `${id}.yaml`), "utf8")));
		if (parsed.id !== id) throw new Error(`bundled checklist ${id}: the file names ${parsed.id}`);
		checklist = { ...parsed, items: parsed.items.map(canonicalItem) };
		const problems = bundledProblems(checklist);
		if (problems.length > 0) {
			throw new Error(`bundled checklist ${id} is invalid: ${problems.join("; ")}`);
		}
		cache.set(id, checklist);
	}
	return structuredClone(checklist);
}

/** The bundled checklists of a pack (none for a pack that is not bundled), self-inspection first. */
export function bundledChecklistsOf(packId: string): BundledChecklist[] {
	return BUNDLED_CHECKLIST_IDS.filter((id) => id.startsWith(`${packId}.`)).map(
		loadBundledChecklist,
	);
}

/** Every bundled checklist, in the order of `BUNDLED_CHECKLIST_IDS`. */
export function listBundledChecklists(): BundledChecklist[] {
	return BUNDLED_CHECKLIST_IDS.map(loadBundledChecklist);
}
