import type { ReactElement } from "react";
import { SecureAreaDetailPage } from "./SecureAreaDetailPage.tsx";
import { SecureAreasPage } from "./SecureAreasPage.tsx";

/** The page of a `/secure-areas…` path, or null for other paths. */
export function secureAreasPage(path: string): ReactElement | null {
	if (path === "/secure-areas") return <SecureAreasPage />;
	const match = /^\/secure-areas\/([^/]+)$/.exec(path);
	if (match?.[1]) {
		const id = decodeURIComponent(match[1]);
		return <SecureAreaDetailPage key={id} id={id} />;
	}
	return null;
}
