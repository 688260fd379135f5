import { openDatabase } from "../../src/db/connection.ts";
import { makeCourse, putOnRoster } from "../helpers/training-world.ts";
import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog } from "./axe.ts";

/** The training pages of the accessibility walk (by path). */
export function trainingPages(): string[] {
	return ["/training", "/training/mine"];
}

/**
 * The e-learning quiz of わたしの研修, the plan dialog, and a course's page (attendees, the
 * change dialog, the attendance import dialog) and a drill's (results per unit, the drill CSV dialog). The
 * administrator joins the roster here (after the roster import, which refuses a file without its
 * importer), then owes a new course with a quiz.
 */
export async function trainingScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const handle = openDatabase({ dataDir: world.dataDir });
	let inPerson: { id: string; fiscal_year: number };
	let drill: { id: string; fiscal_year: number };
	try {
		const deps = { db: handle.db };
		const tenant = await handle.db
			.selectFrom("accounts")
			.select("tenant_id")
			.where("id", "=", world.adminId)
			.executeTakeFirstOrThrow();
		await putOnRoster(deps, tenant.tenant_id, world.adminId, world.unitId);
		await makeCourse(deps, tenant.tenant_id, { title: "確認テストつき研修" });
		const plain = { quiz: null, passMark: null } as const;
		inPerson = await makeCourse(deps, tenant.tenant_id, {
			...plain,
			title: "集合研修（管理職）",
			kind: "in_person",
		});
		drill = await makeCourse(deps, tenant.tenant_id, {
			...plain,
			title: "標的型メール訓練",
			kind: "phishing_drill",
		});
	} finally {
		await handle.db.destroy();
	}
	await walk.visit("/training/mine");
	await checkDialog(
		t,
		page,
		"training quiz",
		page.getByRole("button", { name: "確認テストを受ける", exact: true }).first(),
	);
	await walk.visit("/training");
	await checkDialog(
		t,
		page,
		"training plan",
		page.getByRole("button", { name: "研修を計画", exact: true }),
		async (dialog) => {
			// The e-learning form adds the quiz editor: checked too.
			await dialog.getByLabel("形式").selectOption("e_learning");
			await dialog.getByTestId("quiz-editor").waitFor();
		},
	);
	await walk.visit(`/training/courses/${inPerson.id}?fiscalYear=${inPerson.fiscal_year}`);
	await page.getByRole("table", { name: "対象者" }).waitFor();
	await assertAccessible(page, "a course's attendees, to record by hand");
	await checkDialog(
		t,
		page,
		"training attendance import",
		page.getByRole("button", { name: "受講者名簿を取り込む", exact: true }),
	);
	await checkDialog(
		t,
		page,
		"training course change",
		page.getByRole("button", { name: "研修を変更", exact: true }),
	);
	await walk.visit(`/training/courses/${drill.id}?fiscalYear=${drill.fiscal_year}`);
	await page.getByRole("heading", { name: "課別の訓練結果" }).waitFor();
	await assertAccessible(page, "a phishing drill's results per unit");
	await checkDialog(
		t,
		page,
		"training drill import",
		page.getByRole("button", { name: "訓練結果のCSVを取り込む", exact: true }),
	);
}
