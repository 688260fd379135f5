import type { ReactElement } from "react";
import { HeatMapPage } from "./HeatMapPage.tsx";
import { RiskDetailPage } from "./RiskDetailPage.tsx";
import { RisksPage } from "./RisksPage.tsx";

/** The page of a `/risks…` path, or null for other paths. */
export function risksPage(path: string): ReactElement | null {
	if (path === "/risks") return <RisksPage key={window.location.search} />;
	if (path === "/risks/heat-map") return <HeatMapPage />;
	if (path === "/risks/overdue") return <RisksPage key="overdue" view="overdue" />;
	const risk = /^\/risks\/([^/]+)$/.exec(path);
	if (risk?.[1]) {
		const id = decodeURIComponent(risk[1]);
		return <RiskDetailPage key={id} id={id} />;
	}
	return null;
}
