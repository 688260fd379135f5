import type { ReactElement } from "react";
import { DrillDetailPage } from "./DrillDetailPage.tsx";
import { DrillsPage } from "./DrillsPage.tsx";

/** The page of a `/drills…` path, or null for other paths. */
export function drillsPage(path: string): ReactElement | null {
	if (path === "/drills") return <DrillsPage />;
	const drill = /^\/drills\/([^/]+)$/.exec(path);
	if (drill?.[1]) {
		const id = decodeURIComponent(drill[1]);
		return <DrillDetailPage key={id} id={id} />;
	}
	return null;
}
