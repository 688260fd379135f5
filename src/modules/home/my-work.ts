import type { Queryable } from "../../db/queryable.ts";
import { findTakeOuts } from "../assets/take-outs/list-take-outs.ts";
import { openTakeOutDesk } from "../assets/take-outs/take-out-desk.ts";
import { takeOutsPolicy } from "../assets/take-outs/take-outs.policy.ts";
import { myOpenCampaignItems } from "../assurance/campaigns/my-campaign-items.ts";
import { myFindingWork } from "../assurance/findings/my-findings.ts";
import { authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { myExceptionReminders } from "../exceptions/my-reminders.ts";
import { countIncidentsToAcknowledge } from "../incidents/chain-view.ts";
import { myOpenIncidentTasks } from "../incidents/list-incident-tasks.ts";
import { myNumberNoticesToSee } from "../my-number/my-notices.ts";
import { myAcknowledgements } from "../policies/documents/acknowledgement-status.ts";
import { versionsAwaiting } from "../policies/documents/awaiting-decision.ts";
import { mailPolicy } from "../sanitize/mail.policy.ts";
import { listVisibleReleaseRequests } from "../sanitize/mail.queries.ts";
import { homePolicy } from "./home.policy.ts";
import type { MyWork, WorkKind } from "./home.schemas.ts";

async function takeOutsToDecide(db: Queryable, actor: Actor): Promise<number> {
	if (!can(actor, takeOutsPolicy, "take_out.decide")) return 0;
	const desk = await openTakeOutDesk(db, actor);
	const { total } = await findTakeOuts(db, desk, { view: "to_decide", offset: 0, limit: 1 });
	return total;
}

async function releasesToDecide(db: Queryable, actor: Actor): Promise<number> {
	if (!can(actor, mailPolicy, "mail.release_decide")) return 0;
	const pending = await listVisibleReleaseRequests(db, actor, "pending");
	return pending.filter((request) => request.allowedActions.includes("decide")).length;
}

async function toAcknowledge(db: Queryable, actor: Actor): Promise<number> {
	const mine = await myAcknowledgements(db, actor);
	return mine.filter((item) => item.acknowledgedAt === null).length;
}

/**
 * What waits for the caller, asked of each module through its own use cases: take-outs to decide,
 * policy versions to approve or publish, published documents to acknowledge, requests for an
 * original mail attachment to decide, incident tasks one owns, incidents one was told of and has
 * not acknowledged, self-inspection items not yet submitted, findings overdue or waiting for
 * one's verification, exceptions one was reminded are nearing their end. Kinds with nothing
 * waiting are left out.
 *
 * @example
 * const { items } = await myWork(db, actor); // [{ kind: "take_out_decisions", count: 1 }]
 */
export async function myWork(db: Queryable, actor: Actor): Promise<MyWork> {
	authorize(actor, homePolicy, "home.my_work");
	const [
		takeOuts,
		versions,
		acknowledgements,
		releases,
		tasks,
		incidents,
		campaignItems,
		findings,
		exceptionReminders,
		myNumberNotices,
	] = await Promise.all([
		takeOutsToDecide(db, actor),
		versionsAwaiting(db, actor),
		toAcknowledge(db, actor),
		releasesToDecide(db, actor),
		myOpenIncidentTasks(db, actor),
		countIncidentsToAcknowledge(db, actor),
		myOpenCampaignItems(db, actor),
		myFindingWork(db, actor),
		myExceptionReminders(db, actor),
		myNumberNoticesToSee(db, actor),
	]);
	const counts: [WorkKind, number][] = [
		["take_out_decisions", takeOuts],
		["policy_approvals", versions.toApprove],
		["policy_publications", versions.toPublish],
		["acknowledgements", acknowledgements],
		["mail_release_decisions", releases],
		["incident_tasks", tasks],
		["incident_acknowledgements", incidents],
		["campaign_items", campaignItems],
		["overdue_findings", findings.overdue],
		["findings_to_verify", findings.toVerify],
		["exception_reminders", exceptionReminders.length],
		["my_number_handler_changes", myNumberNotices],
	];
	return {
		items: counts.filter(([, count]) => count > 0).map(([kind, count]) => ({ kind, count })),
	};
}
