import type { ReactElement } from "react";
import { AuditDetailPage } from "./AuditDetailPage.tsx";
import { AuditPlansPage } from "./AuditPlansPage.tsx";
import { AuditsPage } from "./AuditsPage.tsx";
import { AUDITS_PATH, PLANS_PATH } from "./types.ts";

/** The page of an audit path and the permission it needs, or null for other paths. */
export function assuranceAuditsPage(
	path: string,
): { page: ReactElement; permission: string } | null {
	if (path === PLANS_PATH) return { page: <AuditPlansPage />, permission: "audit_plan.read" };
	// Anyone may ask: the list holds what the caller may read (audits they are on, of their units).
	if (path === AUDITS_PATH) return { page: <AuditsPage />, permission: "assurance_audit.read" };
	const audit = /^\/assurance\/audits\/([^/]+)$/.exec(path);
	if (audit?.[1]) {
		const id = decodeURIComponent(audit[1]);
		return { page: <AuditDetailPage key={id} id={id} />, permission: "assurance_audit.read" };
	}
	return null;
}
