import { randomUUID } from "node:crypto";
import { systemActor } from "../../bootstrap.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { enqueueJob } from "../../platform/jobs/enqueue-job.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { type StaffPlacement, staffPlacements } from "../org/staff-placements.ts";
import {
	endHandlerRow,
	findAffair,
	type HandlerRow,
	insertNotice,
	openHandlers,
} from "./my-number.repository.ts";
import { myNumberInForceFor } from "./my-number-desk.ts";
import { type HandlerEndReason, lapseDay } from "./my-number-rules.ts";

/** The daily lapse of handler entries; declared in my-number.jobs.ts. */
export const LAPSE_JOB = "my-number.handler-lapse";
/** The job that mails one notice of an ended entry to the responsible person. */
export const MY_NUMBER_MAIL_JOB = "my-number.handler-mail";

/** Why and from which day an open entry no longer holds, or undefined while it still does. */
export function lapseOf(
	entry: Pick<HandlerRow, "org_unit_id" | "starts_on">,
	placement: StaffPlacement | undefined,
	now: Date,
): { reason: HandlerEndReason; endsOn: string } | undefined {
	if (!placement?.active)
		return {
			reason: "left",
			endsOn: lapseDay(placement?.leftAt ?? now.toISOString(), entry.starts_on),
		};
	if (placement.orgUnitId !== entry.org_unit_id)
		return {
			reason: "transferred",
			endsOn: lapseDay(placement.movedAt ?? now.toISOString(), entry.starts_on),
		};
	return undefined;
}

/**
 * The daily lapse of one tenant: a handler who moved to another unit in the roster, or left,
 * loses the entry on the transfer date (the roster's 発令日) or the leaving day. The roster is
 * read through org's `staffPlacements`. Each ended entry is its own transaction with its audit
 * event and a notice to the affair's responsible person (shown on their Home and on the affair
 * page), and a queued mail when they have an address. A rerun finds nothing left to do.
 *
 * @example
 * await lapseHandlers(runtime, tenant.id, new Date()); // → ids of the entries ended
 */
export async function lapseHandlers(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<string[]> {
	if (!(await myNumberInForceFor(deps.db, tenantId))) return [];
	const open = await openHandlers(deps.db, tenantId);
	if (open.length === 0) return [];
	const placements = new Map(
		(
			await staffPlacements(
				deps.db,
				tenantId,
				open.map((entry) => entry.staff_id),
			)
		).map((p) => [p.staffId, p]),
	);
	const ended: string[] = [];
	for (const entry of open) {
		const lapse = lapseOf(entry, placements.get(entry.staff_id), now);
		if (!lapse) continue;
		const done = await inTransaction(deps.db, async (tx) => {
			const affair = await findAffair(tx, tenantId, entry.affair_id);
			if (!affair) return false;
			const endsOn =
				entry.ends_on !== null && entry.ends_on < lapse.endsOn ? entry.ends_on : lapse.endsOn;
			const actor = systemActor(tenantId, `scheduler (${LAPSE_JOB})`);
			if (
				!(await endHandlerRow(tx, tenantId, entry.id, {
					ends_on: endsOn,
					end_reason: lapse.reason,
					ended_by_label: actor.label,
				}))
			)
				return false;
			const [responsible] = await staffPlacements(tx, tenantId, [affair.responsible_staff_id]);
			const told: string[] = [];
			if (responsible?.active) {
				const id = randomUUID();
				await insertNotice(tx, {
					id,
					tenant_id: tenantId,
					affair_id: affair.id,
					handler_id: entry.id,
					account_id: responsible.accountId,
					created_at: now.toISOString(),
					seen_at: null,
				});
				if (responsible.email)
					await enqueueJob(tx, {
						name: MY_NUMBER_MAIL_JOB,
						tenantId,
						payload: { noticeId: id },
						dueAt: now,
					});
				told.push(responsible.accountId);
			}
			await recordAudit(
				tx,
				auditContextOf(actor),
				"my_number.handler_ended",
				{
					affairId: affair.id,
					staffId: entry.staff_id,
					endsOn,
					reason: lapse.reason,
					notifiedAccountIds: told,
				},
				{ recordType: "my_number_affair", recordId: affair.id },
			);
			return true;
		});
		if (done) ended.push(entry.id);
	}
	return ended;
}
