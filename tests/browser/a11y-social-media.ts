import type { Walk } from "./a11y-screens.ts";
import { checkDialog } from "./axe.ts";

/** The official social-media account pages of the accessibility walk (by path). */
export function socialMediaPages(world: Walk["world"]): string[] {
	return [
		"/social-media",
		"/social-media?dormant=true",
		`/social-media/${world.requestedSocialAccountId}`,
		`/social-media/${world.approvedSocialAccountId}`,
	];
}

/**
 * The social-media dialogs: register; approve and refuse a requested account; review, suspend
 * and close an approved one.
 */
export async function socialMediaScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/social-media");
	await checkDialog(t, page, "social-media register", button("アカウントを登録"));
	await walk.visit(`/social-media/${world.requestedSocialAccountId}`);
	await checkDialog(t, page, "social-media approve", button("承認"));
	await checkDialog(t, page, "social-media refuse", button("却下"));
	await walk.visit(`/social-media/${world.approvedSocialAccountId}`);
	await checkDialog(t, page, "social-media review", button("見直しを記録"));
	await checkDialog(t, page, "social-media suspend", button("休止する"));
	await checkDialog(t, page, "social-media close", button("廃止する"));
}
