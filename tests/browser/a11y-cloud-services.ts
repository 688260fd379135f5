import type { Walk } from "./a11y-screens.ts";
import { checkDialog } from "./axe.ts";

/** The cloud service register's pages of the accessibility walk (by path). */
export function cloudServicePages(world: Walk["world"]): string[] {
	return [
		"/cloud-services",
		"/cloud-services?flagged=true",
		`/cloud-services/${world.requestedCloudServiceId}`,
		`/cloud-services/${world.flaggedCloudServiceId}`,
	];
}

/** The register's dialogs: register, import; approve and refuse a requested service; edit and review one. */
export async function cloudServiceScreens(walk: Walk): Promise<void> {
	const { t, page, world } = walk;
	const button = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
	await walk.visit("/cloud-services");
	await checkDialog(t, page, "cloud service register", button("サービスを登録"));
	await checkDialog(t, page, "cloud service import", button("取込"));
	await walk.visit(`/cloud-services/${world.requestedCloudServiceId}`);
	await checkDialog(t, page, "cloud service approve", button("承認"));
	await checkDialog(t, page, "cloud service refuse", button("却下"));
	await walk.visit(`/cloud-services/${world.flaggedCloudServiceId}`);
	await checkDialog(t, page, "cloud service edit", button("編集"));
	await checkDialog(t, page, "cloud service review", button("見直しを記録"));
}
