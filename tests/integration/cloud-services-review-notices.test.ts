import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { addDays } from "../../src/modules/cloud-services/cloud-rules.ts";
import { REVIEW_JOB } from "../../src/modules/cloud-services/review-cloud-services.ts";
import {
	CLOUD_REVIEW_MAIL_JOB,
	REVIEW_OVERDUE_KIND,
	reviewMail,
} from "../../src/modules/cloud-services/review-notices.ts";
import { JOBS } from "../../src/platform/jobs/registry.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { unitOf } from "../helpers/asset-world.ts";
import { makeCloudService } from "../helpers/cloud-service-world.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The daily review job tells people: a near review date is told to the unit's managers, an
 * overdue review also to the pack's deciding roles (standard pack: chief_officer), each with a
 * notice in the app and, with an address, a queued mail — once per service and review date.
 */

let runtime: TestRuntime;
before(async () => {
	runtime = await createTestRuntime();
});
after(() => runtime.cleanup());

/** Queue the tenant's review job as of `at` and run everything due up to its latest occurrence. */
async function runReviewJob(tenantId: string, at: Date): Promise<void> {
	await runDueJobs(runtime, { declarations: JOBS, now: () => at });
	const next = await runtime.db
		.selectFrom("jobs")
		.select(["id", "due_at"])
		.where("name", "=", REVIEW_JOB)
		.where("tenant_id", "=", tenantId)
		.where("status", "=", "pending")
		.orderBy("due_at", "desc")
		.executeTakeFirst();
	assert.ok(next, "the review job is queued for the tenant");
	await runDueJobs(runtime, {
		declarations: JOBS,
		now: () => new Date(Date.parse(next.due_at) + 1000),
	});
	const run = await runtime.db
		.selectFrom("jobs")
		.select("status")
		.where("id", "=", next.id)
		.executeTakeFirstOrThrow();
	assert.equal(run.status, "done");
}

async function notices(tenantId: string) {
	const rows = await runtime.db
		.selectFrom("notifications")
		.select(["id", "account_id", "kind", "link"])
		.where("tenant_id", "=", tenantId)
		.where("kind", "like", "cloud_service_review%")
		.execute();
	return rows.map((row) => `${row.kind} ${row.account_id} ${row.link}`).sort();
}

async function mailJobs(tenantId: string) {
	const rows = await runtime.db
		.selectFrom("jobs")
		.select("payload")
		.where("name", "=", CLOUD_REVIEW_MAIL_JOB)
		.where("tenant_id", "=", tenantId)
		.execute();
	return rows.map((row) => (JSON.parse(row.payload) as { notificationId: string }).notificationId);
}

test("a near review date tells the unit's managers; an overdue one also the deciders; once each", async () => {
	const tenant = await makeTenant(runtime);
	const manager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	const otherManager = await makeAccount(runtime, tenant, { roles: ["section_manager"] });
	const chief = await makeAccount(runtime, tenant, { roles: ["chief_officer"] });
	await runtime.db
		.updateTable("accounts")
		.set({ email: "kacho@example.lg.jp" })
		.where("id", "=", manager.id)
		.execute();
	const unit = await unitOf(runtime, tenant.id, manager.id, "");
	const reviewOn = addDays(japanDate(new Date()), 10);
	const service = await makeCloudService(runtime, tenant.id, unit, "in_use", {
		nextReviewOn: reviewOn,
	});
	const link = `/cloud-services/${service.id}`;

	await runReviewJob(tenant.id, new Date());
	assert.deepEqual(await notices(tenant.id), [`cloud_service_review_due ${manager.id} ${link}`]);
	const firstMails = await mailJobs(tenant.id);
	assert.equal(firstMails.length, 1, "a mail for the manager, who has an address");

	// Again the same day (a retry, a second process): nobody is told twice.
	await runReviewJob(tenant.id, new Date());
	assert.equal((await notices(tenant.id)).length, 1);
	assert.equal((await mailJobs(tenant.id)).length, 1);

	// Past the review date: the manager and the pack's approver (chief_officer) are told.
	const late = new Date(Date.now() + 11 * 86_400_000);
	await runReviewJob(tenant.id, late);
	assert.deepEqual(
		await notices(tenant.id),
		[
			`cloud_service_review_due ${manager.id} ${link}`,
			`cloud_service_review_overdue ${chief.id} ${link}`,
			`cloud_service_review_overdue ${manager.id} ${link}`,
		].sort(),
	);
	assert.ok(!(await notices(tenant.id)).some((n) => n.includes(otherManager.id)));
	assert.equal((await mailJobs(tenant.id)).length, 2, "the chief has no address: no mail");
	const flags = await runtime.db
		.selectFrom("cloud_services")
		.select("flags")
		.where("id", "=", service.id)
		.executeTakeFirstOrThrow();
	assert.equal(flags.flags, "review_overdue");

	// Rerun when overdue: nothing more.
	await runReviewJob(tenant.id, late);
	assert.equal((await notices(tenant.id)).length, 3);
	assert.equal((await mailJobs(tenant.id)).length, 2);

	const mail = reviewMail(
		service,
		REVIEW_OVERDUE_KIND,
		"wareki",
		"山田 太郎",
		"kacho@example.lg.jp",
	);
	assert.ok(mail.subject.includes(service.code));
	assert.ok(mail.text.includes(link));
});
