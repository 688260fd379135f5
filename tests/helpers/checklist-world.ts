import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { addBundledChecklist } from "../../src/modules/assurance/checklists/add-bundled-checklist.ts";
import {
	CHECKLIST_SHEETS,
	INFO_HEADER,
	ITEM_HEADERS,
} from "../../src/modules/assurance/checklists/checklist-format.ts";
import { checklistWorkbook } from "../../src/modules/assurance/checklists/checklist-workbook.ts";
import {
	findVersion,
	itemOf,
	listChecklists,
	listItemRows,
} from "../../src/modules/assurance/checklists/checklists.repository.ts";
import { saveNextVersion } from "../../src/modules/assurance/checklists/save-checklist.ts";
import { auditContextOf } from "../../src/modules/audit-log/record-audit.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { writeXlsx } from "../../src/shared/tabular.ts";

/** The IT-policy section's head (統括), for checklist fixtures without an account of their own. */
export function checklistActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "checklist-factory",
		label: "統括情報セキュリティ責任者（点検テスト）",
		roles: [{ role: "chief_officer", orgUnitId: null }],
		ip: null,
	};
}

/** The id of the tenant's copy of a bundled checklist, added through the use case when missing. */
export async function bundledChecklistId(
	deps: AppDeps,
	tenantId: string,
	bundledId = "standard.self_inspection",
): Promise<string> {
	const found = (await listChecklists(deps.db, tenantId)).find(
		(row) => row.bundled_id === bundledId,
	);
	if (found) return found.id;
	const row = await inTransaction(deps.db, (tx) =>
		addBundledChecklist(tx, checklistActor(tenantId), bundledId),
	);
	return row.id;
}

/**
 * A new version of the tenant's copy of a bundled checklist whose first question is changed, so
 * that it no longer holds the bundled items (adding the bundled one again makes a version).
 */
export async function editBundledCopy(deps: AppDeps, tenantId: string, bundledId: string) {
	const id = await bundledChecklistId(deps, tenantId, bundledId);
	await inTransaction(deps.db, async (tx) => {
		const [row] = (await listChecklists(tx, tenantId)).filter((r) => r.id === id);
		if (!row) throw new Error(`no checklist ${id}`);
		const latest = await findVersion(tx, tenantId, id, Number(row.latest_version));
		if (!latest) throw new Error(`no latest version of ${id}`);
		const items = (await listItemRows(tx, tenantId, latest.id)).map((item) => {
			const { id: _, ...rest } = itemOf(item);
			return rest;
		});
		const [first, ...rest] = items;
		if (!first) throw new Error(`checklist ${id} has no items`);
		await saveNextVersion(
			tx,
			auditContextOf(checklistActor(tenantId)),
			id,
			{
				kind: row.kind as "self_inspection" | "audit",
				title: latest.title,
				description: latest.description,
				items: [{ ...first, question: `${first.question}（改訂）` }, ...rest],
			},
			{ source: "import", name: "edited.xlsx" },
		);
	});
	return id;
}

/** Rows in every table checklists own: the standard self-inspection checklist, in two versions. */
export async function makeChecklistFixtures(deps: AppDeps, tenantId: string) {
	await editBundledCopy(deps, tenantId, "standard.self_inspection");
}

/** A small self-inspection checklist as the workbook a city would bring. */
export async function checklistFile(title = "庁内自己点検"): Promise<Buffer> {
	return checklistWorkbook(
		{
			kind: "self_inspection",
			title,
			description: null,
			items: [
				{
					number: "6(4)-1",
					policyClause: "6(4)",
					standardsChapter: "4.4",
					question: "離席するとき、画面をロックしているか。",
					answerer: "all_staff",
					scale: "yes_no_na",
					levels: [],
					required: true,
					evidence: null,
					packRef: null,
				},
				{
					number: "6(5)-1",
					policyClause: "6(5)",
					standardsChapter: "5.2",
					question: "所属の研修の受講状況はどうか。",
					answerer: "manager",
					scale: "level",
					levels: ["未受講が多い", "半数以上", "全員"],
					required: false,
					evidence: "受講者一覧",
					packRef: null,
				},
			],
		},
		[],
	);
}

/**
 * A workbook with three errors on its items sheet: an unknown answerer (row 2), a level scale
 * without levels and a repeated number (row 3).
 */
export function malformedChecklistFile(): Promise<Buffer> {
	const item = (number: string, question: string, answerer: string, scale: string) => [
		number,
		"6(4)",
		"4.4",
		question,
		answerer,
		scale,
		"",
		"はい",
		"",
		"",
	];
	return writeXlsx([
		{
			name: CHECKLIST_SHEETS.info,
			header: [...INFO_HEADER],
			rows: [
				["名称", "庁内自己点検"],
				["種類", "自己点検"],
			],
		},
		{
			name: CHECKLIST_SHEETS.items,
			header: [...ITEM_HEADERS],
			rows: [
				item("6(4)-1", "離席時に画面をロックしているか。", "来庁者", "はい・いいえ・該当なし"),
				item("6(4)-1", "退庁時に電源を切っているか。", "全職員", "段階"),
			],
		},
	]);
}
