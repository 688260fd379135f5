import { randomUUID } from "node:crypto";
import { z } from "@hono/zod-openapi";
import type { Tx } from "../../../db/transaction.ts";
import { fiscalYear, japanDate } from "../../../shared/dates.ts";
import { issuesOfZod, refusal, ruleProblem } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { findOrgUnit } from "../../org/org.repository.ts";
import { type FindingAction, findingsPolicy } from "./findings.policy.ts";
import {
	appendFindingEvent,
	type FindingRow,
	insertFinding,
	nextFindingNumber,
	openFindingOfSource,
} from "./findings.repository.ts";
import {
	daySchema,
	FINDING_LIMITS,
	FINDING_SEVERITIES,
	FINDING_SOURCES,
	type FindingSource,
} from "./findings.schemas.ts";

/** What a finding is raised with, from whichever module raises it. */
export const raiseInputSchema = z.strictObject({
	source: z.enum(FINDING_SOURCES),
	/** The record it comes from in its own module: an answer's id, a case's id, a rule and flow. */
	sourceRef: z.string().trim().min(1).max(FINDING_LIMITS.sourceRef).nullable().default(null),
	/** How that record is named now, kept as it was: `INC-2026-0003 …`, a checklist item. */
	sourceLabel: z.string().trim().min(1).max(FINDING_LIMITS.sourceLabel).nullable().default(null),
	clause: z.string().trim().min(1).max(FINDING_LIMITS.clause),
	title: z.string().trim().min(1).max(FINDING_LIMITS.title),
	description: z.string().trim().max(FINDING_LIMITS.description).default(""),
	ownerUnitId: z.string().min(1).max(64),
	severity: z.enum(FINDING_SEVERITIES),
	dueOn: daySchema.nullable().default(null),
});
export type RaiseFindingInput = z.input<typeof raiseInputSchema>;

/** Who may raise a finding of each source (a self-inspection's caller authorised the answer). */
const RAISE_ACTION: Record<FindingSource, FindingAction> = {
	manual: "finding.raise",
	audit: "finding.raise",
	network_check: "finding.raise_network",
	incident: "finding.raise_incident",
	self_inspection: "finding.raise_self_inspection",
};

export interface RaiseOptions {
	/**
	 * What to do when the same source record already has a finding that is not closed:
	 * `allow` another (the default), `refuse` (409 `finding_already_raised`), or `return` the
	 * existing one, for callers that may run twice (a campaign re-submitted).
	 */
	onDuplicate?: "allow" | "refuse" | "return";
	now?: Date;
}

/** The reference of a finding: `F-2026-0007`. */
export function findingReference(fiscal: number, number: number): string {
	return `F-${fiscal}-${String(number).padStart(4, "0")}`;
}

/**
 * Raise a finding in the register, from an audit, a self-inspection, an incident, the network
 * check or by hand, with its source, clause, owner unit and severity, in the caller's
 * transaction (with its timeline entry and audit event). Other modules call this: the coming
 * self-inspection campaigns when a required item is answered いいえ, the audits, incidents and
 * the network check. The caller must hold the source's raise permission (`findingsPolicy`).
 *
 * @throws Problem `forbidden`; `validation_failed` (`finding_unit_unknown`, `finding_due_in_past`,
 * and the schema's field issues); `conflict` `finding_already_raised` with `onDuplicate: "refuse"`
 * @example
 * const { finding } = await raiseFinding(tx, actor, {
 *   source: "self_inspection", sourceRef: answer.id, sourceLabel: "令和8年度自己点検 3-2",
 *   clause: "対策基準 5.1", title: "離席時にPCをロックしていない", ownerUnitId, severity: "minor",
 * }, { onDuplicate: "return" });
 */
export async function raiseFinding(
	tx: Tx,
	actor: Actor,
	raw: RaiseFindingInput,
	options: RaiseOptions = {},
): Promise<{ finding: FindingRow; created: boolean }> {
	const parsed = raiseInputSchema.safeParse(raw);
	if (!parsed.success) {
		throw new Problem("validation_failed", "the finding is not valid", {
			issues: issuesOfZod(parsed.error, raw),
		});
	}
	const input = parsed.data;
	authorize(actor, findingsPolicy, RAISE_ACTION[input.source]);
	const now = options.now ?? new Date();
	if (input.sourceRef !== null && (options.onDuplicate ?? "allow") !== "allow") {
		const existing = await openFindingOfSource(tx, actor.tenantId, input.source, input.sourceRef);
		if (existing && options.onDuplicate === "return") return { finding: existing, created: false };
		if (existing) {
			throw refusal(
				"conflict",
				"finding_already_raised",
				`finding ${existing.reference} already stands for this`,
				{ reference: existing.reference },
			);
		}
	}
	if (!(await findOrgUnit(tx, actor.tenantId, input.ownerUnitId))) {
		throw ruleProblem(
			"validation_failed",
			"no such org unit in this tenant",
			"ownerUnitId",
			"finding_unit_unknown",
		);
	}
	const today = japanDate(now);
	if (input.dueOn !== null && input.dueOn < today) {
		throw ruleProblem(
			"validation_failed",
			"a due date lies ahead",
			"dueOn",
			"finding_due_in_past",
			{
				today,
			},
		);
	}
	const at = now.toISOString();
	const fiscal = fiscalYear(at);
	const number = await nextFindingNumber(tx, actor.tenantId, fiscal);
	const finding: FindingRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		reference: findingReference(fiscal, number),
		fiscal_year: fiscal,
		source: input.source,
		source_ref: input.sourceRef,
		source_label: input.sourceLabel,
		clause: input.clause,
		title: input.title,
		description: input.description,
		owner_unit_id: input.ownerUnitId,
		severity: input.severity,
		state: "open",
		due_on: input.dueOn,
		plan: null,
		plan_owner_id: null,
		plan_owner_label: null,
		planned_by_label: null,
		planned_at: null,
		done_note: null,
		done_by: null,
		done_by_label: null,
		done_at: null,
		verified_by: null,
		verified_by_label: null,
		verified_at: null,
		verification_comment: null,
		risk_id: null,
		risk_accepted_by_label: null,
		risk_accepted_at: null,
		risk_acceptance_reason: null,
		raised_by: actor.accountId,
		raised_by_label: actor.label,
		created_at: at,
		updated_at: at,
		version: 1,
	};
	await insertFinding(tx, finding);
	await appendFindingEvent(tx, {
		tenant_id: actor.tenantId,
		finding_id: finding.id,
		kind: "raised",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: null,
		data: {
			source: finding.source,
			sourceLabel: finding.source_label,
			clause: finding.clause,
			severity: finding.severity,
			dueOn: finding.due_on,
		},
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"finding.raised",
		{
			reference: finding.reference,
			source: input.source,
			sourceRef: finding.source_ref,
			clause: finding.clause,
			severity: input.severity,
			ownerUnitId: finding.owner_unit_id,
		},
		{ recordType: "finding", recordId: finding.id },
	);
	return { finding, created: true };
}
