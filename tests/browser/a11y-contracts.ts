import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog } from "./axe.ts";

/** The 業務委託 pages of the accessibility walk (by path). */
export function contractPages(world: Walk["world"]): string[] {
	return [
		"/contracts",
		"/contracts?gaps=true",
		"/contracts/contractors",
		`/contracts/${world.contractId}`,
	];
}

/**
 * The contracts dialogs: register a contract and a contractor; on a contract with a pending 再委託
 * request: edit, record a request, decide it, record a check, record the end; import contracts and
 * contractors.
 */
export async function contractScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/contracts");
	await checkDialog(t, page, "contract register", button("契約を登録"));
	await checkDialog(t, page, "contract import", button("取込"));
	await walk.visit("/contracts/contractors");
	await checkDialog(t, page, "contractor register", button("委託先を登録"));
	await checkDialog(t, page, "contractor import", button("取込"), async (dialog) => {
		await dialog.locator('input[type="file"]').setInputFiles({
			name: "委託先.csv",
			mimeType: "text/csv",
			buffer: Buffer.from("委託先コード,委託先名,所在地,連絡先,備考\nV-A11Y,,,,\n"),
		});
		await dialog.getByRole("button", { name: "確認する" }).click();
		await dialog.getByTestId("import-result").locator("tbody tr").first().waitFor();
		await assertAccessible(page, "the contractor import dialog with its errors", "dialog[open]");
	});
	await walk.visit(`/contracts/${world.contractId}`);
	await checkDialog(t, page, "contract edit", button("契約を編集"));
	await checkDialog(t, page, "subcontract request", button("再委託の申請を記録"));
	await checkDialog(t, page, "subcontract approve", button("承認"));
	await checkDialog(t, page, "contract check", button("点検を記録"));
	await checkDialog(t, page, "contract end", button("契約終了を記録"));
}
