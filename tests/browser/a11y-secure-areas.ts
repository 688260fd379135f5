import type { Walk } from "./a11y-screens.ts";
import { checkDialog } from "./axe.ts";

/** The secure-area pages of the accessibility walk (by path). */
export function secureAreaPages(world: Walk["world"]): string[] {
	return ["/secure-areas", `/secure-areas/${world.secureAreaId}`];
}

/** The secure-area dialogs: set up an area; import a card reader's entry log; change an area. */
export async function secureAreaScreens(walk: Walk): Promise<void> {
	const { t, page } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/secure-areas");
	await checkDialog(t, page, "secure-area create", button("管理区域を登録"));
	await checkDialog(t, page, "secure-area import", button("入退室記録を取り込む"));
	await walk.visit(`/secure-areas/${walk.world.secureAreaId}`);
	await checkDialog(t, page, "secure-area edit", button("区域の情報を変更"));
}
