import type { ReactElement } from "react";
import { FindingDetailPage } from "./FindingDetailPage.tsx";
import { FindingsPage } from "./FindingsPage.tsx";

/** The page of a `/findings…` path, or null for other paths. */
export function findingsPage(path: string): ReactElement | null {
	if (path === "/findings") return <FindingsPage />;
	const finding = /^\/findings\/([^/]+)$/.exec(path);
	if (finding?.[1]) {
		const id = decodeURIComponent(finding[1]);
		return <FindingDetailPage key={id} id={id} />;
	}
	return null;
}
