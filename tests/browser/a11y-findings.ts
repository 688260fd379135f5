import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog } from "./axe.ts";

/** The findings register's pages of the accessibility walk (by path). */
export function findingPages(world: Walk["world"]): string[] {
	return [
		"/findings",
		"/findings?overdue=true",
		`/findings/${world.findingId}`,
		`/findings/${world.doneFindingId}`,
		`/findings/${world.linkedFindingId}`,
	];
}

/**
 * The findings dialogs of the accessibility walk: raise; plan, evidence (with its refusal of a
 * file over the limit), done and risk link of a planned finding; verify and return of one marked
 * done by someone else; acceptance as a risk of a linked one; raising one from an incident case.
 */
export async function findingScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/findings");
	await checkDialog(t, page, "finding raise", button("指摘を登録"));
	await walk.visit(`/findings/${world.findingId}`);
	await checkDialog(t, page, "finding plan", button("計画を変更"));
	await checkDialog(t, page, "finding evidence", button("証跡を追加"), async (dialog) => {
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
	});
	await checkDialog(t, page, "finding done", button("是正完了にする"));
	await checkDialog(t, page, "finding risk link", button("リスクに関連付ける"), async (dialog) => {
		await dialog.getByLabel("この指摘からリスクを登録する").check();
		await dialog.getByRole("group", { name: "固有リスク（管理策の前）" }).waitFor();
		await assertAccessible(page, "the risk link dialog entering a new risk", "dialog[open]");
	});
	await walk.visit(`/findings/${world.doneFindingId}`);
	await checkDialog(t, page, "finding verify", button("確認する"));
	await checkDialog(t, page, "finding return", button("差し戻す"));
	await walk.visit(`/findings/${world.linkedFindingId}`);
	await checkDialog(t, page, "finding accept as a risk", button("リスクとして受容"));
	await walk.visit(`/incidents/${world.triagedIncidentId}`);
	await checkDialog(t, page, "finding from an incident", button("指摘として登録"));
}
