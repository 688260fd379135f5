import type { Walk } from "./a11y-screens.ts";
import { checkDialog } from "./axe.ts";

/** The 例外措置 pages of the accessibility walk (by path). */
export function exceptionPages(world: Walk["world"]): string[] {
	return [
		"/exceptions",
		"/exceptions?state=approved",
		`/exceptions/${world.requestedExceptionId}`,
		`/exceptions/${world.approvedExceptionId}`,
	];
}

/** The exceptions dialogs: request; approve and refuse a requested one; renew an approved one. */
export async function exceptionScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/exceptions");
	await checkDialog(t, page, "exception request", button("例外を申請"));
	await walk.visit(`/exceptions/${world.requestedExceptionId}`);
	await checkDialog(t, page, "exception approve", button("承認"));
	await checkDialog(t, page, "exception refuse", button("却下"));
	await walk.visit(`/exceptions/${world.approvedExceptionId}`);
	await checkDialog(t, page, "exception renew", button("更新を申請"));
}
