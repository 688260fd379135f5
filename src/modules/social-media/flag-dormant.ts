import { systemActor } from "../../bootstrap.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { japanDate } from "../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { currentTenantPack } from "../policies/pack/tenant-pack.repository.ts";
import {
	findSocialAccount,
	type SocialAccountRow,
	unflaggedLiveAccounts,
	updateSocialAccount,
} from "./social-media.repository.ts";
import { addDays, DORMANT_AFTER_DAYS, socialMediaInForce } from "./social-media-rules.ts";

/** The daily sweep of accounts without a review; declared in social-media.jobs.ts. */
export const DORMANT_JOB = "social-media.dormant";

/** The Japan date an account's review period runs from: its last review, else its approval. */
export function reviewBasis(
	row: Pick<SocialAccountRow, "last_reviewed_on" | "decided_at" | "created_at">,
): string {
	if (row.last_reviewed_on) return row.last_reviewed_on;
	return japanDate(new Date(row.decided_at ?? row.created_at));
}

/** The Japan date by which the next review is due. */
export function reviewDueOn(
	row: Pick<SocialAccountRow, "last_reviewed_on" | "decided_at" | "created_at">,
): string {
	return addDays(reviewBasis(row), DORMANT_AFTER_DAYS);
}

/**
 * The daily sweep of one tenant: a live (approved or suspended) account with no review for
 * `DORMANT_AFTER_DAYS` days since its last review (or its approval) is flagged 休眠, to be
 * suspended; the register lists it under that filter until a review clears it. Each flag is its
 * own transaction with its audit event; a rerun finds nothing left to do. A tenant whose pack has
 * no social-media provision has nothing to sweep.
 *
 * @example
 * await flagDormantAccounts(runtime, tenant.id, new Date());
 */
export async function flagDormantAccounts(
	deps: Pick<AppDeps, "db">,
	tenantId: string,
	now: Date = new Date(),
): Promise<string[]> {
	const pack = await currentTenantPack(deps.db, tenantId);
	if (!pack || !socialMediaInForce(pack.pack)) return [];
	const today = japanDate(now);
	const flagged: string[] = [];
	for (const candidate of await unflaggedLiveAccounts(deps.db, tenantId)) {
		if (reviewDueOn(candidate) > today) continue;
		const done = await inTransaction(deps.db, async (tx) => {
			const row = await findSocialAccount(tx, tenantId, candidate.id);
			if (!row || row.dormant_since || reviewDueOn(row) > today) return false;
			const at = now.toISOString();
			const patch = { dormant_since: at, updated_at: at };
			if (!(await updateSocialAccount(tx, tenantId, row.id, Number(row.version), patch)))
				return false;
			await recordAudit(
				tx,
				auditContextOf(systemActor(tenantId, `scheduler (${DORMANT_JOB})`)),
				"social_media.dormant_flagged",
				{ service: row.service, handle: row.handle, lastReviewedOn: row.last_reviewed_on },
				{ recordType: "social_media_account", recordId: row.id },
			);
			return true;
		});
		if (done) flagged.push(candidate.id);
	}
	return flagged;
}
