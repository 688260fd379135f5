import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { type DateStyle, formatDate } from "../../shared/dates.ts";
import { type MailMessage, sendMail } from "../../shared/mail.ts";
import { findAccount } from "../accounts/accounts.repository.ts";
import { type Role, UNIT_SCOPED_ROLES } from "../authz/roles.ts";
import { listOrgUnits, roleHoldersInForce } from "../org/org.repository.ts";
import type { PolicyPack } from "../policies/pack/pack.schema.ts";
import { tenantDateStyle } from "../tenants/tenant-settings.ts";
import { decidingRoles } from "./cloud-rules.ts";
import { type CloudServiceRow, findCloudService } from "./cloud-services.repository.ts";

/** The kinds of the in-app notices of a review date (their texts are in the catalogues). */
export const REVIEW_DUE_KIND = "cloud_service_review_due";
export const REVIEW_OVERDUE_KIND = "cloud_service_review_overdue";
export type ReviewNoticeKind = typeof REVIEW_DUE_KIND | typeof REVIEW_OVERDUE_KIND;
/** The job that mails one review notice; queued with it. */
export const CLOUD_REVIEW_MAIL_JOB = "cloud-services.review-mail";

/** The 管理者 roles of a unit, told of its services' review dates. */
const MANAGER_ROLES: ReadonlySet<Role> = new Set(["section_manager", "department_officer"]);

/** The link of a service's page. */
export function serviceLink(id: string): string {
	return `/cloud-services/${id}`;
}

/**
 * Who is told of a review date of a service of `unitId`: the managers of the unit and the units
 * above it; for an overdue review also the pack's deciding roles
 * (`organisation.approvals.cloudServices`), a per-unit one only if held for the unit or above.
 */
export async function reviewRecipients(
	db: Queryable,
	tenantId: string,
	at: string,
	pack: PolicyPack,
): Promise<(unitId: string, overdue: boolean) => string[]> {
	const [holders, units] = await Promise.all([
		roleHoldersInForce(db, tenantId, at),
		listOrgUnits(db, tenantId),
	]);
	const deciders = new Set<Role>(decidingRoles(pack));
	const parent = new Map(units.map((unit) => [unit.id, unit.parent_id]));
	return (unitId, overdue) => {
		const chain = new Set<string>();
		for (let id: string | null | undefined = unitId; id && !chain.has(id); id = parent.get(id))
			chain.add(id);
		const found = new Set<string>();
		for (const holder of holders) {
			const role = holder.role as Role;
			const inChain = holder.org_unit_id !== null && chain.has(holder.org_unit_id);
			const manager = MANAGER_ROLES.has(role) && inChain;
			const decider = overdue && deciders.has(role) && (!UNIT_SCOPED_ROLES.has(role) || inChain);
			if (manager || decider) found.add(holder.account_id);
		}
		return [...found].sort();
	};
}

/**
 * Tell `accountIds` of a service's review date in the caller's transaction: a notice in the app
 * each and, for those with an address, a queued mail. Disabled accounts are passed over. Returns
 * the accounts told.
 */
export async function noticeReview(
	tx: Tx,
	tenantId: string,
	row: Pick<CloudServiceRow, "id">,
	kind: ReviewNoticeKind,
	accountIds: readonly string[],
	now: Date,
): Promise<string[]> {
	const at = now.toISOString();
	const told: string[] = [];
	for (const accountId of accountIds) {
		const account = await findAccount(tx, tenantId, accountId);
		if (!account || account.disabled_at) continue;
		const id = randomUUID();
		await tx
			.insertInto("notifications")
			.values({
				id,
				tenant_id: tenantId,
				account_id: account.id,
				kind,
				link: serviceLink(row.id),
				created_at: at,
				read_at: null,
			})
			.execute();
		if (account.email)
			await enqueueJob(tx, {
				name: CLOUD_REVIEW_MAIL_JOB,
				tenantId,
				payload: { notificationId: id },
				dueAt: now,
			});
		told.push(account.id);
	}
	return told;
}

/**
 * The mail of a review notice, in Japanese: the service, its review date and a link; the data
 * and the decision stay in Mamori behind its access rules.
 */
export function reviewMail(
	service: Pick<CloudServiceRow, "id" | "code" | "name" | "next_review_on">,
	kind: ReviewNoticeKind,
	style: DateStyle,
	name: string,
	to: string,
): MailMessage {
	const day = formatDate(service.next_review_on, style);
	const overdue = kind === REVIEW_OVERDUE_KIND;
	const text = [
		`${name} 様`,
		"",
		overdue
			? `クラウドサービス ${service.code}（${service.name}）の見直し期限 ${day} が過ぎています。`
			: `クラウドサービス ${service.code}（${service.name}）の見直し期限が ${day} に近づいています。`,
		"利用条件、データの格付、ISMAP の登録状況などを確認し、見直しを記録してください。",
		"",
		serviceLink(service.id),
		"",
	].join("\n");
	const subject = overdue
		? `【クラウドサービスの見直し期限超過】${service.code} ${service.name}`
		: `【クラウドサービスの見直し期限】${service.code} ${service.name}（${day}）`;
	return { to, subject, text };
}

export type ReviewMailOutcome = "sent" | "no_address" | "no_smtp" | "gone";

/** The mail job's work: send one review notice; a refusal throws, so the scheduler retries. */
export async function mailReviewNotice(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	notificationId: string,
): Promise<ReviewMailOutcome> {
	const notice = await deps.db
		.selectFrom("notifications")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", notificationId)
		.executeTakeFirst();
	if (!notice || (notice.kind !== REVIEW_DUE_KIND && notice.kind !== REVIEW_OVERDUE_KIND))
		return "gone";
	const id = notice.link.split("/").pop() ?? "";
	const [service, person, style] = await Promise.all([
		findCloudService(deps.db, tenantId, id),
		findAccount(deps.db, tenantId, notice.account_id),
		tenantDateStyle(deps.db, tenantId),
	]);
	if (!service || !person) return "gone";
	if (!person.email) return "no_address";
	if (!deps.config.smtpUrl) return "no_smtp";
	await sendMail(
		deps.config.smtpUrl,
		reviewMail(service, notice.kind, style, person.display_name, person.email),
	);
	return "sent";
}
