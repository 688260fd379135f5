import assert from "node:assert/strict";
import { accountsPolicy } from "../../src/modules/accounts/accounts.policy.ts";
import { auditLogPolicy } from "../../src/modules/audit-log/audit-log.policy.ts";
import type { SessionStage } from "../../src/modules/auth/sessions.repository.ts";
import { currentTotp } from "../../src/modules/auth/totp.ts";
import type { Policy } from "../../src/modules/authz/policy.ts";
import { orgPolicy } from "../../src/modules/org/org.policy.ts";
import { gapPolicy } from "../../src/modules/policies/gap/gap.policy.ts";
import { policiesPolicy } from "../../src/modules/policies/policies.policy.ts";
import { reviewsPolicy } from "../../src/modules/policies/reviews/reviews.policy.ts";
import { tenantsPolicy } from "../../src/modules/tenants/tenants.policy.ts";
import { TEST_PASSWORD } from "./factories.ts";
import { makeReview } from "./review-fixtures.ts";
import { API_TOKEN_ROUTES } from "./route-table.api-tokens.ts";
import { ASSET_TRANSFER_ROUTES } from "./route-table.asset-transfer.ts";
import { ASSET_ROUTES } from "./route-table.assets.ts";
import { ASSURANCE_AUDIT_ROUTES } from "./route-table.assurance-audits.ts";
import { ASSURANCE_CAMPAIGN_ROUTES } from "./route-table.assurance-campaigns.ts";
import { ASSURANCE_CHECKLIST_ROUTES } from "./route-table.assurance-checklists.ts";
import { FINDING_ROUTES } from "./route-table.assurance-findings.ts";
import { CLOUD_SERVICE_ROUTES } from "./route-table.cloud-services.ts";
import { CONTRACT_ROUTES } from "./route-table.contracts.ts";
import { CUSTODY_ROUTES } from "./route-table.custody.ts";
import { DIRECTORY_ROUTES } from "./route-table.directory.ts";
import { DOCUMENT_ROUTES } from "./route-table.documents.ts";
import { DRILL_ROUTES } from "./route-table.drills.ts";
import { EXCEPTION_ROUTES } from "./route-table.exceptions.ts";
import { HOME_ROUTES } from "./route-table.home.ts";
import { IMPORT_MAPPING_ROUTES } from "./route-table.import-mappings.ts";
import { INCIDENT_CASEWORK_ROUTES } from "./route-table.incident-casework.ts";
import { INCIDENT_CHAIN_ROUTES } from "./route-table.incident-chain.ts";
import { INCIDENT_STATS_ROUTES } from "./route-table.incident-stats.ts";
import { INCIDENT_ROUTES } from "./route-table.incidents.ts";
import { MAIL_ROUTES } from "./route-table.mail.ts";
import { MY_NUMBER_ROUTES } from "./route-table.my-number.ts";
import { NETWORK_ROUTES } from "./route-table.network.ts";
import { ORG_ROUTES } from "./route-table.org.ts";
import { REVIEW_ASSURANCE_ROUTES } from "./route-table.review-assurance.ts";
import { RISK_ROUTES } from "./route-table.risks.ts";
import { SECURE_AREA_ROUTES } from "./route-table.secure-areas.ts";
import { SOCIAL_MEDIA_ROUTES } from "./route-table.social-media.ts";
import { STATUS_REPORT_ROUTES } from "./route-table.status-report.ts";
import { TRAINING_ROUTES } from "./route-table.training.ts";
import { WEBHOOK_ROUTES } from "./route-table.webhooks.ts";
import type { Access, CrossTenantProbe, RouteEntry, RouteRequest, Sent } from "./route-walk.ts";
import { unique } from "./route-world.ts";

/**
 * The route table: for every operation of the OpenAPI document, who may call it, how to build a
 * valid request from a tenant's fixtures, and how it must answer a second tenant. The walk fails
 * when the document and this table disagree, so a new route cannot skip it.
 */

const PUBLIC: Access = { kind: "public" };
const self = (...stages: SessionStage[]): Access => ({ kind: "self", stages });

function permission<A extends string>(
	policy: Policy<A>,
	action: A,
	level: "tenant" | "instance" = "tenant",
): Access {
	return { kind: "permission", policy, action, level };
}

const none = (): RouteRequest => ({});

/** A two-section policy: enough for the gap analysis to run. */
const GAP_TEXT =
	"１ 目的\n本方針は情報資産を守るために定める。\n２ 定義\n(1) 職員等\n全ての職員をいう。\n";

/** B sees its own data and nothing of A. */
function served(extra: Partial<CrossTenantProbe> = {}): CrossTenantProbe {
	return { name: "tenant B's own data only", request: "own", expect: "served", ...extra };
}

const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

const INSTANCE_ONLY: CrossTenantProbe = {
	name: "tenant B's administrator at instance level",
	request: "own",
	expect: { status: 403, code: "forbidden" },
};

const UNKNOWN_ORG_UNIT = { status: 400, code: "validation_failed" } as const;

function itemsOf(sent: Sent): { id: string }[] {
	return (sent.json as { items: { id: string }[] }).items;
}

function totalOf(sent: Sent): number {
	return (sent.json as { total: number }).total;
}

function sessionTenant(sent: Sent): string | undefined {
	return (sent.json as { session: { tenant: { slug: string } } | null }).session?.tenant.slug;
}

const accountBody = () => ({ username: unique("new"), displayName: "新規 職員" });
const orgUnitBody = (parentId: string | null) => ({
	code: unique("ou"),
	name: "新設係",
	kind: "subsection",
	parentId,
});

export const ROUTE_TABLE: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/health",
		access: PUBLIC,
		ok: 200,
		request: none,
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/auth/tenants",
		access: PUBLIC,
		ok: 200,
		request: none,
		// The login screen offers every tenant of the instance by slug and name.
		crossTenant: [served({ shownToAll: (a) => [a.tenant.slug] })],
	},
	{
		method: "get",
		path: "/api/auth/session",
		access: PUBLIC,
		ok: 200,
		request: none,
		crossTenant: [
			served({ check: (sent, _a, b) => assert.equal(sessionTenant(sent), b.tenant.slug) }),
		],
	},
	{
		method: "post",
		path: "/api/auth/login",
		access: PUBLIC,
		ok: 200,
		request: ({ world }) => ({
			body: { tenant: world.tenant.slug, username: world.plain.username, password: TEST_PASSWORD },
		}),
		crossTenant: [
			served({ check: (sent, _a, b) => assert.equal(sessionTenant(sent), b.tenant.slug) }),
		],
	},
	{
		method: "post",
		path: "/api/auth/logout",
		access: self("mfa_verify", "password_change", "mfa_enroll", "active"),
		ok: 204,
		request: none,
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/auth/mfa/verify",
		access: self("mfa_verify"),
		ok: 200,
		request: ({ caller }) => ({ body: { code: currentTotp(caller.totpSecret ?? "") } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/auth/password",
		access: self("password_change", "mfa_enroll", "active"),
		ok: 200,
		request: () => ({
			body: { currentPassword: TEST_PASSWORD, newPassword: "a different passphrase 2026" },
		}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/auth/mfa/enrollment",
		access: self("mfa_enroll", "active"),
		ok: 200,
		request: none,
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/auth/mfa/enrollment/confirm",
		access: self("mfa_enroll", "active"),
		ok: 200,
		request: async ({ client }) => {
			const begun = await client.post("/api/auth/mfa/enrollment");
			assert.equal(begun.status, 200, "enrolment starts before it is confirmed");
			const { secret } = (await begun.json()) as { secret: string };
			return { body: { code: currentTotp(secret) } };
		},
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/accounts",
		access: permission(accountsPolicy, "account.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [
			served({
				check: (sent, _a, b) => assert.ok(itemsOf(sent).some((item) => item.id === b.target.id)),
			}),
			served({
				name: "searching for tenant A's user name",
				request: (a) => ({ query: { q: a.target.username } }),
				check: (sent) => assert.equal(totalOf(sent), 0),
			}),
		],
	},
	{
		method: "post",
		path: "/api/accounts",
		access: permission(accountsPolicy, "account.create"),
		ok: 201,
		request: () => ({ body: accountBody() }),
		crossTenant: [
			served({
				name: "a user name tenant A already uses is free in B",
				// Not `target`, whose name another probe searches for and must not find in B.
				request: (a) => ({ body: { ...accountBody(), username: a.plain.username } }),
			}),
		],
	},
	{
		method: "get",
		path: "/api/accounts/{id}",
		access: permission(accountsPolicy, "account.read"),
		ok: 200,
		request: ({ world }) => ({ params: { id: world.target.id } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "patch",
		path: "/api/accounts/{id}",
		access: permission(accountsPolicy, "account.update"),
		ok: 200,
		request: ({ world }) => ({
			params: { id: world.target.id },
			body: { displayName: "更新 職員", email: "kousin@example.jp" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/accounts/{id}/password-reset",
		access: permission(accountsPolicy, "account.reset_password"),
		ok: 200,
		request: ({ world }) => ({ params: { id: world.target.id } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/accounts/{id}/mfa-reset",
		access: permission(accountsPolicy, "account.reset_mfa"),
		ok: 200,
		request: ({ world }) => ({ params: { id: world.target.id } }),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/accounts/{id}/roles",
		access: permission(accountsPolicy, "role.assign"),
		ok: 201,
		request: ({ world }) => ({
			params: { id: world.target.id },
			body: { role: "section_manager", orgUnitId: world.orgUnit.id },
		}),
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's org unit for a per-unit role in B",
				request: (a, b) => ({
					params: { id: b.world.target.id },
					body: { role: "section_manager", orgUnitId: a.orgUnit.id },
				}),
				expect: UNKNOWN_ORG_UNIT,
			},
		],
	},
	{
		method: "delete",
		path: "/api/accounts/{id}/roles/{assignmentId}",
		access: permission(accountsPolicy, "role.revoke"),
		ok: 200,
		request: async ({ world }) => {
			const assignment = await world.freshAssignment();
			return { params: { id: assignment.account_id, assignmentId: assignment.id } };
		},
		crossTenant: [
			FOREIGN_IDS,
			{
				name: "tenant A's assignment under B's account",
				request: async (a, b) => ({
					params: { id: b.world.target.id, assignmentId: (await a.freshAssignment()).id },
				}),
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "get",
		path: "/api/org-units",
		access: permission(orgPolicy, "org_unit.read"),
		ok: 200,
		request: none,
		crossTenant: [
			served({
				check: (sent, _a, b) => assert.ok(itemsOf(sent).some((u) => u.id === b.orgUnit.id)),
			}),
		],
	},
	{
		method: "get",
		path: "/api/policy-pack",
		access: permission(policiesPolicy, "policy_pack.read"),
		ok: 200,
		request: none,
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/policy-gap-analysis",
		access: permission(gapPolicy, "policy_gap.analyse"),
		ok: 200,
		readOnly: true,
		request: () => ({ body: { text: GAP_TEXT } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/policy-gap-analysis/export",
		access: permission(gapPolicy, "policy_gap.analyse"),
		ok: 200,
		readOnly: true,
		request: () => ({ body: { source: { text: GAP_TEXT }, format: "xlsx" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/policy-reviews",
		access: permission(reviewsPolicy, "policy_review.read"),
		ok: 200,
		request: none,
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/policy-reviews",
		access: permission(reviewsPolicy, "policy_review.manage"),
		ok: 201,
		request: () => ({ body: { trigger: "major_change" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/policy-reviews/{id}",
		access: permission(reviewsPolicy, "policy_review.read"),
		ok: 200,
		request: async ({ deps, world }) => ({
			params: { id: await makeReview(deps, world.tenant.id) },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/policy-reviews/{id}/inputs",
		access: permission(reviewsPolicy, "policy_review.manage"),
		ok: 200,
		request: async ({ deps, world }) => ({
			params: { id: await makeReview(deps, world.tenant.id) },
			body: {
				auditResults: "指摘なし",
				selfInspectionResults: "",
				incidents: "",
				environmentChanges: "",
				riskAnalysis: [],
			},
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/policy-reviews/{id}/decision",
		access: permission(reviewsPolicy, "policy_review.decide"),
		ok: 200,
		request: async ({ deps, world }) => ({
			params: { id: await makeReview(deps, world.tenant.id) },
			body: { outcome: "no_change", reason: "変更不要" },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/org-units",
		access: permission(orgPolicy, "org_unit.create"),
		ok: 201,
		request: ({ world }) => ({ body: orgUnitBody(world.orgUnit.id) }),
		crossTenant: [
			{
				name: "tenant A's org unit as parent",
				request: "foreign",
				expect: UNKNOWN_ORG_UNIT,
			},
			served({
				name: "a code tenant A already uses is free in B",
				request: (a) => ({ body: { ...orgUnitBody(null), code: a.orgUnit.code } }),
			}),
		],
	},
	{
		method: "get",
		path: "/api/audit-events",
		access: permission(auditLogPolicy, "audit-log.read"),
		ok: 200,
		request: () => ({ query: { limit: "500" } }),
		crossTenant: [
			served({ check: (sent) => assert.ok(totalOf(sent) > 0) }),
			served({
				name: "filtered by a record of tenant A",
				request: (a) => ({ query: { recordId: a.target.id } }),
				check: (sent) => assert.equal(totalOf(sent), 0),
			}),
			served({
				name: "filtered by an actor of tenant A",
				request: (a) => ({ query: { actor: a.admin.id } }),
				check: (sent) => assert.equal(totalOf(sent), 0),
			}),
		],
	},
	{
		method: "get",
		path: "/api/audit-events/export.csv",
		access: permission(auditLogPolicy, "audit-log.export"),
		ok: 200,
		request: none,
		crossTenant: [served({ check: (sent, _a, b) => assert.ok(sent.text.includes(b.target.id)) })],
	},
	{
		method: "get",
		path: "/api/audit-checkpoints/latest",
		access: permission(auditLogPolicy, "audit-log.read"),
		ok: 200,
		request: none,
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/tenants",
		access: permission(tenantsPolicy, "tenant.read", "instance"),
		ok: 200,
		request: none,
		crossTenant: [INSTANCE_ONLY],
	},
	{
		method: "post",
		path: "/api/tenants",
		access: permission(tenantsPolicy, "tenant.create", "instance"),
		ok: 201,
		request: () => ({ body: { slug: unique("t"), name: "新設町" } }),
		crossTenant: [INSTANCE_ONLY],
	},
	{
		method: "get",
		path: "/api/tenant/settings",
		access: permission(tenantsPolicy, "tenant.settings_read"),
		ok: 200,
		request: none,
		crossTenant: [served()],
	},
	{
		method: "put",
		path: "/api/tenant/settings",
		access: permission(tenantsPolicy, "tenant.settings_change"),
		ok: 200,
		request: () => ({ body: { dateStyle: "wareki" } }),
		crossTenant: [served()],
	},
	...DOCUMENT_ROUTES,
	...ORG_ROUTES,
	...NETWORK_ROUTES,
	...ASSET_ROUTES,
	...ASSET_TRANSFER_ROUTES,
	...IMPORT_MAPPING_ROUTES,
	...CUSTODY_ROUTES,
	...RISK_ROUTES,
	...INCIDENT_ROUTES,
	...INCIDENT_CASEWORK_ROUTES,
	...INCIDENT_CHAIN_ROUTES,
	...DRILL_ROUTES,
	...EXCEPTION_ROUTES,
	...SOCIAL_MEDIA_ROUTES,
	...WEBHOOK_ROUTES,
	...MY_NUMBER_ROUTES,
	...DIRECTORY_ROUTES,
	...SECURE_AREA_ROUTES,
	...API_TOKEN_ROUTES,
	...TRAINING_ROUTES,
	...CLOUD_SERVICE_ROUTES,
	...CONTRACT_ROUTES,
	...REVIEW_ASSURANCE_ROUTES,
	...ASSURANCE_CHECKLIST_ROUTES,
	...ASSURANCE_CAMPAIGN_ROUTES,
	...FINDING_ROUTES,
	...ASSURANCE_AUDIT_ROUTES,
	...INCIDENT_STATS_ROUTES,
	...STATUS_REPORT_ROUTES,
	...MAIL_ROUTES,
	...HOME_ROUTES,
];

/** `GET /api/accounts/{id}`: how tests and messages name an operation. */
export function operationName(op: { method: string; path: string }): string {
	return `${op.method.toUpperCase()} ${op.path}`;
}

export function routeEntry(op: { method: string; path: string }): RouteEntry | undefined {
	return ROUTE_TABLE.find((entry) => entry.method === op.method && entry.path === op.path);
}
