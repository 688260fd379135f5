import { inTransaction } from "../../src/db/transaction.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { subscribe } from "../../src/modules/webhooks/manage-subscriptions.ts";
import { webhooksPolicy } from "../../src/modules/webhooks/webhooks.policy.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";

/**
 * The routes of webhooks: the tenant administrator's alone. The test runtimes allow 127.0.0.1
 * (tests/helpers/test-db.ts); nothing is sent during the walk, deliveries are only queued.
 */

const access = (action: keyof typeof webhooksPolicy) =>
	({ kind: "permission", policy: webhooksPolicy, action, level: "tenant" }) as const;

const served: CrossTenantProbe = {
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
};
const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

const RECEIVER = "http://127.0.0.1:9/hook";

function adminActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "webhooks-route-table",
		label: "テナント管理者（テスト）",
		roles: [{ role: "tenant_admin", orgUnitId: null }],
		ip: null,
	};
}

/** A fresh subscription of the caller's tenant, at version 1. */
async function subscription(ctx: RequestContext): Promise<string> {
	const desk = {
		actor: adminActor(ctx.world.tenant.id),
		allowList: ctx.deps.config.webhookAllowedHosts,
		secrets: ctx.deps.secrets,
	};
	const made = await inTransaction(ctx.deps.db, (tx) =>
		subscribe(tx, desk, { url: RECEIVER, description: "walk", eventTypes: ["incident.opened"] }),
	);
	return made.row.id;
}

export const WEBHOOK_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/webhooks/subscriptions",
		access: access("webhook.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served],
	},
	{
		method: "post",
		path: "/api/webhooks/subscriptions",
		access: access("webhook.manage"),
		ok: 201,
		request: () => ({ body: { url: RECEIVER, eventTypes: ["mail.held", "incident.opened"] } }),
		crossTenant: [served],
	},
	{
		method: "put",
		path: "/api/webhooks/subscriptions/{id}",
		access: access("webhook.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: await subscription(ctx) },
			body: {
				version: 1,
				url: RECEIVER,
				description: "SIEM",
				eventTypes: ["finding.overdue"],
				enabled: false,
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/webhooks/subscriptions/{id}/rotate-secret",
		access: access("webhook.manage"),
		ok: 200,
		request: async (ctx) => ({ params: { id: await subscription(ctx) }, body: { version: 1 } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/webhooks/subscriptions/{id}/unsubscribe",
		access: access("webhook.manage"),
		ok: 204,
		request: async (ctx) => ({ params: { id: await subscription(ctx) }, body: { version: 1 } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/webhooks/subscriptions/{id}/test",
		access: access("webhook.manage"),
		ok: 202,
		request: async (ctx) => ({ params: { id: await subscription(ctx) } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/webhooks/deliveries",
		access: access("webhook.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served],
	},
];
