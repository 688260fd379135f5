import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import type { Role } from "../../src/modules/authz/roles.ts";
import { openIncidentDesk } from "../../src/modules/incidents/incident-desk.ts";
import { incidentsJobs } from "../../src/modules/incidents/incidents.jobs.ts";
import { recordFiling } from "../../src/modules/incidents/record-filing.ts";
import {
	DEADLINE_REMINDER_JOB,
	remindDeadlines,
} from "../../src/modules/incidents/remind-deadlines.ts";
import { transitionIncident } from "../../src/modules/incidents/transition-incident.ts";
import { triageIncident } from "../../src/modules/incidents/triage-incident.ts";
import { ensureRecurring } from "../../src/platform/jobs/ensure-recurring.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { csirtActor, makeIncident } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The daily reminder of legal reports (速報 / 確報) due soon or overdue and not filed: to the
 * chain's contact point (the CSIRT) and the CISO, once per stage and Japan day, through the
 * scheduler's daily job, and by mail to a real SMTP server.
 */

let runtime: TestRuntime;
let smtp: SMTPServer;
let mailing: AppDeps;
const received: { to: string[]; subject: string; text: string }[] = [];

before(async () => {
	runtime = await createTestRuntime();
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

/** A tenant with two CSIRT members, the CISO and 統括 (not the contact point). */
async function reminderTenant() {
	const tenant = await makeTenant(runtime);
	// Roles held since April 2025, so that they are in force on the days the reminders run.
	const holder = async (role: Role, email: string | null) => {
		const account = await makeAccount(runtime, tenant, { totp: true });
		await inTransaction(runtime.db, async (tx) => {
			await assignRole(tx, systemActor(tenant.id, "test"), account.id, {
				role,
				orgUnitId: null,
				validFrom: "2025-04-01T00:00:00+09:00",
				validTo: null,
			});
			await updateAccount(tx, tenant.id, account.id, {
				email: email && `${email}@${tenant.slug}.example.jp`,
			});
		});
		return account;
	};
	return {
		tenant,
		csirt: await holder("csirt", "csirt"),
		quietCsirt: await holder("csirt", null),
		ciso: await holder("ciso", "ciso"),
		chief: await holder("chief_officer", "tokatsu"),
	};
}

/**
 * A lost USB stick known on Sun 2025-11-30, triaged with `people` residents: with more than 100
 * the PPC report is required, 速報 due Thu 2025-12-04 and 確報 Mon 2026-01-05 (day 30 falls in the
 * New Year closure and 01-04 is a Sunday).
 */
async function reportableCase(tenantId: string, people = 150) {
	const incident = await makeIncident(runtime, tenantId);
	const desk = await openIncidentDesk(runtime.db, csirtActor(tenantId));
	await inTransaction(runtime.db, (tx) =>
		triageIncident(tx, desk, incident.id, {
			version: 1,
			category: "unintentional",
			severity: 1,
			people,
			dataKinds: ["personal"],
		}),
	);
	return incident;
}

const stagesOf = (reminded: Awaited<ReturnType<typeof remindDeadlines>>) =>
	reminded.map((r) => [r.reference, r.stage, r.due, r.overdue, r.recipients]);

/** 10:00 in Japan on a day. */
const jst10 = (day: string) => new Date(`${day}T01:00:00Z`);

describe("reminders of legal reports due", () => {
	let w: Awaited<ReturnType<typeof reminderTenant>>;
	let incident: Awaited<ReturnType<typeof reportableCase>>;
	before(async () => {
		w = await reminderTenant();
		incident = await reportableCase(w.tenant.id);
		// Not reportable (3 people, no sensitive data), and one found not to be an incident.
		await reportableCase(w.tenant.id, 3);
		const rejected = await reportableCase(w.tenant.id);
		const desk = await openIncidentDesk(runtime.db, csirtActor(w.tenant.id));
		await inTransaction(runtime.db, (tx) =>
			transitionIncident(tx, desk, rejected.id, {
				version: 2,
				action: "reject",
				reason: "庁舎内で見つかった",
			}),
		);
	});

	test("an overdue 速報 is reminded; a 確報 weeks away is not yet", async () => {
		const reminded = await remindDeadlines(runtime, w.tenant.id, jst10("2025-12-10"));
		assert.deepEqual(stagesOf(reminded), [
			[incident.reference, "preliminary", "2025-12-04", true, 3],
		]);
	});

	test("within the pack's 2 days the 確報 joins; each stage once per Japan day", async () => {
		const day = jst10("2026-01-03");
		assert.deepEqual(stagesOf(await remindDeadlines(runtime, w.tenant.id, day)), [
			[incident.reference, "preliminary", "2025-12-04", true, 3],
			[incident.reference, "final", "2026-01-05", false, 3],
		]);
		// Again the same day (a rerun, a second process): nobody is reminded twice.
		const later = new Date(day.getTime() + 6 * 3600 * 1000);
		assert.deepEqual(await remindDeadlines(runtime, w.tenant.id, later), []);
		const rows = await runtime.db
			.selectFrom("incident_notifications")
			.select(["account_id", "role", "subject"])
			.where("incident_id", "=", incident.id)
			.where("reason", "=", "deadline")
			.where("notified_at", "=", day.toISOString())
			.execute();
		assert.deepEqual(
			rows.map((r) => [r.account_id, r.role, r.subject]).sort(),
			[
				[w.csirt.id, "csirt", "ppc_personal_information:preliminary"],
				[w.csirt.id, "csirt", "ppc_personal_information:final"],
				[w.quietCsirt.id, "csirt", "ppc_personal_information:preliminary"],
				[w.quietCsirt.id, "csirt", "ppc_personal_information:final"],
				[w.ciso.id, "ciso", "ppc_personal_information:preliminary"],
				[w.ciso.id, "ciso", "ppc_personal_information:final"],
			].sort(),
			"the contact point's members and the CISO; not 統括",
		);
	});

	test("a filed stage is no longer reminded; the timeline and audit log hold each reminder", async () => {
		const desk = await openIncidentDesk(runtime.db, csirtActor(w.tenant.id));
		await inTransaction(runtime.db, (tx) =>
			recordFiling(tx, desk, incident.id, {
				obligation: "ppc_personal_information",
				stage: "preliminary",
				filedOn: "2026-01-04",
			}),
		);
		assert.deepEqual(stagesOf(await remindDeadlines(runtime, w.tenant.id, jst10("2026-01-05"))), [
			[incident.reference, "final", "2026-01-05", false, 3],
		]);
		assert.deepEqual(stagesOf(await remindDeadlines(runtime, w.tenant.id, jst10("2026-01-06"))), [
			[incident.reference, "final", "2026-01-05", true, 3],
		]);
		const events = await runtime.db
			.selectFrom("incident_events")
			.select(["kind", "actor_label", "data"])
			.where("incident_id", "=", incident.id)
			.where("kind", "=", "deadline_reminded")
			.orderBy("seq")
			.execute();
		assert.equal(events.length, 5);
		assert.equal(events[0]?.actor_label, `scheduler (${DEADLINE_REMINDER_JOB})`);
		const logged = (await auditEvents(runtime.db, w.tenant.id)).filter(
			(e) => e.type === "incident.deadline_reminded",
		);
		assert.equal(logged.length, 5);
		assert.equal(logged[0]?.actor_id, "system");
		assert.deepEqual(
			{ ...logged.at(-1)?.payload, accountIds: undefined },
			{
				reference: incident.reference,
				obligation: "ppc_personal_information",
				stage: "final",
				due: "2026-01-05",
				overdue: true,
				accountIds: undefined,
			},
		);
	});
});

describe("the kept report dues", () => {
	test("are what it reads: derived again first when the tenant's rules changed", async () => {
		const w = await reminderTenant();
		const incident = await reportableCase(w.tenant.id);
		// The tenant's own 速報 day 3, set after the case's dues were kept (due on day 5).
		await runtime.db
			.updateTable("tenants")
			.set({ incident_preliminary_days: 3 })
			.where("id", "=", w.tenant.id)
			.execute();
		const reminded = await remindDeadlines(runtime, w.tenant.id, jst10("2025-12-03"));
		assert.deepEqual(stagesOf(reminded), [
			[incident.reference, "preliminary", "2025-12-02", true, 3],
		]);
		const kept = await runtime.db
			.selectFrom("incident_report_dues")
			.select(["stage", "due_on"])
			.where("incident_id", "=", incident.id)
			.orderBy("stage", "desc")
			.execute();
		assert.deepEqual(
			kept.map((row) => `${row.stage} ${row.due_on}`),
			["preliminary 2025-12-02", "final 2026-01-05"],
		);
	});
});

describe("the daily job", () => {
	test("is queued per tenant at 09:00 in Japan and reminds, with mails to a real SMTP server", async () => {
		const w = await reminderTenant();
		const incident = await reportableCase(w.tenant.id);
		const now = new Date();
		await ensureRecurring(runtime.db, incidentsJobs, now);
		const job = await runtime.db
			.selectFrom("jobs")
			.selectAll()
			.where("name", "=", DEADLINE_REMINDER_JOB)
			.where("tenant_id", "=", w.tenant.id)
			.executeTakeFirstOrThrow();
		assert.equal(new Date(job.due_at).getUTCHours(), 0, "09:00 JST is 00:00 UTC");
		const before = received.length;
		// The daily job, then the mail jobs it queued.
		await runDueJobs(mailing, {
			declarations: incidentsJobs,
			now: () => new Date(Date.parse(job.due_at) + 1000),
		});
		const done = await runtime.db
			.selectFrom("jobs")
			.select("status")
			.where("id", "=", job.id)
			.executeTakeFirstOrThrow();
		assert.equal(done.status, "done");
		const mails = received
			.slice(before)
			.filter((m) => m.to[0]?.endsWith(`@${w.tenant.slug}.example.jp`));
		// Both stages overdue by now; the CSIRT member and the CISO with an address, per stage.
		assert.deepEqual(mails.map((m) => m.to[0]?.split("@")[0]).sort(), [
			"ciso",
			"ciso",
			"csirt",
			"csirt",
		]);
		const preliminary = mails.find((m) => m.subject.includes("速報"));
		assert.equal(
			preliminary?.subject,
			`【法定報告の期限超過】インシデント ${incident.reference}: 個人情報保護委員会への速報（期限 令和7年12月4日）`,
		);
		assert.match(
			preliminary?.text ?? "",
			/期限（令和7年12月4日）を過ぎていますが、提出が記録されていません/,
		);
		assert.match(preliminary?.text ?? "", new RegExp(`/incidents/${incident.id}`));
	});
});
