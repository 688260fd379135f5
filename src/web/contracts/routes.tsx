import type { ReactElement } from "react";
import { ContractDetailPage } from "./ContractDetailPage.tsx";
import { ContractorsPage } from "./ContractorsPage.tsx";
import { ContractsPage } from "./ContractsPage.tsx";

/** The page of a `/contracts…` path, or null for other paths. */
export function contractsPage(path: string): ReactElement | null {
	if (path === "/contracts") return <ContractsPage />;
	if (path === "/contracts/contractors") return <ContractorsPage />;
	const match = /^\/contracts\/([^/]+)$/.exec(path);
	if (match?.[1]) {
		const id = decodeURIComponent(match[1]);
		return <ContractDetailPage key={id} id={id} />;
	}
	return null;
}
