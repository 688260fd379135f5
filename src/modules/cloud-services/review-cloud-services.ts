import { systemActor } from "../../bootstrap.ts";
import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { japanDate } from "../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { addDays, cloudScale, parseFlags, serviceFlags, storedFlags } from "./cloud-rules.ts";
import { openServices, reviewsDueBy } from "./cloud-services.repository.ts";
import {
	noticeReview,
	REVIEW_DUE_KIND,
	REVIEW_OVERDUE_KIND,
	reviewRecipients,
} from "./review-notices.ts";

export const REVIEW_JOB = "cloud-services.reviews";

/**
 * The daily pass of the register: warn (once per review date) of services whose review date is
 * within the pack's warning days, and recompute every open service's flags — a review date that
 * has passed becomes `review_overdue`, a changed pack moves the other flags. A warning tells the
 * managers of the service's unit (and above); a review that becomes overdue tells them and the
 * pack's deciding roles (`organisation.approvals.cloudServices`): a notice in the app and a queued
 * mail each (review-notices.ts). Each change is saved with its audit event and its notices in one
 * transaction; a rerun on the same day changes nothing and tells nobody again.
 */
export async function reviewCloudServices(
	db: Db,
	tenantId: string,
	now: Date,
): Promise<{ warned: number; reflagged: number }> {
	const pack = await currentTenantPack(db, tenantId);
	if (!pack) return { warned: 0, reflagged: 0 };
	const scale = cloudScale(pack.pack);
	const today = japanDate(now);
	const actor = systemActor(tenantId, `scheduler (${REVIEW_JOB})`);
	const context = auditContextOf(actor);
	const recipientsOf = await reviewRecipients(db, tenantId, now.toISOString(), pack.pack);
	let warned = 0;
	let reflagged = 0;
	for (const row of await reviewsDueBy(db, tenantId, addDays(today, scale.reviewWarningDays))) {
		if (row.review_warned_for === row.next_review_on || row.next_review_on < today) continue;
		await inTransaction(db, async (tx) => {
			await tx
				.updateTable("cloud_services")
				.set({ review_warned_for: row.next_review_on })
				.where("tenant_id", "=", tenantId)
				.where("id", "=", row.id)
				.execute();
			await recordAudit(
				tx,
				context,
				"cloud_service.review_warned",
				{ code: row.code, nextReviewOn: row.next_review_on },
				{ recordType: "cloud_service", recordId: row.id },
			);
			await noticeReview(
				tx,
				tenantId,
				row,
				REVIEW_DUE_KIND,
				recipientsOf(row.org_unit_id, false),
				now,
			);
		});
		warned++;
	}
	for (const row of await openServices(db, tenantId)) {
		const flags = serviceFlags(scale, row, today);
		const stored = storedFlags(flags);
		if (stored.flags === row.flags) continue;
		const becameOverdue =
			flags.includes("review_overdue") && !parseFlags(row.flags).includes("review_overdue");
		await inTransaction(db, async (tx) => {
			const updated = await tx
				.updateTable("cloud_services")
				.set(stored)
				.where("tenant_id", "=", tenantId)
				.where("id", "=", row.id)
				.where("flags", "=", row.flags)
				.executeTakeFirst();
			if (Number(updated.numUpdatedRows) === 0) return;
			await recordAudit(
				tx,
				context,
				"cloud_service.flags_changed",
				{ code: row.code, from: row.flags === "" ? [] : row.flags.split(","), to: flags },
				{ recordType: "cloud_service", recordId: row.id },
			);
			if (becameOverdue)
				await noticeReview(
					tx,
					tenantId,
					row,
					REVIEW_OVERDUE_KIND,
					recipientsOf(row.org_unit_id, true),
					now,
				);
		});
		reflagged++;
	}
	return { warned, reflagged };
}
