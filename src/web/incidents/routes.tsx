import { lazy, type ReactElement } from "react";

// The module's pages load on first visit, so the first screen stays small.
const IncidentDetailPage = lazy(() =>
	import("./IncidentDetailPage.tsx").then((m) => ({ default: m.IncidentDetailPage })),
);
const IncidentsPage = lazy(() =>
	import("./IncidentsPage.tsx").then((m) => ({ default: m.IncidentsPage })),
);
const MyTasksPage = lazy(() =>
	import("./MyTasksPage.tsx").then((m) => ({ default: m.MyTasksPage })),
);
const MyReportsPage = lazy(() =>
	import("./MyReportsPage.tsx").then((m) => ({ default: m.MyReportsPage })),
);
const ToAcknowledgePage = lazy(() =>
	import("./ToAcknowledgePage.tsx").then((m) => ({ default: m.ToAcknowledgePage })),
);
const ReportPage = lazy(() => import("./ReportPage.tsx").then((m) => ({ default: m.ReportPage })));

/** The page of an `/incidents…` path and the permission it needs, or null for other paths. */
export function incidentsPage(path: string): { permission: string; page: ReactElement } | null {
	// The list follows its filters in the address itself: kept mounted, a changed filter keeps focus.
	if (path === "/incidents") return { permission: "incident.list", page: <IncidentsPage /> };
	if (path === "/incidents/report") return { permission: "incident.report", page: <ReportPage /> };
	if (path === "/incidents/mine") return { permission: "incident.report", page: <MyReportsPage /> };
	if (path === "/incidents/tasks") {
		return { permission: "incident.task_mine", page: <MyTasksPage /> };
	}
	// Anyone may be in a case's reporting chain, so every member of staff may open it.
	if (path === "/incidents/to-acknowledge") {
		return { permission: "incident.acknowledge", page: <ToAcknowledgePage /> };
	}
	const incident = /^\/incidents\/([^/]+)$/.exec(path);
	if (incident?.[1]) {
		const id = decodeURIComponent(incident[1]);
		return { permission: "incident.read", page: <IncidentDetailPage key={id} id={id} /> };
	}
	return null;
}
