import { homePolicy } from "../../src/modules/home/home.policy.ts";
import type { CrossTenantProbe, RouteEntry } from "./route-walk.ts";

/** The Home routes of the route table: the first-steps checklist and what waits for the caller. */

const access = (action: keyof typeof homePolicy) =>
	({ kind: "permission", policy: homePolicy, action, level: "tenant" }) as const;

const served: CrossTenantProbe = {
	name: "tenant B's own counts only",
	request: "own",
	expect: "served",
};

export const HOME_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/setup-progress",
		access: access("home.setup_progress"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "get",
		path: "/api/my-work",
		access: access("home.my_work"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "get",
		path: "/api/backup-status",
		access: access("home.backup_status"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			{
				name: "the instance's backups, the same for every tenant",
				request: "own",
				expect: "served",
			},
		],
	},
];
