import type { ReactElement } from "react";
import { MyNumberAffairPage } from "./MyNumberAffairPage.tsx";
import { MyNumberPage } from "./MyNumberPage.tsx";

/** The page of a `/my-number…` path, or null for other paths. */
export function myNumberPage(path: string): ReactElement | null {
	if (path === "/my-number") return <MyNumberPage />;
	const match = /^\/my-number\/([^/]+)$/.exec(path);
	if (match?.[1]) {
		const id = decodeURIComponent(match[1]);
		return <MyNumberAffairPage key={id} id={id} />;
	}
	return null;
}
