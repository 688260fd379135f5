import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createApp } from "../../src/http/app.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { findingsJobs } from "../../src/modules/assurance/findings/findings.jobs.ts";
import type { FindingView } from "../../src/modules/assurance/findings/findings.schemas.ts";
import {
	notifyOverdueFindings,
	OVERDUE_JOB,
} from "../../src/modules/assurance/findings/notify-overdue.ts";
import { raiseFinding } from "../../src/modules/assurance/findings/raise-finding.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { auditFinding, findingActor, makeFinding } from "../helpers/finding-world.ts";
import { activeClient, expectJson } from "../helpers/http.ts";
import { grantRole } from "../helpers/mail-world.ts";
import { unique } from "../helpers/route-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Overdue findings: the daily job tells the owner unit's managers (and those above them) and the
 * CISO, in the app and by mail to a real SMTP server, once, and again a week later; Home shows
 * the overdue findings to their owner and the CISO, and those done to the auditor who verifies.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let smtp: SMTPServer;
let mailing: AppDeps;
const received: { to: string[]; subject: string; text: string }[] = [];

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ["AUTH", "STARTTLS"],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					const to = session.envelope.rcptTo.map((r) => r.address);
					received.push({ to, subject: mail.subject ?? "", text: mail.text ?? "" });
					callback();
				})
				.catch(callback);
		},
	});
	await new Promise<void>((done) => smtp.listen(0, "127.0.0.1", done));
	const port = (smtp.server.address() as AddressInfo).port;
	mailing = { ...runtime, config: { ...runtime.config, smtpUrl: `smtp://127.0.0.1:${port}` } };
});
after(async () => {
	await new Promise<void>((done) => smtp.close(() => done()));
	await runtime.cleanup();
});

async function overdueTenant() {
	const tenant = await makeTenant(runtime);
	const actor = systemActor(tenant.id, "test");
	const unit = (name: string, kind: "department" | "section", parentId: string | null) =>
		inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, actor, { code: unique("ou"), name, kind, parentId }),
		);
	const department = await unit("市民部", "department", null);
	const section = await unit("市民課", "section", department.id);
	const other = await unit("保険年金課", "section", department.id);
	const holder = async (role: Role, unitId: string | null, email: string | null) => {
		const account = await makeAccount(runtime, tenant, { totp: true });
		await grantRole(runtime, tenant.id, account.id, role, unitId);
		await inTransaction(runtime.db, (tx) =>
			updateAccount(tx, tenant.id, account.id, {
				email: email && `${email}@${tenant.slug}.example.jp`,
			}),
		);
		return { account, client: await activeClient(runtime, app, account) };
	};
	return {
		tenant,
		section,
		manager: await holder("section_manager", section.id, "kacho"),
		departmentOfficer: await holder("department_officer", department.id, "bucho"),
		otherManager: await holder("section_manager", other.id, "other"),
		ciso: await holder("ciso", null, "ciso"),
		chief: await holder("chief_officer", null, "tokatsu"),
		auditor: await holder("auditor", null, null),
	};
}

/** A finding raised in April 2025 with its action due on 1 May 2025: overdue ever since. */
async function overdueFinding(tenantId: string, unitId: string) {
	const { finding } = await inTransaction(runtime.db, (tx) =>
		raiseFinding(
			tx,
			findingActor(tenantId),
			auditFinding(unitId, { dueOn: "2025-05-01", severity: "major" }),
			{ now: new Date("2025-04-10T01:00:00Z") },
		),
	);
	return finding;
}

interface MyWork {
	items: { kind: string; count: number }[];
}

const countOf = async (client: { get(path: string): Promise<Response> }, kind: string) =>
	(await expectJson<MyWork>(await client.get("/api/my-work"))).items.find((i) => i.kind === kind)
		?.count ?? 0;

describe("overdue findings", () => {
	let w: Awaited<ReturnType<typeof overdueTenant>>;
	let late: Awaited<ReturnType<typeof overdueFinding>>;
	before(async () => {
		w = await overdueTenant();
		late = await overdueFinding(w.tenant.id, w.section.id);
		await makeFinding(runtime, w.tenant.id, w.section.id, "open", { dueOn: "2099-03-31" });
		await makeFinding(runtime, w.tenant.id, w.section.id, "done");
	});

	test("Home shows the overdue finding to its unit's managers and the CISO, not to others", async () => {
		assert.equal(await countOf(w.manager.client, "overdue_findings"), 1);
		assert.equal(await countOf(w.departmentOfficer.client, "overdue_findings"), 1);
		assert.equal(await countOf(w.ciso.client, "overdue_findings"), 1);
		assert.equal(await countOf(w.otherManager.client, "overdue_findings"), 0);
		assert.equal(await countOf(w.chief.client, "overdue_findings"), 0);
		assert.equal(await countOf(w.auditor.client, "overdue_findings"), 0);
		const view = await expectJson<FindingView>(
			await w.manager.client.get(`/api/findings/${late.id}`),
		);
		assert.equal(view.overdue, true);
	});

	test("Home shows the action marked done to those who verify it", async () => {
		assert.equal(await countOf(w.auditor.client, "findings_to_verify"), 1);
		assert.equal(await countOf(w.ciso.client, "findings_to_verify"), 1);
		assert.equal(await countOf(w.manager.client, "findings_to_verify"), 0);
	});

	test("the daily job tells the managers above the unit and the CISO, in the app and by mail", async () => {
		const now = new Date();
		await ensureRecurring(runtime.db, findingsJobs, now);
		const job = await runtime.db
			.selectFrom("jobs")
			.selectAll()
			.where("name", "=", OVERDUE_JOB)
			.where("tenant_id", "=", w.tenant.id)
			.executeTakeFirstOrThrow();
		assert.equal(new Date(job.due_at).getUTCHours(), 0, "09:00 JST is 00:00 UTC");
		const before = received.length;
		await runDueJobs(mailing, {
			declarations: findingsJobs,
			now: () => new Date(Date.parse(job.due_at) + 1000),
		});
		const notices = await runtime.db
			.selectFrom("finding_notifications")
			.selectAll()
			.where("tenant_id", "=", w.tenant.id)
			.execute();
		assert.deepEqual(
			notices.map((n) => [n.finding_id, n.account_id, n.role, n.due_on]).sort(),
			[
				[late.id, w.manager.account.id, "section_manager", "2025-05-01"],
				[late.id, w.departmentOfficer.account.id, "department_officer", "2025-05-01"],
				[late.id, w.ciso.account.id, "ciso", "2025-05-01"],
			].sort(),
		);
		assert.ok(
			notices.every((n) => n.mailed_at !== null),
			"every notice was mailed",
		);
		const mails = received
			.slice(before)
			.filter((m) => m.to[0]?.endsWith(`@${w.tenant.slug}.example.jp`));
		assert.deepEqual(mails.map((m) => m.to[0]?.split("@")[0]).sort(), ["bucho", "ciso", "kacho"]);
		const mail = mails.find((m) => m.to[0]?.startsWith("kacho"));
		assert.equal(mail?.subject, `【是正期限超過】指摘事項 ${late.reference}（期限 令和7年5月1日）`);
		assert.match(mail?.text ?? "", /重大度: 重大、所管: 市民課/);
		assert.match(mail?.text ?? "", /市民課の情報セキュリティ管理者としてお知らせします/);
		assert.doesNotMatch(mail?.text ?? "", /端末をロック/, "the finding's text stays in Mamori");
		const view = await expectJson<FindingView>(await w.ciso.client.get(`/api/findings/${late.id}`));
		assert.deepEqual(view.timeline.at(-1)?.kind, "overdue_notified");
		const event = (await auditEvents(runtime.db, w.tenant.id)).find(
			(e) => e.type === "finding.overdue_notified",
		);
		assert.equal(event?.actor_label, `scheduler (${OVERDUE_JOB})`);
		assert.deepEqual(
			[...((event?.payload.accountIds as string[]) ?? [])].sort(),
			[w.manager.account.id, w.departmentOfficer.account.id, w.ciso.account.id].sort(),
		);
	});

	test("a second run tells nobody again; a week later the finding is told anew", async () => {
		const told = await runtime.db
			.selectFrom("finding_notifications")
			.select("notified_at")
			.where("tenant_id", "=", w.tenant.id)
			.executeTakeFirstOrThrow();
		// The job ran at its due time (today's or tomorrow's 09:00 in Japan): count from then.
		const toldAt = Date.parse(String(new Date(told.notified_at).toISOString()));
		assert.deepEqual(
			await notifyOverdueFindings(runtime, w.tenant.id, new Date(toldAt + 3_600_000)),
			[],
		);
		assert.deepEqual(
			await notifyOverdueFindings(runtime, w.tenant.id, new Date(toldAt + 6 * 86_400_000)),
			[],
			"not within the week",
		);
		const nextWeek = new Date(toldAt + 7 * 86_400_000);
		const again = await notifyOverdueFindings(runtime, w.tenant.id, nextWeek);
		assert.deepEqual(
			again.map((n) => [n.reference, n.accountIds.length]),
			[[late.reference, 3]],
		);
	});
});
