import type { Walk } from "./a11y-screens.ts";
import { assertAccessible, checkDialog } from "./axe.ts";

/**
 * The security audit screens of the accessibility walk: the plans' dialogs (a yearly plan with a
 * unit and its timing), entering an audit, and an audit's edit dialog refusing an auditor who is
 * not independent (the administrator, 管理者 of the audited unit), its first step, the
 * checklist picker and the fieldwork section.
 */
export async function assuranceAuditScreens(walk: Walk): Promise<void> {
	const { t, page } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/assurance/audit-plans");
	await checkDialog(t, page, "audit multi-year plan create", button("中期監査計画を作成"));
	await checkDialog(
		t,
		page,
		"audit multi-year plan edit",
		page.locator("[data-plan]").first().getByRole("button"),
	);
	await checkDialog(
		t,
		page,
		"audit yearly plan create",
		button("年度監査計画を作成"),
		async (dialog) => {
			await dialog.getByLabel("追加する組織").selectOption({ index: 1 });
			await dialog.getByRole("button", { name: "組織を追加" }).click();
			await dialog.getByRole("list", { name: "監査する組織の一覧" }).waitFor();
			await assertAccessible(page, "the yearly plan dialog with a unit", "dialog[open]");
		},
	);
	await checkDialog(
		t,
		page,
		"audit yearly plan edit",
		page.locator("[data-yearly-plan]").first().getByRole("button"),
	);
	await walk.visit("/assurance/audits");
	await checkDialog(t, page, "audit create", button("監査を登録"));
	await walk.visit(`/assurance/audits/${walk.world.auditId}`);
	await checkDialog(t, page, "audit edit", button("計画・体制を変更"), async (dialog) => {
		await dialog.getByLabel("監査人", { exact: true }).selectOption({ label: "管理者（admin）" });
		await dialog.getByRole("button", { name: "保存" }).click();
		await dialog
			.getByRole("alert")
			.getByText(/監査できません/)
			.first()
			.waitFor();
		await assertAccessible(page, "the audit dialog refusing an auditor", "dialog[open]");
	});
	await checkDialog(t, page, "audit step", button("実地監査を開始"));
	// The checklist picker, then the fieldwork section with the checklist's items (read only:
	// the administrator runs audits but is on no team).
	await button("チェックリストを指定").click();
	await page.getByLabel("監査で使うチェックリスト").waitFor();
	await assertAccessible(page, "the audit checklist picker");
	await button("指定する").click();
	await page.getByTestId("fieldwork-totals").waitFor();
	await assertAccessible(page, "the audit's fieldwork, read by one who runs audits");
}
