import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import { createApp } from "../../src/http/app.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import type {
	CampaignDetail,
	ResponseView,
} from "../../src/modules/assurance/campaigns/campaigns.schemas.ts";
import { closeCampaign } from "../../src/modules/assurance/campaigns/close-campaign.ts";
import {
	mailReminder,
	REMIND_DAYS_BEFORE,
	remindRespondents,
} from "../../src/modules/assurance/campaigns/remind-respondents.ts";
import { myWork } from "../../src/modules/home/my-work.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import {
	addToStaff,
	answerAll,
	campaignActor,
	dueInAWeek,
	makeCampaign,
} from "../helpers/campaign-world.ts";
import type { TestClient } from "../helpers/client.ts";
import { type MadeAccount, makeAccount, makeTenant } from "../helpers/factories.ts";
import { activeClient, expectJson, expectProblem } from "../helpers/http.ts";
import { makeOrgUnit, makeStaff } from "../helpers/org-factories.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Closing a self-inspection campaign and the answers' evidence files: 統括 closes early with a
 * reason (or after the due date without one); a closed campaign refuses answers, submissions
 * and sign-offs with `campaign_closed`, reminds nobody, and keeps its rates and exports, with
 * those who never submitted listed as 未回答. An evidence file goes to the respondent, their
 * unit's 管理者 and 統括 / the CISO, and to nobody else.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface Person {
	account: MadeAccount;
	client: TestClient;
}

async function managerOf(tenant: TenantRow, unitId: string): Promise<MadeAccount> {
	const account = await makeAccount(runtime, tenant, { totp: true });
	await addToStaff(runtime, tenant.id, account.id, unitId);
	await inTransaction(runtime.db, (tx) =>
		assignRole(tx, systemActor(tenant.id, "test"), account.id, {
			role: "section_manager",
			orgUnitId: unitId,
			validTo: null,
		}),
	);
	return account;
}

describe("closing a campaign and downloading evidence", () => {
	let tenant: TenantRow;
	let chief: Person;
	let ciso: Person;
	let manager: Person;
	let managerB: Person;
	let staffA: Person;
	let staffB: Person;
	let staffOther: Person;
	let foreignChief: Person;
	let unitA: string;
	let campaignId: string;
	let respondentA: string;
	let respondentB: string;
	let evidenceItem: string;
	const pdf = Buffer.from("%PDF-1.4\n点検の証跡\n");
	const respondentOf = async (person: Person) => {
		const listed = await expectJson<{ items: { id: string; mine: { respondentId: string }[] }[] }>(
			await person.client.get("/api/assurance/campaigns"),
		);
		const id = listed.items.find((c) => c.id === campaignId)?.mine[0]?.respondentId;
		assert.ok(id);
		return id;
	};
	const evidenceUrl = (respondentId: string, itemId: string) =>
		`/api/assurance/responses/${respondentId}/answers/${itemId}/evidence`;
	const detail = async (person: Person) =>
		expectJson<CampaignDetail>(await person.client.get(`/api/assurance/campaigns/${campaignId}`));

	before(async () => {
		tenant = await makeTenant(runtime);
		unitA = (await makeOrgUnit(runtime, tenant, { name: "情報政策課" })).id;
		const unitB = (await makeOrgUnit(runtime, tenant, { name: "人事課" })).id;
		const client = async (account: MadeAccount) => ({
			account,
			client: await activeClient(runtime, app, account),
		});
		chief = await client(await makeAccount(runtime, tenant, { roles: ["chief_officer"] }));
		ciso = await client(await makeAccount(runtime, tenant, { roles: ["ciso"] }));
		manager = await client(await managerOf(tenant, unitA));
		managerB = await client(await managerOf(tenant, unitB));
		staffA = await client(await makeStaff(runtime, tenant, unitA));
		staffB = await client(await makeStaff(runtime, tenant, unitA));
		staffOther = await client(await makeStaff(runtime, tenant, unitB));
		const otherTenant = await makeTenant(runtime);
		foreignChief = await client(
			await makeAccount(runtime, otherTenant, { roles: ["chief_officer"] }),
		);
		campaignId = (await makeCampaign(runtime, tenant.id, [unitA, unitB])).id;
		respondentA = await respondentOf(staffA);
		respondentB = await respondentOf(staffB);
	});

	test("an evidence file: the respondent reads their draft's; nobody else reads a draft", async () => {
		const view = await expectJson<ResponseView>(
			await staffA.client.get(`/api/assurance/responses/${respondentA}`),
		);
		const item = view.items.find((i) => i.scale === "yes_no_na");
		assert.ok(item);
		evidenceItem = item.itemId;
		await expectJson<ResponseView>(
			await staffA.client.request(
				"PUT",
				`/api/assurance/responses/${respondentA}/answers/${item.itemId}`,
				{
					answer: "yes",
					evidence: { fileName: '点検 "写真"/2026.pdf', contentBase64: pdf.toString("base64") },
				},
			),
		);
		const res = await staffA.client.get(evidenceUrl(respondentA, evidenceItem));
		assert.equal(res.status, 200);
		assert.equal(res.headers.get("content-type"), "application/pdf");
		const sha = createHash("sha256").update(pdf).digest("hex");
		assert.equal(res.headers.get("x-content-sha256"), sha);
		const disposition = res.headers.get("content-disposition") ?? "";
		assert.match(disposition, /^attachment; filename="[^"/\\]*"; filename\*=UTF-8''/);
		assert.ok(disposition.includes(encodeURIComponent('点検 "写真"_2026.pdf')), disposition);
		assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf);
		for (const person of [manager, chief, staffB]) {
			await expectProblem(
				await person.client.get(evidenceUrl(respondentA, evidenceItem)),
				404,
				"not_found",
			);
		}
	});

	test("submitted: the unit's 管理者, 統括 and the CISO read it; other staff, another unit's 管理者 and another tenant do not", async () => {
		await answerAll(runtime, staffA.account.id, tenant.id, respondentA);
		await expectJson(await staffA.client.post(`/api/assurance/responses/${respondentA}/submit`));
		for (const person of [staffA, manager, chief, ciso]) {
			const res = await person.client.get(evidenceUrl(respondentA, evidenceItem));
			assert.equal(res.status, 200, person.account.username);
			assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf, "the file kept with the draft");
		}
		for (const person of [staffB, staffOther, managerB, foreignChief]) {
			await expectProblem(
				await person.client.get(evidenceUrl(respondentA, evidenceItem)),
				404,
				"not_found",
			);
		}
		const view = await expectJson<ResponseView>(
			await staffA.client.get(`/api/assurance/responses/${respondentA}`),
		);
		const bare = view.items.find((i) => i.itemId !== evidenceItem);
		assert.ok(bare);
		await expectProblem(
			await staffA.client.get(evidenceUrl(respondentA, bare.itemId)),
			404,
			"not_found",
		);
		const review = await expectJson<{ evidence: { respondentId: string; itemId: string }[] }>(
			await manager.client.get(`/api/assurance/campaigns/${campaignId}/units/${unitA}`),
		);
		assert.deepEqual(
			review.evidence.map((e) => [e.respondentId, e.itemId]),
			[[respondentA, evidenceItem]],
			"the 管理者's review lists the file",
		);
	});

	test("only 統括 or the CISO close; early needs a reason; the dialog's count is the unsubmitted", async () => {
		await answerAll(runtime, staffB.account.id, tenant.id, respondentB);
		// A reminder queued before the close, three days before the due date.
		const dueOn = dueInAWeek();
		const reminderDay = new Date(
			Date.parse(`${dueOn}T10:00:00+09:00`) - REMIND_DAYS_BEFORE * 86_400_000,
		);
		const reminded = await remindRespondents(runtime, tenant.id, reminderDay);
		assert.ok((reminded.find((r) => r.campaignId === campaignId)?.reminded ?? 0) > 0);

		const open = await detail(chief);
		assert.equal(open.campaign.state, "open");
		// staff B, staff in unit B, both 管理者 (who answer too); staff A submitted.
		assert.equal(open.unsubmitted, 4);
		assert.deepEqual(open.unanswered, [], "listed as 未回答 only once closed");
		for (const person of [staffA, manager]) {
			await expectProblem(
				await person.client.post(`/api/assurance/campaigns/${campaignId}/close`, { reason: "x" }),
				403,
				"forbidden",
			);
		}
		const noReason = await expectProblem(
			await chief.client.post(`/api/assurance/campaigns/${campaignId}/close`, { reason: "  " }),
			400,
			"validation_failed",
		);
		assert.equal(noReason.issues?.[0]?.code, "campaign_close_reason_required");
		assert.equal(noReason.issues?.[0]?.params?.dueOn, open.campaign.dueOn);
		await expectProblem(
			await foreignChief.client.post(`/api/assurance/campaigns/${campaignId}/close`, {
				reason: "x",
			}),
			404,
			"not_found",
		);

		const closed = await expectJson<CampaignDetail>(
			await chief.client.post(`/api/assurance/campaigns/${campaignId}/close`, {
				reason: "組織改編のため前倒しで締め切る",
			}),
		);
		assert.equal(closed.campaign.state, "closed");
		assert.equal(closed.campaign.closeReason, "組織改編のため前倒しで締め切る");
		assert.ok(closed.campaign.closedBy, "who closed it, by their label");
		assert.ok(closed.campaign.closedAt);
		assert.equal(closed.unsubmitted, 4);
		assert.deepEqual(
			closed.unanswered.map((r) => r.unitName).sort(),
			["人事課", "人事課", "情報政策課", "情報政策課"].sort(),
		);
		assert.ok(closed.unanswered.every((r) => r.name === "テスト 職員"));
		const b = closed.unanswered.find((r) => r.respondentId === respondentB);
		assert.equal(b?.unitId, unitA);
		assert.equal(b?.answered, b?.assigned, "drafts of everything, never submitted");
		assert.equal(closed.rates?.total.answered, 16, "drafts never count: staff A's 16 only");
		const events = await auditEvents(runtime.db, tenant.id);
		const event = events.find((e) => e.type === "assurance_campaign.closed");
		assert.ok(event);
		assert.equal(event.record_id, campaignId);
		assert.equal(event.actor_id, chief.account.id);
		assert.deepEqual(
			{ ...(event.payload as Record<string, unknown>) },
			{
				campaign: closed.campaign.title,
				dueOn: closed.campaign.dueOn,
				early: true,
				reason: "組織改編のため前倒しで締め切る",
				unsubmitted: 4,
			},
		);
		const listed = await expectJson<{ items: { id: string; state: string }[] }>(
			await staffB.client.get("/api/assurance/campaigns"),
		);
		assert.equal(listed.items.find((c) => c.id === campaignId)?.state, "closed");
	});

	test("a closed campaign refuses answers, submissions, sign-offs and a second close", async () => {
		const view = await expectJson<ResponseView>(
			await staffB.client.get(`/api/assurance/responses/${respondentB}`),
		);
		const item = view.items[0];
		assert.ok(item);
		const refusals: Promise<Response>[] = [
			staffB.client.request(
				"PUT",
				`/api/assurance/responses/${respondentB}/answers/${item.itemId}`,
				{
					answer: "na",
				},
			),
			staffB.client.post(`/api/assurance/responses/${respondentB}/submit`),
			manager.client.post(`/api/assurance/campaigns/${campaignId}/units/${unitA}/sign-off`, {
				note: "未提出者あり",
			}),
			ciso.client.post(`/api/assurance/campaigns/${campaignId}/close`, { reason: "x" }),
		];
		for (const pending of refusals) {
			const problem = await expectProblem(await pending, 409, "conflict");
			assert.equal(problem.issues?.[0]?.code, "campaign_closed");
		}
		const mine = await detail(manager);
		assert.equal(mine.rates?.units[0]?.maySignOff, false);
		const events = await auditEvents(runtime.db, tenant.id);
		assert.equal(events.filter((e) => e.type === "assurance_campaign.closed").length, 1);
	});

	test("closed: no reminders, Home counts nothing, rates, exports and evidence stay readable", async () => {
		const dueOn = (await detail(chief)).campaign.dueOn;
		const onDueDate = new Date(`${dueOn}T10:00:00+09:00`);
		const reminded = await remindRespondents(runtime, tenant.id, onDueDate);
		assert.equal(
			reminded.find((r) => r.campaignId === campaignId),
			undefined,
		);
		const rows = await runtime.db
			.selectFrom("assurance_campaign_reminders")
			.select(["id", "reminded_on"])
			.where("campaign_id", "=", campaignId)
			.execute();
		assert.ok(rows.length > 0);
		assert.ok(
			rows.every((r) => r.reminded_on !== dueOn),
			"nobody reminded on the due date",
		);
		const queued = rows[0];
		assert.ok(queued);
		const sent = await mailReminder(
			{ db: runtime.db, config: { ...runtime.config, smtpUrl: "smtp://127.0.0.1:1" } },
			tenant.id,
			queued.id,
		);
		assert.equal(sent, "closed", "a reminder queued before the close is not mailed");
		const work = await myWork(runtime.db, {
			tenantId: tenant.id,
			accountId: staffB.account.id,
			label: "x",
			roles: [],
			ip: null,
		});
		assert.equal(
			work.items.find((i) => i.kind === "campaign_items"),
			undefined,
		);
		const xlsx = await chief.client.get(`/api/assurance/campaigns/${campaignId}/export`);
		assert.equal(xlsx.status, 200);
		const report = await chief.client.get(`/api/assurance/campaigns/${campaignId}/report`);
		assert.equal(report.status, 200);
		assert.equal((await detail(manager)).rates?.units[0]?.answered, 16);
		const res = await manager.client.get(evidenceUrl(respondentA, evidenceItem));
		assert.equal(res.status, 200);
		// The respondent still reads their answers, locked.
		const view = await expectJson<ResponseView>(
			await staffB.client.get(`/api/assurance/responses/${respondentB}`),
		);
		assert.equal(view.campaign.state, "closed");
	});

	test("after the due date 統括 closes without a reason", async () => {
		const other = await makeCampaign(runtime, tenant.id, [unitA]);
		const dayAfter = new Date(Date.parse(`${other.due_on}T10:00:00+09:00`) + 86_400_000);
		await inTransaction(runtime.db, (tx) =>
			closeCampaign(tx, campaignActor(tenant.id), other.id, { reason: null }, dayAfter),
		);
		const row = await runtime.db
			.selectFrom("assurance_campaigns")
			.selectAll()
			.where("id", "=", other.id)
			.executeTakeFirstOrThrow();
		assert.equal(row.state, "closed");
		assert.equal(row.close_reason, null);
		assert.equal(new Date(row.closed_at ?? "").toISOString(), dayAfter.toISOString());
		const events = await auditEvents(runtime.db, tenant.id);
		const event = events.find(
			(e) => e.type === "assurance_campaign.closed" && e.record_id === other.id,
		);
		assert.equal((event?.payload as { early?: boolean } | undefined)?.early, false);
	});
});
