import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { notifyApproval } from "./notify-approval.ts";
import { socialMediaPolicy } from "./social-media.policy.ts";
import {
	insertSocialReview,
	type SocialAccountRow,
	updateSocialAccount,
} from "./social-media.repository.ts";
import type { ReviewSocialAccountInput } from "./social-media.schemas.ts";
import {
	decidingRoleFor,
	mayManage,
	type SocialMediaDesk,
	visibleAccount,
} from "./social-media-desk.ts";
import {
	invalidField,
	notApprover,
	notUnitManager,
	staleAccount,
	stepRefused,
} from "./social-media-problems.ts";
import { type SocialMediaState, type SocialMediaStep, stepAllowed } from "./social-media-rules.ts";

const record = (row: SocialAccountRow) =>
	({ recordType: "social_media_account", recordId: row.id }) as const;

/** The account, when the caller keeps its unit's accounts and the step is open from its state. */
async function managedAccount(
	tx: Tx,
	desk: SocialMediaDesk,
	id: string,
	step: SocialMediaStep,
): Promise<SocialAccountRow> {
	authorize(desk.actor, socialMediaPolicy, "social_media.register");
	const row = await visibleAccount(tx, desk, id);
	if (!mayManage(desk, row.org_unit_id)) throw notUnitManager();
	if (!stepAllowed(row.state as SocialMediaState, step)) throw stepRefused(step, row.state);
	return row;
}

async function save(
	tx: Tx,
	desk: SocialMediaDesk,
	row: SocialAccountRow,
	version: number,
	patch: Partial<SocialAccountRow>,
): Promise<SocialAccountRow> {
	if (!(await updateSocialAccount(tx, desk.actor.tenantId, row.id, version, patch)))
		throw staleAccount();
	return { ...row, ...patch, version: version + 1 };
}

function requiredReason(reason: string, code: "refusal" | "end"): string {
	const trimmed = reason.trim();
	if (trimmed === "")
		throw invalidField(
			"reason",
			code === "refusal"
				? "social_media_refusal_reason_required"
				: "social_media_end_reason_required",
			"say why",
		);
	return trimmed;
}

/**
 * The unit asks the pack's approver to approve a registered account.
 *
 * @throws Problem `forbidden` (`social_media_not_unit_manager`); `conflict`
 * (`social_media_step_not_allowed`, `stale_version`)
 */
export async function requestApproval(
	tx: Tx,
	desk: SocialMediaDesk,
	id: string,
	version: number,
	now: Date = new Date(),
): Promise<SocialAccountRow> {
	const row = await managedAccount(tx, desk, id, "request");
	const saved = await save(tx, desk, row, version, {
		state: "requested",
		updated_at: now.toISOString(),
	});
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"social_media.approval_requested",
		{ service: row.service, handle: row.handle },
		record(row),
	);
	return saved;
}

/**
 * The pack's approver (for Saga: the section manager of the account's section, or above it)
 * approves or refuses; a refusal needs its reason. On approval the roles the pack names are
 * told (a notice in the app, and a mail queued for each), in the same transaction.
 *
 * @throws Problem `forbidden` (`social_media_not_approver`); `validation_failed`
 * (`social_media_refusal_reason_required`); `conflict` (`social_media_step_not_allowed`,
 * `stale_version`)
 */
export async function decideAccount(
	tx: Tx,
	desk: SocialMediaDesk,
	id: string,
	decision: "approve" | "refuse",
	input: { version: number; reason: string },
	now: Date = new Date(),
): Promise<SocialAccountRow> {
	authorize(desk.actor, socialMediaPolicy, "social_media.decide");
	const row = await visibleAccount(tx, desk, id);
	const role = decidingRoleFor(desk, row.org_unit_id);
	if (role === undefined) throw notApprover();
	if (!stepAllowed(row.state as SocialMediaState, decision)) throw stepRefused(decision, row.state);
	const reason =
		decision === "refuse" ? requiredReason(input.reason, "refusal") : input.reason.trim();
	const at = now.toISOString();
	const saved = await save(tx, desk, row, input.version, {
		state: decision === "approve" ? "approved" : "refused",
		decision_reason: reason === "" ? null : reason,
		decided_by: desk.actor.accountId,
		decided_by_label: desk.actor.label,
		decided_as: role,
		decided_at: at,
		updated_at: at,
	});
	const told = decision === "approve" ? await notifyApproval(tx, desk, saved, now) : [];
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		decision === "approve" ? "social_media.approved" : "social_media.refused",
		{
			service: row.service,
			handle: row.handle,
			role,
			reason: reason === "" ? null : reason,
			notifiedAccountIds: told,
		},
		record(row),
	);
	return saved;
}

/**
 * A review (見直し) of a live account: the date, who, and a note. It clears the 休眠 flag.
 *
 * @throws Problem `validation_failed` (`social_media_review_in_future`) for a date after today
 */
export async function reviewAccount(
	tx: Tx,
	desk: SocialMediaDesk,
	id: string,
	input: ReviewSocialAccountInput,
	now: Date = new Date(),
): Promise<SocialAccountRow> {
	const row = await managedAccount(tx, desk, id, "review");
	if (input.reviewedOn > desk.today)
		throw invalidField(
			"reviewedOn",
			"social_media_review_in_future",
			"a review is not in the future",
		);
	const at = now.toISOString();
	const latest =
		row.last_reviewed_on && row.last_reviewed_on > input.reviewedOn
			? row.last_reviewed_on
			: input.reviewedOn;
	const saved = await save(tx, desk, row, input.version, {
		last_reviewed_on: latest,
		dormant_since: null,
		updated_at: at,
	});
	await insertSocialReview(tx, {
		id: randomUUID(),
		tenant_id: desk.actor.tenantId,
		account_id: row.id,
		reviewed_on: input.reviewedOn,
		reviewed_by: desk.actor.accountId,
		reviewed_by_label: desk.actor.label,
		note: input.note,
		created_at: at,
	});
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		"social_media.reviewed",
		{ service: row.service, handle: row.handle, reviewedOn: input.reviewedOn, note: input.note },
		record(row),
	);
	return saved;
}

/**
 * Suspend (休止) an approved account, reinstate a suspended one, or close (廃止) an account;
 * suspending and closing say why.
 *
 * @throws Problem `validation_failed` (`social_media_end_reason_required`); `forbidden`
 * (`social_media_not_unit_manager`); `conflict` (`social_media_step_not_allowed`, `stale_version`)
 */
export async function endOrResumeAccount(
	tx: Tx,
	desk: SocialMediaDesk,
	id: string,
	step: "suspend" | "reinstate" | "close",
	input: { version: number; reason?: string },
	now: Date = new Date(),
): Promise<SocialAccountRow> {
	const row = await managedAccount(tx, desk, id, step);
	const at = now.toISOString();
	if (step === "reinstate") {
		const saved = await save(tx, desk, row, input.version, {
			state: "approved",
			end_reason: null,
			suspended_at: null,
			updated_at: at,
		});
		await recordAudit(
			tx,
			auditContextOf(desk.actor),
			"social_media.reinstated",
			{ service: row.service, handle: row.handle },
			record(row),
		);
		return saved;
	}
	const reason = requiredReason(input.reason ?? "", "end");
	const saved = await save(tx, desk, row, input.version, {
		state: step === "suspend" ? "suspended" : "closed",
		end_reason: reason,
		...(step === "suspend" ? { suspended_at: at } : { closed_at: at }),
		updated_at: at,
	});
	await recordAudit(
		tx,
		auditContextOf(desk.actor),
		step === "suspend" ? "social_media.suspended" : "social_media.closed",
		{ service: row.service, handle: row.handle, from: row.state, reason },
		record(row),
	);
	return saved;
}
