import { lazy, type ReactElement } from "react";
import { CHECKLISTS_PATH } from "./types.ts";

// Loaded on first visit, as the shell's other larger pages are.
const ChecklistsPage = lazy(() =>
	import("./ChecklistsPage.tsx").then((m) => ({ default: m.ChecklistsPage })),
);
const ChecklistPage = lazy(() =>
	import("./ChecklistPage.tsx").then((m) => ({ default: m.ChecklistPage })),
);

/** The page of an `/assurance/checklists…` path, or null for other paths. */
export function checklistsPage(path: string): ReactElement | null {
	if (path === CHECKLISTS_PATH) return <ChecklistsPage />;
	const one = /^\/assurance\/checklists\/([^/]+)$/.exec(path);
	if (one?.[1]) {
		const id = decodeURIComponent(one[1]);
		return <ChecklistPage key={id} id={id} />;
	}
	return null;
}
