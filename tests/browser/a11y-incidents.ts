import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog, checkState } from "./axe.ts";

/**
 * The incident screens of the accessibility walk: the report form and its receipt, triage, the
 * transitions, a filing, a risk raised from the case and re-rated from it, a task and an evidence file (with its
 * refusal of a file over the limit).
 */
export async function incidentScreens(walk: Walk): Promise<void> {
	const { t, page } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/incidents/report");
	await checkState(t, page, "incident report sent", async () => {
		await page.getByLabel("何が起きたか").fill("業務用ノートPCを庁舎外で紛失した。");
		await page.getByLabel("個人情報が含まれるおそれがある").check();
		await button("報告する").click();
		await page.getByRole("status").filter({ hasText: "報告を受け付けました" }).waitFor();
	});
	await walk.visit(`/incidents/${walk.world.reportedIncidentId}`);
	await checkDialog(t, page, "incident triage", button("トリアージする"));
	await checkDialog(t, page, "incident reject", button("インシデントではないと判断"));
	await walk.visit(`/incidents/${walk.world.triagedIncidentId}`);
	await checkDialog(t, page, "incident re-assess", button("評価を変更"));
	await checkDialog(t, page, "incident contain", button("封じ込め済みにする"));
	await checkDialog(t, page, "incident close", button("完了にする"), async (dialog) => {
		await dialog.getByRole("button", { name: "完了にする" }).click();
		await dialog.getByRole("alert").waitFor();
		await assertAccessible(page, "the close dialog refusing without 再発防止", "dialog[open]");
	});
	await checkDialog(t, page, "incident filing", button("確報の提出を記録"));
	await checkDialog(t, page, "incident raise risk", button("リスクとして登録"), async (dialog) => {
		// The form follows the register's options, loaded when the dialog opens.
		await dialog.getByLabel("脅威", { exact: true }).waitFor();
		await assertAccessible(page, "the raise-risk form", "dialog[open]");
	});
	await checkState(t, page, "incident risk raised", async () => {
		await button("リスクとして登録").click();
		const dialog = page.locator("dialog[open]");
		await dialog.getByLabel("脅威", { exact: true }).waitFor();
		await dialog.getByRole("button", { name: "リスクを登録する" }).click();
		await page.getByTestId("incident-risk-raised").waitFor();
	});
	await checkDialog(
		t,
		page,
		"incident rescore risk",
		page.getByTestId("incident-linked-risks").getByRole("button", { name: /を再評価$/ }),
		async (dialog) => {
			// The risk's ratings now and the matrix, loaded when the dialog opens.
			await dialog.getByLabel("再評価の理由").waitFor();
			await assertAccessible(page, "the rescore-risk form", "dialog[open]");
		},
	);
	const tasks = page.getByRole("region", { name: "対応の作業" });
	await checkDialog(t, page, "incident task add", button("作業を追加"));
	await checkDialog(t, page, "incident task edit", tasks.getByRole("button", { name: "編集" }));
	await checkDialog(
		t,
		page,
		"incident evidence add",
		button("証跡ファイルを追加"),
		async (dialog) => {
			await dialog.getByLabel("ファイル", { exact: true }).setInputFiles({
				name: "大きすぎる.bin",
				mimeType: "application/octet-stream",
				buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
			});
			await dialog.getByRole("alert").waitFor();
			await assertAccessible(
				page,
				"the evidence dialog refusing a file over the limit",
				"dialog[open]",
			);
		},
	);
	// The reporting chain told the administrator (CISO here) of the triaged case: acknowledged,
	// nothing waits any more.
	await walk.visit(`/incidents/${walk.world.triagedIncidentId}`);
	await checkState(t, page, "incident chain acknowledged", async () => {
		await button("確認しました").click();
		await page.getByRole("status").filter({ hasText: "確認を記録しました。" }).waitFor();
	});
	await walk.visit("/incidents/to-acknowledge");
	await checkState(t, page, "no incident to acknowledge", () =>
		page.getByTestId("incidents-to-acknowledge-empty").waitFor(),
	);
}
