import type { ReactElement } from "react";
import { MailMessagePage } from "./MailMessagePage.tsx";
import { MailPage } from "./MailPage.tsx";

/** The page of a `/mail…` path, or null for other paths. */
export function mailPage(path: string): ReactElement | null {
	if (path === "/mail") return <MailPage />;
	const message = /^\/mail\/messages\/([^/]+)$/.exec(path);
	if (message?.[1]) {
		const id = decodeURIComponent(message[1]);
		return <MailMessagePage key={id} id={id} />;
	}
	return null;
}
