import type { ReactElement } from "react";
import { SocialMediaDetailPage } from "./SocialMediaDetailPage.tsx";
import { SocialMediaPage } from "./SocialMediaPage.tsx";

/** The page of a `/social-media…` path, or null for other paths. */
export function socialMediaPage(path: string): ReactElement | null {
	if (path === "/social-media") return <SocialMediaPage />;
	const match = /^\/social-media\/([^/]+)$/.exec(path);
	if (match?.[1]) {
		const id = decodeURIComponent(match[1]);
		return <SocialMediaDetailPage key={id} id={id} />;
	}
	return null;
}
