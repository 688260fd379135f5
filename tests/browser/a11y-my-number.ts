import type { Walk } from "./a11y-screens.ts";
import { checkDialog } from "./axe.ts";

/** The 特定個人情報 register's pages of the accessibility walk (by path). */
export function myNumberPages(world: Walk["world"]): string[] {
	return ["/my-number", `/my-number/${world.myNumberAffairId}`];
}

/**
 * The register's dialogs: register an affair; on an affair, change it, name a handler, remove
 * one, link a system or a contract, record a provision.
 */
export async function myNumberScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/my-number");
	await checkDialog(t, page, "my-number register", button("事務を登録"));
	await walk.visit(`/my-number/${world.myNumberAffairId}`);
	await checkDialog(t, page, "my-number change", button("変更"));
	await checkDialog(t, page, "my-number name handler", button("担当者を指定"));
	await checkDialog(t, page, "my-number remove handler", button(/さんの指定を解除$/).first());
	await checkDialog(t, page, "my-number link asset", button("システム・ファイルを追加"));
	await checkDialog(t, page, "my-number link contract", button("委託契約を追加"));
	await checkDialog(t, page, "my-number provision", button("提供を記録"));
}
