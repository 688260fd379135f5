import type { ReactElement } from "react";
import { ExceptionDetailPage } from "./ExceptionDetailPage.tsx";
import { ExceptionsPage } from "./ExceptionsPage.tsx";

/** The page of an `/exceptions…` path, or null for other paths. */
export function exceptionsPage(path: string): ReactElement | null {
	if (path === "/exceptions") return <ExceptionsPage />;
	const match = /^\/exceptions\/([^/]+)$/.exec(path);
	if (match?.[1]) {
		const id = decodeURIComponent(match[1]);
		return <ExceptionDetailPage key={id} id={id} />;
	}
	return null;
}
