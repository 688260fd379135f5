import { openDatabase } from "../../src/db/connection.ts";
import { makeCourse, putOnRoster } from "../helpers/training-world.ts";
import type { Walk } from "./a11y-screens.ts";
import { checkDialog } from "./axe.ts";

/** The training pages of the accessibility walk (by path). */
export function trainingPages(): string[] {
	return ["/training", "/training/mine"];
}

/**
 * The e-learning quiz of わたしの研修. The administrator joins the roster here (after the roster
 * import, which refuses a file without its importer), then owes a new course with a quiz.
 */
export async function trainingScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const handle = openDatabase({ dataDir: world.dataDir });
	try {
		const deps = { db: handle.db };
		const tenant = await handle.db
			.selectFrom("accounts")
			.select("tenant_id")
			.where("id", "=", world.adminId)
			.executeTakeFirstOrThrow();
		await putOnRoster(deps, tenant.tenant_id, world.adminId, world.unitId);
		await makeCourse(deps, tenant.tenant_id, { title: "確認テストつき研修" });
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
}
