import assert from "node:assert/strict";
import { documentsPolicy } from "../../src/modules/policies/documents/documents.policy.ts";
import { loadBundledPack } from "../../src/modules/policies/pack/load-pack.ts";
import { makeNotification, makeVersion, SAMPLE_POLICY_TEXT } from "./documents-world.ts";
import type { CrossTenantProbe, RouteEntry, RouteRequest, Sent } from "./route-walk.ts";
import { unique } from "./route-world.ts";

/**
 * The policy-document routes of the route table. Approving and reading non-public documents
 * follow the tenant's pack, so the walk's tenants (standard pack) are judged by that pack's policy.
 */

const policy = documentsPolicy(loadBundledPack("standard"));
const access = (action: keyof typeof policy) =>
	({ kind: "permission", policy, action, level: "tenant" }) as const;

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

/** The 施行日 and 委員会決定日 a publication records (the standard pack's committee decides). */
const DECISION = { effectiveOn: "2026-04-01", committeeDecidedOn: "2026-03-25" };
const idOf = (version: { id: string }): RouteRequest => ({ params: { id: version.id } });
const itemIds = (sent: Sent) => (sent.json as { items: { id: string }[] }).items.map((i) => i.id);

export const DOCUMENT_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/policy-documents",
		access: access("policy_document.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served({ check: (sent) => assert.ok(itemIds(sent).length >= 3) })],
	},
	{
		method: "post",
		path: "/api/policy-documents",
		access: access("policy_document.create"),
		ok: 201,
		request: () => ({
			body: { kind: "additional", title: unique("規程"), publication: "public" },
		}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/policy-documents/{id}",
		access: access("policy_document.read"),
		ok: 200,
		request: async ({ deps, world }) => ({
			params: { id: (await makeVersion(deps, world.tenant.id, "published")).document_id },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-documents/{id}/drafts",
		access: access("policy_version.draft"),
		ok: 201,
		request: async ({ deps, world }) => ({
			params: { id: (await makeVersion(deps, world.tenant.id, "published")).document_id },
			body: { from: "copy", changeSummary: "一部改定" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-documents/{id}/imports",
		access: access("policy_version.draft"),
		ok: 201,
		request: async ({ deps, world }) => ({
			params: { id: (await makeVersion(deps, world.tenant.id, "published")).document_id },
			body: {
				fileName: "policy.txt",
				contentBase64: Buffer.from(SAMPLE_POLICY_TEXT).toString("base64"),
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/policy-versions/{id}",
		access: access("policy_document.read"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "published")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "patch",
		path: "/api/policy-versions/{id}",
		access: access("policy_version.draft"),
		ok: 200,
		request: async ({ deps, world }) => ({
			...idOf(await makeVersion(deps, world.tenant.id, "draft")),
			body: { title: "改定案", changeSummary: "語句の整理" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-versions/{id}/submit",
		access: access("policy_version.submit"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "draft")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-versions/{id}/return",
		access: access("policy_version.return"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "in_review")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-versions/{id}/approve",
		access: access("policy_version.approve"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "in_review")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-versions/{id}/publish",
		access: access("policy_version.publish"),
		ok: 200,
		request: async ({ deps, world }) => ({
			...idOf(await makeVersion(deps, world.tenant.id, "approved")),
			body: { ...DECISION, audience: "units", unitIds: [world.orgUnit.id] },
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's org unit as the audience",
				request: async (a, b) => ({
					...idOf(await makeVersion(b.deps, b.world.tenant.id, "approved")),
					body: { ...DECISION, audience: "units", unitIds: [a.orgUnit.id] },
				}),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/policy-versions/{id}/diff",
		access: access("policy_document.read"),
		ok: 200,
		request: async ({ deps, world }) => {
			const first = await makeVersion(deps, world.tenant.id, "published");
			const second = await makeVersion(deps, world.tenant.id, "published", {
				documentId: first.document_id,
			});
			return { params: { id: second.id }, query: { against: first.id } };
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/policy-acknowledgements",
		access: access("policy_version.acknowledge"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/policy-versions/{id}/acknowledgement",
		access: access("policy_version.acknowledge"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "published")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/policy-versions/{id}/completion",
		access: access("policy_acknowledgement.monitor"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "published")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-versions/{id}/reminders",
		access: access("policy_acknowledgement.monitor"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "published")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/policy-versions/{id}/unacknowledged.csv",
		access: access("policy_acknowledgement.monitor"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "published")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/policy-versions/{id}/unacknowledged.xlsx",
		access: access("policy_acknowledgement.monitor"),
		ok: 200,
		request: async ({ deps, world }) => idOf(await makeVersion(deps, world.tenant.id, "published")),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/notifications",
		access: access("notification.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/notifications/{id}/read",
		access: access("notification.read"),
		ok: 204,
		request: async ({ deps, world, caller }) => ({
			params: { id: await makeNotification(deps, world.tenant.id, caller.id) },
		}),
		crossTenant: [FOREIGN_IDS],
	},
];
