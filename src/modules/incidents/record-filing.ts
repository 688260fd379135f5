import { randomUUID } from "node:crypto";
import type { IncidentFilingTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { caseFacts, invalid } from "./case-rules.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import {
	appendIncidentEvent,
	insertIncidentFiling,
	listIncidentFilings,
	touchIncident,
} from "./incidents.repository.ts";
import type { RecordFilingInput } from "./incidents.schemas.ts";
import { refreshCaseDues } from "./report-dues.ts";

/**
 * Record that an obligation's preliminary (速報) or final (確報) report was filed with its
 * authority on a day, with the authority's reference if any. Each stage is recorded once.
 *
 * @throws Problem `validation_failed` (issue codes `unknown_obligation`, `in_future`);
 * `conflict` for a rejected case (`case_rejected`) or a stage already recorded (`already_filed`)
 */
export async function recordFiling(
	tx: Tx,
	desk: IncidentDesk,
	id: string,
	input: RecordFilingInput,
	now: Date = new Date(),
): Promise<IncidentFilingTable> {
	const { actor } = desk;
	authorize(actor, incidentsPolicy, "incident.file");
	const row = await visibleIncident(tx, desk, id);
	if (row.state === "rejected") {
		throw new Problem("conflict", "the case was rejected as not an incident", {
			issues: [{ path: "state", code: "case_rejected", params: {}, message: "rejected" }],
		});
	}
	const known = desk.rules.assess(caseFacts(row)).map((obligation) => obligation.code);
	const issues: Parameters<typeof invalid>[0] = [];
	if (!known.includes(input.obligation)) {
		issues.push({
			path: "obligation",
			code: "unknown_obligation",
			params: { known: known.join(",") },
			message: `not an obligation of the tenant's rules (${known.join(", ")})`,
		});
	}
	if (input.filedOn > desk.today) {
		issues.push({
			path: "filedOn",
			code: "in_future",
			params: { today: desk.today },
			message: "lies in the future",
		});
	}
	if (issues.length > 0) throw invalid(issues);
	const filed = await listIncidentFilings(tx, actor.tenantId, row.id);
	if (filed.some((f) => f.obligation_code === input.obligation && f.stage === input.stage)) {
		throw new Problem("conflict", `the ${input.stage} report is already recorded`, {
			issues: [
				{
					path: "stage",
					code: "already_filed",
					params: { obligation: input.obligation, stage: input.stage },
					message: "already recorded",
				},
			],
		});
	}
	const at = now.toISOString();
	await touchIncident(tx, actor.tenantId, row.id, at);
	const filing: IncidentFilingTable = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		incident_id: row.id,
		obligation_code: input.obligation,
		stage: input.stage,
		filed_on: input.filedOn,
		reference: input.reference || null,
		recorded_by: actor.accountId,
		recorded_by_label: actor.label,
		recorded_at: at,
	};
	await insertIncidentFiling(tx, filing);
	await refreshCaseDues(tx, desk.rules, actor.tenantId, row.id);
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: "filed",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: null,
		data: {
			obligation: input.obligation,
			stage: input.stage,
			filedOn: input.filedOn,
			reference: filing.reference,
		},
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.filing_recorded",
		{
			reference: row.reference,
			obligation: input.obligation,
			stage: input.stage,
			filedOn: input.filedOn,
		},
		{ recordType: "incident", recordId: row.id },
	);
	return filing;
}
