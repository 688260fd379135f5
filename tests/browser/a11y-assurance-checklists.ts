import { malformedChecklistFile } from "../helpers/checklist-world.ts";
import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog, checkState } from "./axe.ts";

/**
 * The checklist screens of the accessibility walk: the import dialog with its list of errors
 * by row and column, a checklist's page with its items (and filtered to none), and the dialog
 * importing a new version.
 */
export async function checklistScreens(walk: Walk): Promise<void> {
	const { t, page } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/assurance/checklists");
	await checkDialog(
		t,
		page,
		"checklist import",
		button("チェックリストを取り込む"),
		async (dialog) => {
			await dialog.getByLabel("チェックリストのファイル（.xlsx）").setInputFiles({
				name: "点検.xlsx",
				mimeType: "application/octet-stream",
				buffer: await malformedChecklistFile(),
			});
			await dialog.getByRole("button", { name: "検査する" }).click();
			await dialog.getByTestId("checklist-import-errors").waitFor();
			await assertAccessible(page, "the checklist import dialog with its errors", "dialog[open]");
		},
	);
	await page.getByTestId("checklist-table").getByRole("link").first().click();
	await page.getByTestId("checklist-items").waitFor();
	await t.test("page: a checklist and its items", () =>
		assertAccessible(page, "the page of a checklist"),
	);
	await checkState(t, page, "checklist items filtered to none", async () => {
		await page.getByLabel("番号・点検内容・証跡").fill("該当する項目のない語");
		await page.getByText("条件に合う項目はありません。").waitFor();
	});
	await checkDialog(t, page, "checklist new version import", button("新しい版を取り込む"));
}
