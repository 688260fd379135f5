import type { Queryable } from "../../db/queryable.ts";
import { Problem } from "../../shared/problem.ts";
import { authorize, can } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { findQuarantined } from "./gateway/mail-queue.repository.ts";
import { mailPolicy } from "./mail.policy.ts";
import { presentMessage, presentReleaseRequest, reportOf } from "./mail.presenter.ts";
import { findScopedMessage, latestHeld, scopedSince } from "./mail.repository.ts";
import { MAIL_STATUSES } from "./mail.schemas.ts";
import { mailScopeOf, managedUnits, ownAddress } from "./mail.scope.ts";
import {
	listReleaseRequests,
	type ReleaseRequestRow,
	releaseRequestsOfMessage,
} from "./release/release.repository.ts";
import { RELEASABLE_ACTIONS } from "./release/request-release.ts";

/** Read use cases of the mail UI: one message in detail, release requests, the summary. */

async function unitsOfAccounts(db: Queryable, tenantId: string, ids: string[]) {
	if (ids.length === 0) return new Map<string, string>();
	const rows = await db
		.selectFrom("staff")
		.select(["account_id", "org_unit_id"])
		.where("tenant_id", "=", tenantId)
		.where("account_id", "in", ids)
		.where("left_at", "is", null)
		.execute();
	return new Map(rows.map((r) => [r.account_id, r.org_unit_id]));
}

/** For each request: may the actor see it, may it decide it. */
async function requestAccess(db: Queryable, actor: Actor, rows: ReleaseRequestRow[]) {
	const tenantWide = actor.roles.some((r) => r.role === "chief_officer" || r.role === "ciso");
	const chief = actor.roles.some((r) => r.role === "chief_officer");
	const managed = await managedUnits(db, actor);
	const units = await unitsOfAccounts(db, actor.tenantId, [
		...new Set(rows.map((r) => r.requested_by)),
	]);
	return (row: ReleaseRequestRow) => {
		const own = row.requested_by === actor.accountId;
		const inUnit = managed.has(units.get(row.requested_by) ?? "");
		return { visible: own || tenantWide || inUnit, mayDecide: !own && (chief || inUnit) };
	};
}

export async function listVisibleReleaseRequests(db: Queryable, actor: Actor, status?: string) {
	authorize(actor, mailPolicy, "mail.read");
	const rows = await listReleaseRequests(db, actor.tenantId, status);
	const access = await requestAccess(db, actor, rows);
	return rows.flatMap((row) => {
		const { visible, mayDecide } = access(row);
		return visible ? [presentReleaseRequest(row, mayDecide)] : [];
	});
}

export async function mailMessageDetail(db: Queryable, actor: Actor, id: string) {
	authorize(actor, mailPolicy, "mail.read");
	const row = await findScopedMessage(db, actor.tenantId, await mailScopeOf(db, actor), id);
	if (!row) throw new Problem("not_found", "no such message");
	const report = reportOf(row);
	const own = await ownAddress(db, actor);
	const isRecipient =
		own !== null && (JSON.parse(row.envelope_to) as string[]).some((a) => a.toLowerCase() === own);
	const quarantined = (await findQuarantined(db, actor.tenantId, id)) !== undefined;
	const requests = await releaseRequestsOfMessage(db, actor.tenantId, id);
	const access = await requestAccess(db, actor, requests);
	const mayAsk = isRecipient && quarantined && can(actor, mailPolicy, "mail.release_request");
	return {
		...presentMessage(row),
		actions: report?.actions ?? [],
		attachments: (report?.attachments ?? []).map((a, index) => ({
			index,
			filename: a.filename,
			trueType: a.trueType,
			category: a.category,
			size: a.size,
			sha256: a.sha256,
			action: a.action,
			reason: a.reason,
			reasonCode: a.reasonCode ?? null,
			reasonParams: a.reasonParams ?? {},
			findings: a.findings,
			mayRequest:
				mayAsk &&
				RELEASABLE_ACTIONS.has(a.action) &&
				!requests.some((r) => r.attachment_index === index && r.status !== "refused"),
		})),
		quarantined,
		releaseRequests: requests.flatMap((r) => {
			const { visible, mayDecide } = access(r);
			return visible ? [presentReleaseRequest(r, mayDecide)] : [];
		}),
	};
}

const SUMMARY_DAYS = 30;

/** Volumes, actions taken, held messages and pending requests of the last 30 days, in scope. */
export async function mailSummary(db: Queryable, actor: Actor) {
	authorize(actor, mailPolicy, "mail.summary");
	const scope = await mailScopeOf(db, actor);
	const since = new Date(Date.now() - SUMMARY_DAYS * 24 * 60 * 60 * 1000).toISOString();
	const rows = await scopedSince(db, actor.tenantId, scope, since);
	const byStatus = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<
		(typeof MAIL_STATUSES)[number],
		number
	>;
	const attachmentActions = { removed: 0, sanitized: 0, passed: 0, held: 0 };
	const engineActions: Record<string, number> = {};
	for (const row of rows) {
		if (row.status in byStatus) byStatus[row.status as keyof typeof byStatus] += 1;
		const report = reportOf(row);
		for (const a of report?.attachments ?? []) attachmentActions[a.action] += 1;
		for (const action of report?.actions ?? []) {
			const name = action.split(":")[0] ?? action;
			engineActions[name] = (engineActions[name] ?? 0) + 1;
		}
	}
	const pending = await listVisibleReleaseRequests(db, actor, "pending");
	return {
		since,
		received: rows.length,
		byStatus,
		attachmentActions,
		engineActions,
		held: (await latestHeld(db, actor.tenantId, scope, 10)).map(presentMessage),
		pendingRequests: pending.filter((r) => r.allowedActions.includes("decide")).length,
	};
}
