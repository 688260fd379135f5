import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { addDays } from "../../src/modules/incidents/closed-days.ts";
import type { IncidentTaskView } from "../../src/modules/incidents/incident-casework.schemas.ts";
import type { IncidentView } from "../../src/modules/incidents/incident-view.schemas.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { auditEvents } from "../helpers/audit-db.ts";
import { makeAccount } from "../helpers/factories.ts";
import { expectJson, expectProblem } from "../helpers/http.ts";
import { nextWeek } from "../helpers/incident-casework-world.ts";
import {
	type IncidentTenant,
	incidentTenant,
	report,
	viewCase,
} from "../helpers/incident-people.ts";
import { usbReport } from "../helpers/incident-world.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

/**
 * Tasks on a case: the CSIRT gives them with an owner and a due date; the owner sees their open
 * tasks (and a count on Home) without seeing the case, and marks them done; only the CSIRT and
 * the CISO change or reopen them. Every change is on the timeline and in the audit log.
 */

let runtime: TestRuntime;
let app: ReturnType<typeof createApp>;
before(async () => {
	runtime = await createTestRuntime();
	app = createApp(runtime);
});
after(() => runtime.cleanup());

interface TaskList {
	items: IncidentTaskView[];
	allowedActions: string[];
}
interface MyTasks extends TaskList {
	total: number;
}
interface MyWork {
	items: { kind: string; count: number }[];
}

const today = () => japanDate(new Date());
const workCount = async (w: IncidentTenant, who: "colleague" | "reporter") => {
	const work = await expectJson<MyWork>(await w[who].client.get("/api/my-work"));
	return work.items.find((item) => item.kind === "incident_tasks")?.count ?? 0;
};

describe("tasks on the case of a lost USB stick", () => {
	let w: IncidentTenant;
	let incident: IncidentView;
	let task: IncidentTaskView;
	let tasksUrl: string;
	before(async () => {
		w = await incidentTenant(runtime, app);
		incident = await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201);
		tasksUrl = `/api/incidents/${incident.id}/tasks`;
	});

	test("only the CSIRT and the CISO give tasks (403 for the unit's manager and the reporter)", async () => {
		const body = {
			title: "警察への遺失届の提出",
			ownerId: w.colleague.account.id,
			dueOn: nextWeek(),
		};
		await expectProblem(await w.manager.client.post(tasksUrl, body), 403, "forbidden");
		await expectProblem(await w.reporter.client.post(tasksUrl, body), 403, "forbidden");
		const list = await expectJson<TaskList>(await w.reporter.client.get(tasksUrl));
		assert.deepEqual(list, { items: [], allowedActions: [] });
	});

	test("a due date in the past and an owner outside the tenant are refused, naming the field", async () => {
		const yesterday = addDays(today(), -1);
		const past = await expectProblem(
			await w.csirt.client.post(tasksUrl, {
				title: "遺失届",
				ownerId: w.colleague.account.id,
				dueOn: yesterday,
			}),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			past.issues?.map((i) => [i.path, i.code, i.params?.today]),
			[["dueOn", "due_in_past", today()]],
		);
		const elsewhere = await incidentTenant(runtime, app);
		const stranger = await expectProblem(
			await w.csirt.client.post(tasksUrl, {
				title: "遺失届",
				ownerId: elsewhere.colleague.account.id,
				dueOn: nextWeek(),
			}),
			400,
			"validation_failed",
		);
		assert.deepEqual(
			stranger.issues?.map((i) => [i.path, i.code]),
			[["ownerId", "account_unknown"]],
		);
		const list = await expectJson<TaskList>(await w.csirt.client.get(tasksUrl));
		assert.equal(list.items.length, 0, "nothing was stored");
	});

	test("the CSIRT gives a task to a colleague: on the timeline and in the audit log", async () => {
		const dueOn = nextWeek();
		task = await expectJson<IncidentTaskView>(
			await w.csirt.client.post(tasksUrl, {
				title: "警察への遺失届の提出",
				ownerId: w.colleague.account.id,
				dueOn,
			}),
			201,
		);
		assert.equal(task.title, "警察への遺失届の提出");
		assert.equal(task.owner.id, w.colleague.account.id);
		assert.equal(task.dueOn, dueOn);
		assert.equal(task.reference, incident.reference);
		assert.equal(task.done, false);
		assert.equal(task.overdue, false);
		assert.deepEqual(task.allowedActions, ["update", "complete"]);
		const list = await expectJson<TaskList>(await w.csirt.client.get(tasksUrl));
		assert.deepEqual(
			list.items.map((t) => t.id),
			[task.id],
		);
		assert.deepEqual(list.allowedActions, ["incident.task_manage"]);
		const seen = await expectJson<IncidentView>(await viewCase(w.csirt.client, incident.id));
		const entry = seen.timeline.at(-1);
		assert.equal(entry?.kind, "task_created");
		assert.equal(entry?.text, "警察への遺失届の提出");
		assert.equal(entry?.data.ownerId, w.colleague.account.id);
		assert.equal(entry?.data.dueOn, dueOn);
		const logged = (await auditEvents(runtime.db, w.tenant.id)).at(-1);
		assert.equal(logged?.type, "incident.task_created");
		assert.equal(logged?.record_id, incident.id);
		assert.deepEqual(logged?.payload, {
			reference: incident.reference,
			taskId: task.id,
			ownerId: w.colleague.account.id,
			dueOn,
		});
	});

	test("the owner sees their open task and its count on Home, but still not the case", async () => {
		const mine = await expectJson<MyTasks>(
			await w.colleague.client.get("/api/incident-tasks/mine"),
		);
		assert.equal(mine.total, 1);
		assert.equal(mine.items[0]?.id, task.id);
		assert.equal(mine.items[0]?.reference, incident.reference);
		assert.equal(mine.items[0]?.caseTitle, incident.title);
		assert.deepEqual(mine.items[0]?.allowedActions, ["complete"]);
		assert.equal(await workCount(w, "colleague"), 1);
		assert.equal(await workCount(w, "reporter"), 0, "the reporter owns no task");
		const theirs = await expectJson<MyTasks>(
			await w.reporter.client.get("/api/incident-tasks/mine"),
		);
		assert.equal(theirs.total, 0);
		await expectProblem(await viewCase(w.colleague.client, incident.id), 404, "not_found");
		await expectProblem(await w.colleague.client.get(tasksUrl), 404, "not_found");
	});

	test("nobody but the owner or the CSIRT completes it; the owner may not change it", async () => {
		const complete = `${tasksUrl}/${task.id}/complete`;
		// The reporter sees the case but neither owns nor manages the task.
		await expectProblem(await w.reporter.client.post(complete), 403, "forbidden");
		// Another unit's manager does not see the case: the task does not exist for them.
		await expectProblem(await w.otherManager.client.post(complete), 404, "not_found");
		await expectProblem(
			await w.colleague.client.patch(`${tasksUrl}/${task.id}`, { version: 1, title: "変更" }),
			403,
			"forbidden",
		);
		const other = await viewCase(w.csirt.client, incident.id);
		const timeline = (await expectJson<IncidentView>(other)).timeline.length;
		assert.equal(timeline, 2, "reported and task_created only");
	});

	test("the owner completes it once; it leaves their list and Home's count", async () => {
		const complete = `${tasksUrl}/${task.id}/complete`;
		const done = await expectJson<IncidentTaskView>(await w.colleague.client.post(complete));
		assert.equal(done.done, true);
		assert.ok(done.doneAt);
		assert.equal(done.version, 2);
		assert.deepEqual(done.allowedActions, []);
		const again = await expectProblem(await w.colleague.client.post(complete), 409, "conflict");
		assert.deepEqual(
			again.issues?.map((i) => i.code),
			["task_done"],
		);
		const mine = await expectJson<MyTasks>(
			await w.colleague.client.get("/api/incident-tasks/mine"),
		);
		assert.equal(mine.total, 0);
		assert.equal(await workCount(w, "colleague"), 0);
		const seen = await expectJson<IncidentView>(await viewCase(w.csirt.client, incident.id));
		const entry = seen.timeline.at(-1);
		assert.equal(entry?.kind, "task_completed");
		assert.equal(entry?.actorLabel, done.doneBy);
		const logged = (await auditEvents(runtime.db, w.tenant.id)).at(-1);
		assert.equal(logged?.type, "incident.task_completed");
		assert.equal(logged?.actor_id, w.colleague.account.id);
	});

	test("the CSIRT reopens it and hands it to the reporter; a stale version is refused", async () => {
		const url = `${tasksUrl}/${task.id}`;
		const stale = await expectProblem(
			await w.csirt.client.patch(url, { version: 1, done: false }),
			409,
			"conflict",
		);
		assert.deepEqual(
			stale.issues?.map((i) => i.code),
			["stale_version"],
		);
		const dueOn = addDays(nextWeek(), 3);
		const changed = await expectJson<IncidentTaskView>(
			await w.csirt.client.patch(url, {
				version: 2,
				done: false,
				ownerId: w.reporter.account.id,
				dueOn,
				title: "警察への遺失届の提出",
			}),
		);
		assert.equal(changed.done, false);
		assert.equal(changed.doneAt, null);
		assert.equal(changed.owner.id, w.reporter.account.id);
		assert.equal(changed.dueOn, dueOn);
		assert.equal(changed.version, 3);
		const seen = await expectJson<IncidentView>(await viewCase(w.csirt.client, incident.id));
		const entry = seen.timeline.at(-1);
		assert.equal(entry?.kind, "task_reopened");
		assert.deepEqual(entry?.data.fields, ["ownerId", "dueOn", "done"], "the title did not change");
		const logged = (await auditEvents(runtime.db, w.tenant.id)).at(-1);
		assert.equal(logged?.type, "incident.task_updated");
		assert.deepEqual(logged?.payload, {
			reference: incident.reference,
			taskId: task.id,
			fields: ["ownerId", "dueOn", "done"],
			ownerId: w.reporter.account.id,
			dueOn,
			done: false,
		});
		assert.equal(await workCount(w, "reporter"), 1);
		assert.equal(await workCount(w, "colleague"), 0);
		// The same values again change nothing and log nothing.
		const events = (await auditEvents(runtime.db, w.tenant.id)).length;
		await expectJson(await w.csirt.client.patch(url, { version: 3, dueOn }));
		assert.equal((await auditEvents(runtime.db, w.tenant.id)).length, events);
	});

	test("the case's list shows open tasks first, the soonest due first", async () => {
		const soon = await expectJson<IncidentTaskView>(
			await w.csirt.client.post(tasksUrl, {
				title: "本人への通知文の作成",
				ownerId: w.colleague.account.id,
				dueOn: today(),
			}),
			201,
		);
		const later = await expectJson<IncidentTaskView>(
			await w.csirt.client.post(tasksUrl, {
				title: "再発防止策の検討",
				ownerId: w.colleague.account.id,
				dueOn: addDays(today(), 30),
			}),
			201,
		);
		await expectJson(await w.csirt.client.post(`${tasksUrl}/${soon.id}/complete`));
		const list = await expectJson<TaskList>(await w.manager.client.get(tasksUrl));
		assert.deepEqual(
			list.items.map((t) => t.id),
			[task.id, later.id, soon.id],
		);
		assert.deepEqual(list.allowedActions, [], "the unit's manager reads the tasks only");
		assert.deepEqual(list.items[0]?.allowedActions, []);
	});

	test("the case options offer the tenant's active accounts as owners, to those who give tasks only", async () => {
		interface Options {
			accounts: { id: string; displayName: string }[];
		}
		const options = await expectJson<Options>(await w.csirt.client.get("/api/incidents/options"));
		const ids = options.accounts.map((account) => account.id);
		for (const someone of [w.colleague, w.reporter, w.manager, w.csirt]) {
			assert.ok(ids.includes(someone.account.id), "every active account of the tenant is offered");
		}
		const elsewhere = await incidentTenant(runtime, app);
		assert.ok(!ids.includes(elsewhere.colleague.account.id), "no account of another tenant");
		const managers = await expectJson<Options>(
			await w.manager.client.get("/api/incidents/options"),
		);
		assert.deepEqual(managers.accounts, [], "a unit's manager, who gives no tasks, is not told");
	});

	test("a disabled account cannot be given a task, nor is it offered", async () => {
		const gone = await makeAccount(runtime, w.tenant);
		await runtime.db
			.updateTable("accounts")
			.set({ disabled_at: new Date().toISOString() })
			.where("id", "=", gone.id)
			.execute();
		const refused = await expectProblem(
			await w.csirt.client.post(tasksUrl, { title: "x", ownerId: gone.id, dueOn: nextWeek() }),
			400,
			"validation_failed",
		);
		assert.equal(refused.issues?.[0]?.code, "account_unknown");
		const options = await expectJson<{ accounts: { id: string }[] }>(
			await w.csirt.client.get("/api/incidents/options"),
		);
		assert.ok(!options.accounts.some((account) => account.id === gone.id), "nor offered as owner");
	});

	test("a case rejected as not an incident takes no tasks", async () => {
		const other = await expectJson<IncidentView>(await report(w.reporter.client, usbReport()), 201);
		await expectJson(
			await w.csirt.client.post(`/api/incidents/${other.id}/transitions`, {
				version: 1,
				action: "reject",
				reason: "机の中から見つかった",
			}),
		);
		const refused = await expectProblem(
			await w.csirt.client.post(`/api/incidents/${other.id}/tasks`, {
				title: "x",
				ownerId: w.colleague.account.id,
				dueOn: nextWeek(),
			}),
			409,
			"conflict",
		);
		assert.equal(refused.issues?.[0]?.code, "case_rejected");
	});
});
