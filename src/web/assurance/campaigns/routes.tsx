import { lazy, type ReactElement } from "react";
import { CAMPAIGNS_PATH } from "./types.ts";

const CampaignsPage = lazy(() =>
	import("./CampaignsPage.tsx").then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
	import("./CampaignPage.tsx").then((m) => ({ default: m.CampaignPage })),
);
const ResponsePage = lazy(() =>
	import("./ResponsePage.tsx").then((m) => ({ default: m.ResponsePage })),
);

/** The page of an `/assurance/campaigns…` or `/assurance/responses/…` path, or null. */
export function campaignsPage(path: string): ReactElement | null {
	if (path === CAMPAIGNS_PATH) return <CampaignsPage />;
	const one = /^\/assurance\/campaigns\/([^/]+)$/.exec(path);
	if (one?.[1]) {
		const id = decodeURIComponent(one[1]);
		return <CampaignPage key={id} id={id} />;
	}
	const response = /^\/assurance\/responses\/([^/]+)$/.exec(path);
	if (response?.[1]) {
		const id = decodeURIComponent(response[1]);
		return <ResponsePage key={id} respondentId={id} />;
	}
	return null;
}
