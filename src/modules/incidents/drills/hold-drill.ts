import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { japanDate } from "../../../shared/dates.ts";
import { findAccount } from "../../accounts/accounts.repository.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { drillForStep } from "./drill-access.ts";
import { type DrillIssue, invalid, staleDrill } from "./drill-rules.ts";
import { drillsPolicy } from "./drills.policy.ts";
import {
	type DrillRow,
	insertParticipants,
	type ParticipantRow,
	updateDrill,
} from "./drills.repository.ts";
import type { HoldDrillInput, ParticipantInput } from "./drills.schemas.ts";
import { fiscalYearOf } from "./schedule-drill.ts";

/**
 * The participants as stored: each account once, under its name now; each free name with its
 * headcount. Every entry is either an account or a name, never both.
 */
async function participantRows(
	tx: Tx,
	drill: DrillRow,
	participants: readonly ParticipantInput[],
): Promise<ParticipantRow[]> {
	const issues: DrillIssue[] = [];
	const rows: ParticipantRow[] = [];
	const seen = new Set<string>();
	for (const [index, entry] of participants.entries()) {
		const path = `participants.${index}`;
		const base = {
			id: randomUUID(),
			tenant_id: drill.tenant_id,
			drill_id: drill.id,
			position: index + 1,
		};
		if ((entry.account === undefined) === (entry.name === undefined)) {
			issues.push({
				path,
				code: "drill_participant_account_or_name",
				message: "name an account or a group, one of the two",
			});
			continue;
		}
		if (entry.name !== undefined) {
			rows.push({ ...base, account_id: null, name: entry.name, headcount: entry.headcount });
			continue;
		}
		const id = entry.account ?? "";
		const account = await findAccount(tx, drill.tenant_id, id);
		if (!account || account.disabled_at !== null) {
			issues.push({
				path: `${path}.account`,
				code: "drill_participant_unknown",
				message: "no such active account in this tenant",
			});
		} else if (seen.has(id)) {
			issues.push({
				path: `${path}.account`,
				code: "drill_participant_twice",
				params: { name: account.display_name },
				message: "listed twice",
			});
		} else if (entry.headcount !== 1) {
			issues.push({
				path: `${path}.headcount`,
				code: "drill_participant_account_headcount",
				message: "an account is one person",
			});
		} else {
			rows.push({ ...base, account_id: id, name: account.display_name, headcount: 1 });
		}
		seen.add(id);
	}
	if (issues.length > 0) throw invalid(issues);
	return rows;
}

/**
 * Record that a planned drill was held: on which day (not after today, in Japan), who took part
 * and how it went. Its fiscal year becomes the held day's.
 *
 * @throws Problem `validation_failed` (issues `drill_held_in_future`,
 * `drill_participant_account_or_name`, `drill_participant_unknown`, `drill_participant_twice`,
 * `drill_participant_account_headcount`); `conflict` when the drill is not planned
 * (`drill_step_not_allowed`) or was changed meanwhile (`stale_version`)
 */
export async function holdDrill(
	tx: Tx,
	actor: Actor,
	id: string,
	input: HoldDrillInput,
	now: Date = new Date(),
): Promise<DrillRow> {
	authorize(actor, drillsPolicy, "drill.manage");
	const drill = await drillForStep(tx, actor, id, "hold", input.version);
	const today = japanDate(now);
	if (input.heldOn > today) {
		throw invalid([
			{
				path: "heldOn",
				code: "drill_held_in_future",
				params: { today },
				message: "a drill is recorded as held once it was",
			},
		]);
	}
	const participants = await participantRows(tx, drill, input.participants);
	const at = now.toISOString();
	const patch: Partial<DrillRow> = {
		state: "held",
		held_on: input.heldOn,
		fiscal_year: fiscalYearOf(input.heldOn),
		summary: input.summary || null,
		held_at: at,
		updated_at: at,
	};
	if (!(await updateDrill(tx, actor.tenantId, drill.id, input.version, patch))) throw staleDrill();
	await insertParticipants(tx, participants);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"drill.held",
		{
			title: drill.title,
			heldOn: input.heldOn,
			accounts: participants.filter((p) => p.account_id !== null).length,
			headcount: participants.reduce((sum, p) => sum + p.headcount, 0),
		},
		{ recordType: "drill", recordId: drill.id },
	);
	return { ...drill, ...patch, version: input.version + 1 };
}
