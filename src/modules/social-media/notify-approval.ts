import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { type Role, UNIT_SCOPED_ROLES } from "../authz/roles.ts";
import { roleHoldersInForce } from "../org/org.repository.ts";
import type { SocialAccountRow } from "./social-media.repository.ts";
import { type SocialMediaDesk, unitChain } from "./social-media-desk.ts";
import { notifiedRoles } from "./social-media-rules.ts";

/** The kind of the in-app notice of an approval (its text is in the catalogues). */
export const APPROVAL_NOTICE_KIND = "social_media_approved";
/** The job that mails one notice of an approval; queued with it. */
export const SOCIAL_MEDIA_MAIL_JOB = "social-media.approval-mail";

/** The link of an account's page. */
export function accountLink(id: string): string {
	return `/social-media/${id}`;
}

/**
 * Tell the roles the pack names (`organisation.approvals.socialMediaAccounts.notify`) that an
 * account was approved: holders of a tenant-wide role, and holders of a per-unit role for the
 * account's unit or one above it. Each gets a notice in the app and, with an address, a queued
 * mail. Returns the accounts told.
 */
export async function notifyApproval(
	tx: Tx,
	desk: SocialMediaDesk,
	row: SocialAccountRow,
	now: Date,
): Promise<string[]> {
	const roles = new Set<Role>(notifiedRoles(desk.pack));
	if (roles.size === 0) return [];
	const at = now.toISOString();
	const chain = unitChain(desk.parents, row.org_unit_id);
	const holders = await roleHoldersInForce(tx, desk.actor.tenantId, at);
	const accountIds = new Set<string>();
	for (const holder of holders) {
		const role = holder.role as Role;
		if (!roles.has(role)) continue;
		if (UNIT_SCOPED_ROLES.has(role) && !(holder.org_unit_id && chain.includes(holder.org_unit_id)))
			continue;
		accountIds.add(holder.account_id);
	}
	const told: string[] = [];
	for (const accountId of accountIds) {
		const account = await findAccount(tx, desk.actor.tenantId, accountId);
		if (!account || account.disabled_at) continue;
		const id = randomUUID();
		await tx
			.insertInto("notifications")
			.values({
				id,
				tenant_id: desk.actor.tenantId,
				account_id: account.id,
				kind: APPROVAL_NOTICE_KIND,
				link: accountLink(row.id),
				created_at: at,
				read_at: null,
			})
			.execute();
		if (account.email)
			await enqueueJob(tx, {
				name: SOCIAL_MEDIA_MAIL_JOB,
				tenantId: desk.actor.tenantId,
				payload: { notificationId: id },
				dueAt: now,
			});
		told.push(account.id);
	}
	return told.sort();
}
