import { systemActor } from "../../../bootstrap.ts";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { startOfJapanDay } from "../../../shared/dates.ts";
import { sendMails } from "../../../shared/mail.ts";
import { auditContextOf } from "../../audit-log/record-audit.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { completionOf } from "./acknowledgement-status.ts";
import { documentsPolicy } from "./documents.policy.ts";
import {
	findDocument,
	findVersion,
	listCurrentPublications,
	remindedSince,
} from "./documents.repository.ts";
import { recordReminders, reminderMails } from "./remind.ts";

/** The job's name, stored in the jobs table. */
export const REMINDER_SWEEP = "policies.acknowledgement-reminders";

export interface SweptVersion {
	versionId: string;
	recipients: number;
	mailed: number;
}

/**
 * The daily reminder sweep of one tenant: for every published version with staff who have not
 * acknowledged it, remind them as the "remind" button does (notification, audit event with the
 * scheduler as actor, mail after commit when SMTP is set). A version already reminded today
 * (Japan time), by the button or an earlier run of the sweep, is left alone, so the sweep may
 * run again after a crash without reminding anyone twice a day.
 *
 * @example
 * const swept = await sweepReminders(runtime, tenant.id);
 */
export async function sweepReminders(
	deps: Pick<AppDeps, "db" | "config">,
	tenantId: string,
	now: Date = new Date(),
): Promise<SweptVersion[]> {
	const found = await currentTenantPack(deps.db, tenantId);
	if (!found) return [];
	const policy = documentsPolicy(found.pack);
	const context = auditContextOf(systemActor(tenantId, `scheduler (${REMINDER_SWEEP})`));
	const since = startOfJapanDay(now);
	const swept: SweptVersion[] = [];
	for (const publication of await listCurrentPublications(deps.db, tenantId)) {
		const reminded = await inTransaction(deps.db, async (tx) => {
			if (await remindedSince(tx, tenantId, publication.version_id, since)) return null;
			const version = await findVersion(tx, tenantId, publication.version_id);
			const document = version && (await findDocument(tx, tenantId, version.document_id));
			if (!version || !document) return null;
			const status = await completionOf(tx, tenantId, policy, version, document);
			if (status.pending.length === 0) return null;
			return recordReminders(tx, context, status);
		});
		if (!reminded) continue;
		const mailed = deps.config.smtpUrl
			? await sendMails(deps.config.smtpUrl, reminderMails(reminded))
			: 0;
		swept.push({ versionId: reminded.version.id, recipients: reminded.pending.length, mailed });
	}
	return swept;
}
