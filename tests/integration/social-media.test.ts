import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { DORMANT_JOB, flagDormantAccounts } from "../../src/modules/social-media/flag-dormant.ts";
import type { SocialAccountView } from "../../src/modules/social-media/social-media.schemas.ts";
import { createTenant } from "../../src/modules/tenants/create-tenant.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeStaff } from "../helpers/org-factories.ts";
import { SOCIAL_MEDIA_ROUTES } from "../helpers/route-table.social-media.ts";
import { urlOf } from "../helpers/route-walk.ts";
import {
	makeSectionManagerStaff,
	makeSocialAccount,
	procedureDocumentId,
	sampleAccount,
} from "../helpers/social-media-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * 公式SNSアカウント over HTTP: where the pack has the provision (Saga), a 課長 registers an
 * account, asks for approval and the pack's approver (the section manager) approves; the roles
 * the pack names are told. A refusal says why; the daily job flags accounts without a review for
 * a year; a tenant whose pack has no provision (Kitakyushu) has no such feature at all.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

let counter = 0;
async function tenantOn(pack: "saga" | "kitakyushu" | "standard"): Promise<TenantRow> {
	counter += 1;
	const slug = `${pack}-sns-${counter}`;
	return inTransaction(runtime.db, (tx) =>
		createTenant(tx, { label: "test", ip: null }, { slug, name: `${slug} 市`, pack }),
	);
}

async function unitIn(tenant: TenantRow, name = "広報課") {
	counter += 1;
	return inTransaction(runtime.db, (tx) =>
		createOrgUnit(tx, systemActor(tenant.id, "test"), {
			code: `u${counter}`,
			name,
			kind: "section",
			parentId: null,
		}),
	);
}

async function person(tenant: TenantRow, roles: Role[]) {
	const account = await makeAccount(runtime, tenant, { roles });
	return { account, client: await activeClient(runtime, app, account) };
}

/** A Saga tenant with a 広報課, its 課長 (on the roster, with a session) and a clerk. */
async function sagaDesk() {
	const tenant = await tenantOn("saga");
	const unit = await unitIn(tenant);
	const kacho = await makeSectionManagerStaff(runtime, tenant, unit.id);
	const clerk = await makeStaff(runtime, tenant, unit.id, { title: "主事" });
	const client = await activeClient(runtime, app, kacho);
	const procedure = await procedureDocumentId(runtime, tenant.id);
	return { tenant, unit, kacho, clerk, client, procedure };
}

describe("social-media accounts", () => {
	test("Saga: a 課長 registers and asks, the section manager approves, the chief officer is told", async () => {
		const { tenant, unit, kacho, clerk, client, procedure } = await sagaDesk();
		const chief = await person(tenant, ["chief_officer"]);
		const ciso = await person(tenant, ["ciso"]);

		const session = await expectJson<{ session: { permissions: string[] } }>(
			await client.get("/api/auth/session"),
		);
		assert.ok(session.session.permissions.includes("social_media.read"));

		const options = await expectJson<{ deciders: string[]; notified: string[] }>(
			await client.get("/api/social-media/options"),
		);
		assert.deepEqual(options.deciders, ["section_manager"]);
		assert.deepEqual(options.notified, ["chief_officer"]);

		const registered = await expectJson<SocialAccountView>(
			await client.post(
				"/api/social-media/accounts",
				sampleAccount(unit.id, kacho.staffId, procedure, {
					credentialHolderIds: [kacho.staffId, clerk.staffId],
				}),
			),
			201,
		);
		assert.equal(registered.state, "registered");
		assert.equal(registered.responsibleStaff.id, kacho.staffId);
		assert.equal(registered.credentialHolders.length, 2);
		assert.deepEqual(registered.allowedActions, ["request", "close"]);

		const requested = await expectJson<SocialAccountView>(
			await client.post(`/api/social-media/accounts/${registered.id}/request`, {
				version: registered.version,
			}),
		);
		assert.equal(requested.state, "requested");
		assert.ok(requested.allowedActions.includes("approve"));

		// The CISO sees it but is not the approver Saga's policy names.
		const cisoView = await expectJson<SocialAccountView>(
			await ciso.client.get(`/api/social-media/accounts/${registered.id}`),
		);
		assert.ok(!cisoView.allowedActions.includes("approve"));
		const refused = await expectProblem(
			await ciso.client.post(`/api/social-media/accounts/${registered.id}/approve`, {
				version: requested.version,
			}),
			403,
			"forbidden",
		);
		assert.equal(refused.issues?.[0]?.code, "social_media_not_approver");

		const approved = await expectJson<SocialAccountView>(
			await client.post(`/api/social-media/accounts/${registered.id}/approve`, {
				version: requested.version,
				reason: "運用手順を確認した",
			}),
		);
		assert.equal(approved.state, "approved");
		assert.equal(approved.decision?.as, "section_manager");
		assert.ok(approved.reviewDueOn);

		const notices = await runtime.db
			.selectFrom("notifications")
			.select(["account_id", "kind", "link"])
			.where("tenant_id", "=", tenant.id)
			.where("kind", "=", "social_media_approved")
			.execute();
		assert.deepEqual(
			notices.map((n) => [n.account_id, n.link]),
			[[chief.account.id, `/social-media/${registered.id}`]],
		);

		const events = await auditEvents(runtime.db, tenant.id);
		const ours = events.filter((e) => e.type.startsWith("social_media."));
		assert.deepEqual(
			ours.map((e) => e.type),
			["social_media.registered", "social_media.approval_requested", "social_media.approved"],
		);
		assert.deepEqual(ours[2]?.payload.notifiedAccountIds, [chief.account.id]);
		assert.ok(!JSON.stringify(ours).toLowerCase().includes("password"));
	});

	test("a refusal needs a reason; the responsible person must be a 課長; credentials are never taken", async () => {
		const { tenant, unit, kacho, clerk, client, procedure } = await sagaDesk();
		const notManager = await expectProblem(
			await client.post(
				"/api/social-media/accounts",
				sampleAccount(unit.id, clerk.staffId, procedure),
			),
			400,
			"validation_failed",
		);
		assert.equal(notManager.issues?.[0]?.code, "social_media_responsible_not_manager");
		await expectProblem(
			await client.post("/api/social-media/accounts", {
				...sampleAccount(unit.id, kacho.staffId, procedure),
				password: "secret",
			}),
			400,
			"validation_failed",
		);

		const row = await makeSocialAccount(runtime, tenant.id, unit.id, kacho.staffId, "requested");
		const noReason = await expectProblem(
			await client.post(`/api/social-media/accounts/${row.id}/refuse`, { version: 2, reason: " " }),
			400,
			"validation_failed",
		);
		assert.equal(noReason.issues?.[0]?.code, "social_media_refusal_reason_required");
		const refused = await expectJson<SocialAccountView>(
			await client.post(`/api/social-media/accounts/${row.id}/refuse`, {
				version: 2,
				reason: "発信してよい内容が広すぎる",
			}),
		);
		assert.equal(refused.state, "refused");
		assert.equal(refused.decision?.reason, "発信してよい内容が広すぎる");
		const refusal = (await auditEvents(runtime.db, tenant.id)).find(
			(e) => e.type === "social_media.refused",
		);
		assert.equal(refusal?.payload.reason, "発信してよい内容が広すぎる");

		// A 課長 of another unit neither sees nor keeps it.
		const otherUnit = await unitIn(tenant, "観光課");
		const other = await makeSectionManagerStaff(runtime, tenant, otherUnit.id);
		const otherClient = await activeClient(runtime, app, other);
		await expectProblem(
			await otherClient.get(`/api/social-media/accounts/${row.id}`),
			404,
			"not_found",
		);
	});

	test("the daily job flags an account without a review for a year as 休眠; a review clears it", async () => {
		const { tenant, unit, kacho, client } = await sagaDesk();
		const row = await makeSocialAccount(runtime, tenant.id, unit.id, kacho.staffId, "approved");
		assert.deepEqual(await flagDormantAccounts(runtime, tenant.id), []);
		const later = new Date(Date.now() + 366 * 86_400_000);
		assert.deepEqual(await flagDormantAccounts(runtime, tenant.id, later), [row.id]);
		assert.deepEqual(
			await flagDormantAccounts(runtime, tenant.id, later),
			[],
			"a rerun does nothing",
		);

		const dormant = await expectJson<{ items: { id: string; dormant: boolean }[] }>(
			await client.get("/api/social-media/accounts?dormant=true"),
		);
		assert.deepEqual(
			dormant.items.map((item) => [item.id, item.dormant]),
			[[row.id, true]],
		);
		const others = await expectJson<{ total: number }>(
			await client.get("/api/social-media/accounts?dormant=false"),
		);
		assert.equal(others.total, 0);

		const view = await expectJson<SocialAccountView>(
			await client.get(`/api/social-media/accounts/${row.id}`),
		);
		const reviewed = await expectJson<SocialAccountView>(
			await client.post(`/api/social-media/accounts/${row.id}/review`, {
				version: view.version,
				reviewedOn: japanDate(new Date()),
				note: "投稿内容と管理者を確認した",
			}),
		);
		assert.equal(reviewed.dormant, false);
		assert.equal(reviewed.reviews.length, 1);
		const noReason = await expectProblem(
			await client.post(`/api/social-media/accounts/${row.id}/suspend`, {
				version: reviewed.version,
				reason: "",
			}),
			400,
			"validation_failed",
		);
		assert.equal(noReason.issues?.[0]?.code, "social_media_end_reason_required");

		const types = (await auditEvents(runtime.db, tenant.id)).map((e) => e.type);
		assert.ok(types.includes("social_media.dormant_flagged"));
		assert.ok(types.includes("social_media.reviewed"));
	});

	test("the scheduler runs the dormant sweep daily per tenant", async () => {
		const { tenant, unit, kacho } = await sagaDesk();
		const row = await makeSocialAccount(runtime, tenant.id, unit.id, kacho.staffId, "approved");
		const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
		await runtime.db
			.updateTable("social_media_accounts")
			.set({ decided_at: longAgo, created_at: longAgo })
			.where("id", "=", row.id)
			.execute();
		const now = new Date();
		await ensureRecurring(runtime.db, JOBS, now);
		const queued = await runtime.db
			.selectFrom("jobs")
			.selectAll()
			.where("name", "=", DORMANT_JOB)
			.where("tenant_id", "=", tenant.id)
			.executeTakeFirst();
		assert.ok(queued, "the dormant sweep is queued for the tenant");
		await runDueJobs(runtime, {
			declarations: JOBS,
			now: () => new Date(Date.parse(queued.due_at) + 1000),
		});
		const after = await runtime.db
			.selectFrom("social_media_accounts")
			.select("dormant_since")
			.where("id", "=", row.id)
			.executeTakeFirstOrThrow();
		assert.ok(after.dormant_since, "flagged 休眠 by the scheduled run");
	});

	test("Kitakyushu: no such feature; every route answers 404 social_media_not_in_policy", async () => {
		const tenant = await tenantOn("kitakyushu");
		const ciso = await person(tenant, ["ciso", "chief_officer"]);
		const session = await expectJson<{ session: { permissions: string[] } }>(
			await ciso.client.get("/api/auth/session"),
		);
		assert.ok(!session.session.permissions.some((p) => p.startsWith("social_media.")));
		assert.ok(session.session.permissions.includes("exception.read"));

		const today = japanDate(new Date());
		const bodies: Record<string, unknown> = {
			"/api/social-media/accounts": sampleAccount("u", "s", "d"),
			request: { version: 1 },
			reinstate: { version: 1 },
			approve: { version: 1, reason: "" },
			refuse: { version: 1, reason: "x" },
			suspend: { version: 1, reason: "x" },
			close: { version: 1, reason: "x" },
			review: { version: 1, reviewedOn: today, note: "x" },
		};
		for (const entry of SOCIAL_MEDIA_ROUTES) {
			const last = entry.path.split("/").pop() ?? "";
			const body = entry.method === "post" ? (bodies[entry.path] ?? bodies[last]) : undefined;
			const url = urlOf(entry.path, entry.path.includes("{id}") ? { params: { id: "x" } } : {});
			const problem = await expectProblem(
				await ciso.client.request(entry.method, url, body),
				404,
				"not_found",
			);
			assert.equal(
				problem.issues?.[0]?.code,
				"social_media_not_in_policy",
				`${entry.method} ${url}`,
			);
		}
		assert.deepEqual(
			await flagDormantAccounts(runtime, tenant.id, new Date(Date.now() + 400 * 86_400_000)),
			[],
		);
	});
});
