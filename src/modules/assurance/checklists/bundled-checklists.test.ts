import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { loadBundledPack } from "../../policies/pack/load-pack.ts";
import {
	BUNDLED_CHECKLIST_IDS,
	bundledChecklistsOf,
	listBundledChecklists,
	loadBundledChecklist,
} from "./bundled-checklists.ts";
import { PROVISION_KEYS } from "./checklist-model.ts";
import { checklistWorkbook, packRefCodes } from "./checklist-workbook.ts";
import { readChecklistWorkbook } from "./read-checklist-workbook.ts";

/** The measures of 基本方針 6 (DOMAIN.md §1), 6(3) by its three tiers. */
const MEASURES = [
	"6(1)",
	"6(2)",
	"6(3)①",
	"6(3)②",
	"6(3)③",
	"6(4)",
	"6(5)",
	"6(6)",
	"6(7)",
	"6(8)",
	"6(9)",
];

/** The chapters of a 対策基準 an audit checklist walks through (organisation … evaluation). */
const CHAPTERS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

describe("every bundled checklist", () => {
	for (const checklist of listBundledChecklists()) {
		describe(checklist.id, () => {
			test("round-trips through XLSX: export, import, the same heading and items", async () => {
				const pack = loadBundledPack(checklist.pack);
				const bytes = await checklistWorkbook(checklist, packRefCodes(pack));
				const back = await readChecklistWorkbook(bytes);
				assert.deepEqual(back.errors, []);
				assert.deepEqual(back.content, {
					kind: checklist.kind,
					title: checklist.title,
					description: checklist.description,
					items: checklist.items,
				});
			});

			test("refers only to rules and provisions its pack states", () => {
				const pack = loadBundledPack(checklist.pack);
				const known = new Set(packRefCodes(pack).map((code) => code.ref));
				const unknown = checklist.items
					.map((item) => item.packRef)
					.filter((ref): ref is string => ref !== null && !known.has(ref));
				assert.deepEqual(unknown, []);
			});
		});
	}

	test("each bundled pack has a self-inspection and an audit checklist", () => {
		for (const pack of ["standard", "saga", "kitakyushu"]) {
			assert.deepEqual(
				bundledChecklistsOf(pack).map((c) => c.kind),
				["self_inspection", "audit"],
				pack,
			);
		}
		assert.deepEqual(bundledChecklistsOf("my-city"), []);
	});
});

describe("what the bundled checklists cover", () => {
	for (const id of BUNDLED_CHECKLIST_IDS.filter((id) => id.endsWith(".self_inspection"))) {
		test(`${id}: every measure of 基本方針 6, and every rule and provision of its pack`, () => {
			const checklist = loadBundledChecklist(id);
			const pack = loadBundledPack(checklist.pack);
			const clauses = new Set(checklist.items.map((item) => item.policyClause));
			assert.deepEqual(
				MEASURES.filter((measure) => !clauses.has(measure)),
				[],
			);
			const refs = new Set(checklist.items.map((item) => item.packRef));
			const rules = pack.notableRules.map((rule) => `rule:${rule.code}`);
			const provisions = PROVISION_KEYS.filter((key) => pack.provisions[key].inForce).map(
				(key) => `provision:${key}`,
			);
			assert.deepEqual(
				[...rules, ...provisions].filter((ref) => !refs.has(ref)),
				[],
			);
			const answerers = new Set(checklist.items.map((item) => item.answerer));
			assert.deepEqual([...answerers].sort(), ["all_staff", "manager", "system_admin"]);
		});
	}

	for (const id of BUNDLED_CHECKLIST_IDS.filter((id) => id.endsWith(".audit"))) {
		test(`${id}: items grouped by every chapter of a 対策基準, each with the evidence to see`, () => {
			const checklist = loadBundledChecklist(id);
			const chapters = checklist.items.map((item) => item.standardsChapter?.split(".")[0]);
			assert.deepEqual(
				CHAPTERS.filter((chapter) => !chapters.includes(chapter)),
				[],
			);
			assert.deepEqual(
				checklist.items.filter((item) => !item.evidence).map((item) => item.number),
				[],
			);
		});
	}

	test("Saga's self-inspection asks about PCs off when leaving, free mail, browsing and web conferences", () => {
		const refs = loadBundledChecklist("saga.self_inspection").items.map((item) => item.packRef);
		for (const ref of [
			"rule:pc_off_when_leaving",
			"provision:freeMail",
			"provision:nonBusinessBrowsingBan",
			"provision:webConferencing",
		]) {
			assert.ok(refs.includes(ref), ref);
		}
	});

	test("no sentence of the seed policies is copied into a bundled checklist", () => {
		const seeds = ["000_2ada437c7fa3d3e9.txt", "004_34f5ad730ec06e4b.txt"].map((name) =>
			readFileSync(
				resolve(import.meta.dirname, "../../../../../shared/seeds", name),
				"utf8",
			).replace(/\s+/gu, ""),
		);
		for (const checklist of listBundledChecklists()) {
			for (const item of checklist.items) {
				// Any run of 25 characters of a question found in a seed would be a copy.
				const text = item.question.replace(/\s+/gu, "");
				for (let start = 0; start + 25 <= text.length; start += 5) {
					const piece = text.slice(start, start + 25);
					assert.ok(!seeds.some((seed) => seed.includes(piece)), `${checklist.id} ${item.number}`);
				}
			}
		}
	});
});
