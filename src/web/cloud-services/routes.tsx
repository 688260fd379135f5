import type { ReactElement } from "react";
import { CloudServiceDetailPage } from "./CloudServiceDetailPage.tsx";
import { CloudServicesPage } from "./CloudServicesPage.tsx";

/** The page of a `/cloud-services…` path, or null for other paths. */
export function cloudServicesPage(path: string): ReactElement | null {
	if (path === "/cloud-services") return <CloudServicesPage />;
	const match = /^\/cloud-services\/([^/]+)$/.exec(path);
	if (match?.[1]) {
		const id = decodeURIComponent(match[1]);
		return <CloudServiceDetailPage key={id} id={id} />;
	}
	return null;
}
