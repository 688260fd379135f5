import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { systemActor } from "../../src/bootstrap.ts";
import type { OrgUnitTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { createApp } from "../../src/http/app.ts";
import { updateAccount } from "../../src/modules/accounts/accounts.repository.ts";
import type { MyWork } from "../../src/modules/home/home.schemas.ts";
import { escalateIfUnacknowledged } from "../../src/modules/incidents/escalate-incident.ts";
import type { IncidentChainView } from "../../src/modules/incidents/incident-chain.schemas.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { incidentsJobs } from "../../src/modules/incidents/incidents.jobs.ts";
import { ESCALATION_JOB } from "../../src/modules/incidents/notify-chain.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { webhooksJobs } from "../../src/modules/webhooks/webhooks.jobs.ts";
import type { SubscriptionView } from "../../src/modules/webhooks/webhooks.schemas.ts";
import { runDueJobs } from "../../src/platform/jobs/run-due.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { newUnit, person, report } from "../helpers/incident-people.ts";
import { usbReport } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * The reporting chain over HTTP and the scheduler: who is told of a triaged case by the pack's
 * chain and the case's units, the mails a real SMTP server receives (and a refused one retried),
 * acknowledgements, the escalation of an unacknowledged severe case to the CISO on a controlled
 * clock, once. Deadline reminders are in incident-deadline-reminders.test.ts.
 */

interface Received {
	to: string[];
	subject: string;
	text: string;
}

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
let smtp: SMTPServer;
let mailing: AppDeps;
const received: Received[] = [];
/** Recipients the SMTP server refuses for now (a full mailbox, a server in trouble). */
const refused = new Set<string>();

before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ["AUTH", "STARTTLS"],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (refused.has(address.address)) {
				callback(Object.assign(new Error("mailbox busy"), { responseCode: 450 }));
				return;
			}
			callback();
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					received.push({
						to: session.envelope.rcptTo.map((r) => r.address),
						subject: mail.subject ?? "",
						text: mail.text ?? "",
					});
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

/**
 * The one-off jobs of the chain (mail, escalation) and webhook deliveries; the daily reminders are
 * tested elsewhere.
 */
const CHAIN_JOBS = [...incidentsJobs, ...webhooksJobs].filter((job) => !job.recurring);

/** A webhook receiver on loopback: the bodies and headers it got. */
const hooks: { headers: Record<string, string>; body: string }[] = [];
const hookServer = createServer((request, response) => {
	const chunks: Buffer[] = [];
	request.on("data", (chunk: Buffer) => chunks.push(chunk));
	request.on("end", () => {
		const headers: Record<string, string> = {};
		for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"])
			headers[name] = String(request.headers[name]);
		hooks.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
		response.writeHead(204).end();
	});
});
before(() => new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", resolve)));
after(() => {
	hookServer.close();
});

/** Run the chain's due jobs as the scheduler would at `at`. */
function runJobsAt(at: Date, deps: AppDeps = mailing) {
	return runDueJobs(deps, { declarations: CHAIN_JOBS, now: () => at });
}

const HOUR = 3600 * 1000;

/**
 * A tenant (standard pack) with 市民部 ─ 市民課, a separate 税務課, staff of 市民課, the managers and
 * officers of those units, 統括, the CISO and a CSIRT member; everyone in the chain has an address.
 */
async function chainTenant() {
	const tenant = await makeTenant(runtime);
	const actor = systemActor(tenant.id, "test");
	const unit = (name: string, kind: "department" | "section", parentId: string | null) =>
		inTransaction(runtime.db, (tx) =>
			createOrgUnit(tx, actor, { code: `${name}-${tenant.slug}`, name, kind, parentId }),
		);
	const dept: OrgUnitTable = await unit("市民部", "department", null);
	const section = await unit("市民課", "section", dept.id);
	const tax = await newUnit(runtime, tenant, "税務課");
	const mailed = async (who: Awaited<ReturnType<typeof person>>, name: string) => {
		const email = `${name}@${tenant.slug}.example.jp`;
		await inTransaction(runtime.db, (tx) =>
			updateAccount(tx, tenant.id, who.account.id, { email, display_name: name }),
		);
		return { ...who, email };
	};
	return {
		tenant,
		section,
		reporter: await person(runtime, app, tenant, section),
		colleague: await person(runtime, app, tenant, section),
		manager: await mailed(
			await person(runtime, app, tenant, section, ["section_manager"]),
			"kacho",
		),
		officer: await mailed(
			await person(runtime, app, tenant, dept, ["department_officer"]),
			"bucho",
		),
		taxManager: await mailed(await person(runtime, app, tenant, tax, ["section_manager"]), "zeimu"),
		chief: await mailed(await person(runtime, app, tenant, tax, ["chief_officer"]), "tokatsu"),
		ciso: await mailed(await person(runtime, app, tenant, tax, ["ciso"]), "ciso"),
		csirt: await mailed(await person(runtime, app, tenant, tax, ["csirt"]), "csirt"),
	};
}
type ChainTenant = Awaited<ReturnType<typeof chainTenant>>;

async function reportAndTriage(w: ChainTenant, severity: number) {
	const reported = await expectJson<IncidentView>(
		await report(w.reporter.client, usbReport()),
		201,
	);
	const triaged = await expectJson<IncidentView>(
		await w.csirt.client.post(`/api/incidents/${reported.id}/triage`, {
			version: 1,
			category: "unintentional",
			severity,
			people: 150,
			dataKinds: ["personal"],
		}),
	);
	return triaged;
}

const chainOf = async (client: ChainTenant["csirt"]["client"], id: string) =>
	expectJson<IncidentChainView>(await client.get(`/api/incidents/${id}/chain`));

const toldIds = (chain: IncidentChainView) =>
	chain.notifications.map((n) => [n.accountId, n.role, n.reason]);

async function myWork(client: ChainTenant["csirt"]["client"]) {
	const work = await expectJson<MyWork>(await client.get("/api/my-work"));
	return work.items.find((item) => item.kind === "incident_acknowledgements")?.count ?? 0;
}

function escalationJobs(incidentId: string) {
	return runtime.db
		.selectFrom("jobs")
		.selectAll()
		.where("name", "=", ESCALATION_JOB)
		.where("payload", "like", `%${incidentId}%`)
		.execute();
}

describe("triage tells the chain of the pack, through the case's units", () => {
	let w: ChainTenant;
	let caseId: string;
	before(async () => {
		w = await chainTenant();
		caseId = (await reportAndTriage(w, 1)).id;
	});

	test("a minor case: only the manager of its unit is told, in the app", async () => {
		const chain = await chainOf(w.csirt.client, caseId);
		assert.equal(chain.contactPoint, "csirt");
		assert.deepEqual(toldIds(chain), [[w.manager.account.id, "section_manager", "triage"]]);
		assert.equal(chain.notifications[0]?.unit?.id, w.section.id);
		assert.equal(chain.notifications[0]?.acknowledgedAt, null);
		assert.equal(chain.escalation.applies, false);
		assert.equal(await myWork(w.manager.client), 1, "Home counts it for the manager");
		assert.equal(await myWork(w.taxManager.client), 0, "not another unit's manager");
		assert.equal(await myWork(w.ciso.client), 0, "not the CISO for a minor case");
		const listed = await expectJson<{ items: { id: string; notices: number }[]; total: number }>(
			await w.manager.client.get("/api/incidents/to-acknowledge"),
		);
		assert.deepEqual(
			listed.items.map((i) => [i.id, i.notices]),
			[[caseId, 1]],
		);
		assert.equal((await escalationJobs(caseId)).length, 0, "a minor case never escalates");
	});

	test("the timeline and the audit log record who was told", async () => {
		const view = await expectJson<IncidentView>(
			await w.csirt.client.get(`/api/incidents/${caseId}`),
		);
		const entry = view.timeline.find((e) => e.kind === "chain_notified");
		assert.ok(entry);
		assert.equal(entry.data.reason, "triage");
		assert.deepEqual(
			(entry.data.notified as { accountId: string; name: string }[]).map((p) => [
				p.accountId,
				p.name,
			]),
			[[w.manager.account.id, "kacho"]],
		);
		const logged = (await auditEvents(runtime.db, w.tenant.id)).filter(
			(e) => e.type === "incident.chain_notified" && e.record_id === caseId,
		);
		assert.equal(logged.length, 1);
		assert.equal(logged[0]?.actor_id, w.csirt.account.id);
		assert.deepEqual(logged[0]?.payload.accountIds, [w.manager.account.id]);
	});

	test("a raise to severe tells the next links once, and queues the escalation", async () => {
		const raised = await expectJson<IncidentView>(
			await w.csirt.client.post(`/api/incidents/${caseId}/triage`, { version: 2, severity: 3 }),
		);
		assert.equal(raised.severity?.level, 3);
		const chain = await chainOf(w.csirt.client, caseId);
		assert.deepEqual(toldIds(chain), [
			[w.manager.account.id, "section_manager", "triage"],
			// The department officer above 市民課, then 統括 and the CISO; the manager not again.
			[w.officer.account.id, "department_officer", "severity_raised"],
			[w.chief.account.id, "chief_officer", "severity_raised"],
			[w.ciso.account.id, "ciso", "severity_raised"],
		]);
		assert.equal(chain.notifications[1]?.unit?.name, "市民部");
		assert.equal(chain.escalation.applies, true);
		const [job] = await escalationJobs(caseId);
		assert.ok(job, "the escalation is queued");
		const told = Date.parse(chain.notifications[1]?.notifiedAt ?? "");
		assert.equal(Date.parse(job.due_at), told + 2 * HOUR, "due when the pack's 2 hours are up");
		// A correction that changes neither severity nor units tells nobody.
		await expectJson<IncidentView>(
			await w.csirt.client.post(`/api/incidents/${caseId}/triage`, {
				version: 3,
				priority: "high",
			}),
		);
		assert.equal((await chainOf(w.csirt.client, caseId)).notifications.length, 4);
	});

	test("mails go through the scheduler to a real SMTP server, without the case's details", async () => {
		const before = received.length;
		const summary = await runJobsAt(new Date());
		assert.ok(summary.done >= 4, JSON.stringify(summary));
		const mine = received
			.slice(before)
			.filter((m) => m.to[0]?.endsWith(`@${w.tenant.slug}.example.jp`));
		assert.deepEqual(
			mine.map((m) => m.to[0]).sort(),
			[w.ciso.email, w.chief.email, w.manager.email, w.officer.email].sort(),
		);
		const { reference } = await expectJson<IncidentView>(
			await w.csirt.client.get(`/api/incidents/${caseId}`),
		);
		const toManager = mine.find((m) => m.to[0] === w.manager.email);
		assert.equal(toManager?.subject, `【インシデント連絡】${reference}（重大度: 小）`);
		assert.match(
			toManager?.text ?? "",
			/トリアージされました。情報セキュリティ管理者としてお知らせします/,
		);
		const toCiso = mine.find((m) => m.to[0] === w.ciso.email);
		assert.match(toCiso?.text ?? "", /ciso 様/);
		assert.match(toCiso?.text ?? "", /重大度が「大」に上がりました/);
		assert.match(toCiso?.text ?? "", /最高情報セキュリティ責任者（CISO）としてお知らせします/);
		assert.match(toCiso?.text ?? "", new RegExp(`/incidents/${caseId}`));
		assert.match(toCiso?.text ?? "", /窓口: CSIRT（情報セキュリティ対応チーム）/);
		assert.doesNotMatch(toCiso?.text ?? "", /USBメモリ/, "what happened stays in Mamori");
		const chain = await chainOf(w.csirt.client, caseId);
		assert.ok(
			chain.notifications.every((n) => n.mailedAt !== null),
			"each mail is recorded",
		);
		// Run again: nothing is mailed twice.
		const count = received.length;
		await runJobsAt(new Date());
		assert.equal(received.length, count);
	});

	test("the told person acknowledges: timeline, audit event, Home; only once", async () => {
		const url = `/api/incidents/${caseId}/acknowledgements`;
		const acked = await expectJson<IncidentChainView>(await w.manager.client.post(url));
		const mine = acked.notifications.find((n) => n.accountId === w.manager.account.id);
		assert.ok(mine?.acknowledgedAt);
		assert.deepEqual(acked.allowedActions, []);
		assert.equal(await myWork(w.manager.client), 0);
		const again = await expectProblem(await w.manager.client.post(url), 409, "conflict");
		assert.equal(again.issues?.[0]?.code, "nothing_to_acknowledge");
		// Someone who sees the case but was not told has nothing to acknowledge.
		const reporter = await expectProblem(await w.reporter.client.post(url), 409, "conflict");
		assert.equal(reporter.issues?.[0]?.code, "nothing_to_acknowledge");
		// Someone who may not see the case is told it does not exist.
		await expectProblem(await w.colleague.client.post(url), 404, "not_found");
		await expectProblem(await w.taxManager.client.post(url), 404, "not_found");
		await expectProblem(
			await w.colleague.client.get(`/api/incidents/${caseId}/chain`),
			404,
			"not_found",
		);

		const view = await expectJson<IncidentView>(
			await w.csirt.client.get(`/api/incidents/${caseId}`),
		);
		const entry = view.timeline.find((e) => e.kind === "acknowledged");
		assert.equal(entry?.actorLabel, "kacho");
		assert.deepEqual(entry?.data, { notices: 1, reasons: ["triage"], roles: ["section_manager"] });
		const logged = (await auditEvents(runtime.db, w.tenant.id)).filter(
			(e) => e.type === "incident.acknowledged",
		);
		assert.deepEqual(
			logged.map((e) => [e.actor_id, e.record_id, e.payload.notices]),
			[[w.manager.account.id, caseId, 1]],
		);
	});
});

describe("a severe case nobody acknowledges goes to the CISO, once", () => {
	let w: ChainTenant;
	let caseId: string;
	let due: number;
	let secret: string;
	before(async () => {
		w = await chainTenant();
		// The tenant's SIEM is subscribed to escalations.
		const admin = await makeAccount(runtime, w.tenant, { roles: ["tenant_admin"] });
		const client = await activeClient(runtime, app, admin);
		const url = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
		const sub = await expectJson<SubscriptionView>(
			await client.post("/api/webhooks/subscriptions", {
				url,
				eventTypes: ["incident.escalated"],
			}),
			201,
		);
		secret = sub.secret ?? "";
		caseId = (await reportAndTriage(w, 3)).id;
		const [job] = await escalationJobs(caseId);
		assert.ok(job);
		due = Date.parse(job.due_at);
		// The officer and 統括 acknowledge; the manager and the CISO do not.
		for (const who of [w.officer, w.chief]) {
			await expectJson(await who.client.post(`/api/incidents/${caseId}/acknowledgements`));
		}
	});

	test("before the pack's time nothing happens", async () => {
		await runJobsAt(new Date(due - 60_000));
		const [job] = await escalationJobs(caseId);
		assert.equal(job?.status, "pending");
		const chain = await chainOf(w.csirt.client, caseId);
		assert.equal(chain.escalation.escalatedAt, null);
	});

	test("after it, the CISO is told again as an escalation, with a mail, timeline and audit event", async () => {
		const before = received.length;
		await runJobsAt(new Date(due + 1000));
		const [job] = await escalationJobs(caseId);
		assert.equal(job?.status, "done");
		const chain = await chainOf(w.csirt.client, caseId);
		assert.equal(chain.escalation.escalatedAt, new Date(due).toISOString());
		const escalations = chain.notifications.filter((n) => n.reason === "escalation");
		assert.deepEqual(
			escalations.map((n) => [n.accountId, n.role]),
			[[w.ciso.account.id, "ciso"]],
		);
		const mails = received
			.slice(before)
			.filter((m) => m.subject.startsWith("【至急・未確認】") && m.to.includes(w.ciso.email));
		assert.equal(mails.length, 1);
		const [mail] = mails;
		assert.match(mail?.text ?? "", /2 時間を過ぎても確認されていません/);

		const view = await expectJson<IncidentView>(
			await w.csirt.client.get(`/api/incidents/${caseId}`),
		);
		const entry = view.timeline.find((e) => e.kind === "escalated");
		assert.ok(entry);
		assert.equal(entry.actorLabel, `scheduler (${ESCALATION_JOB})`);
		assert.deepEqual(
			(entry.data.waiting as { accountId: string }[]).map((p) => p.accountId).sort(),
			[w.manager.account.id, w.ciso.account.id].sort(),
		);
		const logged = (await auditEvents(runtime.db, w.tenant.id)).filter(
			(e) => e.type === "incident.escalated",
		);
		assert.equal(logged.length, 1);
		assert.equal(logged[0]?.actor_id, "system");
		assert.deepEqual(logged[0]?.payload.accountIds, [w.ciso.account.id]);
		// The CISO's Home shows the case once, however many notices wait.
		assert.equal(await myWork(w.ciso.client), 1);
		// The SIEM got the escalation, signed, from the same pass of the scheduler.
		const events = hooks.map((hook) => new Webhook(secret).verify(hook.body, hook.headers));
		assert.deepEqual(
			events.map((event) => (event as { type: string; data: unknown }).data),
			[{ incidentId: caseId, reference: view.reference, severity: 3 }],
		);
		assert.equal((events[0] as { type: string }).type, "incident.escalated");
	});

	test("never a second time: a rerun, or a later job of the same case", async () => {
		const later = new Date(due + 5 * HOUR);
		assert.equal(
			await escalateIfUnacknowledged(runtime, w.tenant.id, caseId, later),
			"already_escalated",
		);
		await inTransaction(runtime.db, async (tx) => {
			const { enqueueJob } = await import("../../src/platform/jobs/enqueue-job.ts");
			await enqueueJob(tx, {
				name: ESCALATION_JOB,
				tenantId: w.tenant.id,
				payload: { incidentId: caseId },
				dueAt: later,
			});
		});
		await runJobsAt(new Date(later.getTime() + 1000));
		const chain = await chainOf(w.csirt.client, caseId);
		assert.equal(chain.notifications.filter((n) => n.reason === "escalation").length, 1);
		const view = await expectJson<IncidentView>(
			await w.csirt.client.get(`/api/incidents/${caseId}`),
		);
		assert.equal(view.timeline.filter((e) => e.kind === "escalated").length, 1);
	});
});

describe("no escalation when it is not due", () => {
	test("every notice acknowledged in time: nothing escalates", async () => {
		const w = await chainTenant();
		const caseId = (await reportAndTriage(w, 3)).id;
		for (const who of [w.manager, w.officer, w.chief, w.ciso]) {
			await expectJson(await who.client.post(`/api/incidents/${caseId}/acknowledgements`));
		}
		const [job] = await escalationJobs(caseId);
		assert.ok(job);
		await runJobsAt(new Date(Date.parse(job.due_at) + 1000));
		assert.equal((await escalationJobs(caseId))[0]?.status, "done");
		const chain = await chainOf(w.csirt.client, caseId);
		assert.equal(chain.escalation.escalatedAt, null);
		assert.equal(chain.notifications.filter((n) => n.reason === "escalation").length, 0);
	});

	test("the CISO has acknowledged though others have not: the CISO knows, nothing escalates", async () => {
		const w = await chainTenant();
		const caseId = (await reportAndTriage(w, 3)).id;
		await expectJson(await w.ciso.client.post(`/api/incidents/${caseId}/acknowledgements`));
		const [job] = await escalationJobs(caseId);
		assert.ok(job);
		const at = new Date(Date.parse(job.due_at) + 1000);
		assert.equal(await escalateIfUnacknowledged(runtime, w.tenant.id, caseId, at), "ciso_knows");
	});

	test("a case below the pack's threshold, or closed, never escalates", async () => {
		const w = await chainTenant();
		const moderate = (await reportAndTriage(w, 2)).id;
		assert.equal((await escalationJobs(moderate)).length, 0);
		const late = new Date(Date.now() + 10 * HOUR);
		assert.equal(
			await escalateIfUnacknowledged(runtime, w.tenant.id, moderate, late),
			"not_severe",
		);
		const severe = await reportAndTriage(w, 3);
		await expectJson(
			await w.csirt.client.post(`/api/incidents/${severe.id}/transitions`, {
				version: severe.version,
				action: "close",
				prevention: "USBメモリの使用をやめた。",
			}),
		);
		assert.equal(await escalateIfUnacknowledged(runtime, w.tenant.id, severe.id, late), "not_open");
	});
});

describe("a mail the SMTP server refuses is retried, not lost", () => {
	test("the job fails, is retried after its backoff, and the mail then arrives once", async () => {
		const w = await chainTenant();
		refused.add(w.manager.email);
		const caseId = (await reportAndTriage(w, 1)).id;
		const now = new Date();
		const first = await runJobsAt(now);
		assert.equal(first.retried, 1, JSON.stringify(first));
		const job = await runtime.db
			.selectFrom("jobs")
			.selectAll()
			.where("name", "=", "incidents.chain-mail")
			.where("tenant_id", "=", w.tenant.id)
			.executeTakeFirstOrThrow();
		assert.equal(job.status, "pending");
		assert.equal(Number(job.attempts), 1);
		assert.match(job.last_error ?? "", /mailbox busy/);
		let chain = await chainOf(w.csirt.client, caseId);
		assert.equal(chain.notifications[0]?.mailedAt, null);

		refused.delete(w.manager.email);
		const before = received.length;
		await runJobsAt(new Date(Date.parse(job.due_at) + 1000));
		assert.deepEqual(
			received.slice(before).map((m) => m.to[0]),
			[w.manager.email],
		);
		chain = await chainOf(w.csirt.client, caseId);
		assert.ok(chain.notifications[0]?.mailedAt);
	});

	test("without MAMORI_SMTP_URL the notices stay in the app and no mail is attempted", async () => {
		const w = await chainTenant();
		const caseId = (await reportAndTriage(w, 1)).id;
		const before = received.length;
		const summary = await runJobsAt(new Date(), runtime);
		assert.equal(summary.retried + summary.failed, 0);
		assert.equal(received.length, before);
		const chain = await chainOf(w.csirt.client, caseId);
		assert.equal(chain.notifications[0]?.mailedAt, null);
		assert.equal(await myWork(w.manager.client), 1);
	});
});
