import { systemActor } from "../../bootstrap.ts";
import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { japanDate } from "../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import { addDays, cloudScale, serviceFlags, storedFlags } from "./cloud-rules.ts";
import { openServices, reviewsDueBy } from "./cloud-services.repository.ts";

export const REVIEW_JOB = "cloud-services.reviews";

/**
 * The daily pass of the register: warn (once per review date) of services whose review date is
 * within the pack's warning days, and recompute every open service's flags — a review date that
 * has passed becomes `review_overdue`, a changed pack moves the other flags. Each change is saved
 * with its audit event in one transaction; a rerun on the same day changes nothing.
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
		});
		warned++;
	}
	for (const row of await openServices(db, tenantId)) {
		const flags = serviceFlags(scale, row, today);
		const stored = storedFlags(flags);
		if (stored.flags === row.flags) continue;
		await inTransaction(db, async (tx) => {
			await tx
				.updateTable("cloud_services")
				.set(stored)
				.where("tenant_id", "=", tenantId)
				.where("id", "=", row.id)
				.where("flags", "=", row.flags)
				.execute();
			await recordAudit(
				tx,
				context,
				"cloud_service.flags_changed",
				{ code: row.code, from: row.flags === "" ? [] : row.flags.split(","), to: flags },
				{ recordType: "cloud_service", recordId: row.id },
			);
		});
		reflagged++;
	}
	return { warned, reflagged };
}
