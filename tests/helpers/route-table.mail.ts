import assert from "node:assert/strict";
import {
	DEFAULT_MAIL_SETTINGS,
	settingsInputOf,
} from "../../src/modules/sanitize/gateway/mail-settings.ts";
import { mailPolicy } from "../../src/modules/sanitize/mail.policy.ts";
import { managedUnitOf, messageFor, pendingRelease } from "./mail-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry, Sent } from "./route-walk.ts";

/**
 * The mail routes of the route table: the gateway's messages, release requests, the summary.
 * Requests are built for the caller: a message addressed to the caller (a recipient sees only
 * its own), a pending request in a unit the caller manages (or any unit for the chief officer).
 */

const access = (action: keyof typeof mailPolicy) =>
	({ kind: "permission", policy: mailPolicy, action, level: "tenant" }) as const;

const served = (extra: Partial<CrossTenantProbe> = {}): CrossTenantProbe => ({
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
	...extra,
});
const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

async function ownMessage({ deps, world, caller }: RequestContext) {
	return { id: await messageFor(deps, world.tenant, caller) };
}

/** A pending request the caller may decide: in its managed unit, else in the world's unit. */
async function decidable({ deps, world, caller }: RequestContext) {
	const unit = (await managedUnitOf(deps, world.tenant.id, caller.id)) ?? world.orgUnit.id;
	return pendingRelease(deps, world.tenant, unit);
}

/**
 * An approved request the caller may resend: decided (as the gateway would record it) with the
 * file not delivered, as after a failed mail.
 */
async function undelivered(ctx: RequestContext) {
	const { requestId } = await decidable(ctx);
	await ctx.deps.db
		.updateTable("mail_release_requests")
		.set({
			status: "approved",
			decided_by: ctx.caller.id,
			decision_reason: "業務で必要",
			decided_at: new Date().toISOString(),
			delivery_mode: "as_is",
			delivery_attempts: 1,
		})
		.where("id", "=", requestId)
		.execute();
	return requestId;
}

const count = (sent: Sent, key: string) =>
	(sent.json as Record<string, unknown[]>)[key]?.length ?? 0;

export const MAIL_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/mail/messages",
		access: access("mail.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served({ check: (sent) => assert.ok(count(sent, "items") > 0) })],
	},
	{
		method: "get",
		path: "/api/mail/messages/{id}",
		access: access("mail.read"),
		ok: 200,
		request: async (ctx) => ({ params: await ownMessage(ctx) }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/mail/messages/{id}/release-requests",
		access: access("mail.release_request"),
		ok: 201,
		request: async (ctx) => ({
			params: await ownMessage(ctx),
			body: { attachmentIndex: 0, reason: "業務で必要" },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/mail/release-requests",
		access: access("mail.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served({ check: (sent) => assert.ok(count(sent, "items") > 0) })],
	},
	{
		method: "post",
		path: "/api/mail/release-requests/{id}/decision",
		access: access("mail.release_decide"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await decidable(ctx)).requestId },
			body: { outcome: "refuse", reason: "原本の提供は不要" },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/mail/release-requests/{id}/resend",
		access: access("mail.release_decide"),
		ok: 200,
		request: async (ctx) => ({ params: { id: await undelivered(ctx) } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/mail/settings",
		access: access("mail.settings_read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			served({
				check: (sent) => assert.equal((sent.json as { retentionDays: number }).retentionDays, 90),
			}),
		],
	},
	{
		method: "put",
		path: "/api/mail/settings",
		access: access("mail.settings_change"),
		ok: 200,
		request: () => ({
			body: { ...settingsInputOf(DEFAULT_MAIL_SETTINGS), retentionDays: 90 },
		}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/mail/summary",
		access: access("mail.summary"),
		ok: 200,
		request: () => ({}),
		crossTenant: [
			served({ check: (sent) => assert.ok((sent.json as { received: number }).received > 0) }),
		],
	},
];
