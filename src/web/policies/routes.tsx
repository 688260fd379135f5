import type { ReactElement } from "react";
import { DiffPage } from "./DiffPage.tsx";
import { DocumentPage } from "./DocumentPage.tsx";
import { PoliciesPage } from "./PoliciesPage.tsx";
import { VersionPage } from "./VersionPage.tsx";

/** The page of a `/policies…` path, or null for other paths. */
export function policiesPage(path: string): ReactElement | null {
	if (path === "/policies") return <PoliciesPage />;
	const document = /^\/policies\/documents\/([^/]+)$/.exec(path);
	if (document?.[1]) {
		const id = decodeURIComponent(document[1]);
		return <DocumentPage key={id} id={id} />;
	}
	const diff = /^\/policies\/versions\/([^/]+)\/diff$/.exec(path);
	if (diff?.[1]) {
		const id = decodeURIComponent(diff[1]);
		const against = new URLSearchParams(window.location.search).get("against") ?? "";
		return <DiffPage key={`${id}:${against}`} id={id} against={against} />;
	}
	const version = /^\/policies\/versions\/([^/]+)$/.exec(path);
	if (version?.[1]) {
		const id = decodeURIComponent(version[1]);
		return <VersionPage key={id} id={id} />;
	}
	return null;
}
