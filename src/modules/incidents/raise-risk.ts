import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { inScope } from "../assets/asset-scope.ts";
import { type AuditContext, auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { createRisk } from "../risks/create-risk.ts";
import type { Register } from "../risks/register.ts";
import { invalid } from "./case-rules.ts";
import { type IncidentDesk, visibleIncident } from "./incident-desk.ts";
import { incidentFeedsPolicy } from "./incident-feeds.policy.ts";
import type { RaiseRiskInput } from "./incident-risk.schemas.ts";
import {
	appendIncidentEvent,
	type IncidentRow,
	incidentAssets,
	incidentUnitIds,
	touchIncident,
} from "./incidents.repository.ts";

/**
 * The case a risk may be raised from or re-scored by: one the caller sees, not rejected as "not
 * an incident". Any other state will do: lessons usually come once a case is closed.
 *
 * @throws Problem `not_found` (a case out of reach), `conflict` (`case_rejected`)
 */
export async function caseForRisk(
	tx: Tx,
	desk: IncidentDesk,
	id: string,
	action: "incident.raise_risk" | "incident.rescore_risk",
): Promise<IncidentRow> {
	authorize(desk.actor, incidentFeedsPolicy, action);
	const row = await visibleIncident(tx, desk, id);
	if (row.state === "rejected") {
		throw new Problem("conflict", "the case was rejected as not an incident", {
			issues: [{ path: "state", code: "case_rejected", params: {}, message: "rejected" }],
		});
	}
	return row;
}

/** Put the link on the case's timeline (under its row lock) and in the audit log. */
export async function recordRiskLink(
	tx: Tx,
	desk: IncidentDesk,
	row: IncidentRow,
	link: {
		kind: "raised" | "rescored";
		riskId: string;
		data: Record<string, unknown>;
		text?: string | undefined;
	},
	now: Date,
): Promise<void> {
	const { actor } = desk;
	const at = now.toISOString();
	await touchIncident(tx, actor.tenantId, row.id, at);
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: link.kind === "raised" ? "risk_raised" : "risk_rescored",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: link.text ?? null,
		data: { riskId: link.riskId, ...link.data },
	});
	const context: AuditContext = auditContextOf(actor);
	await recordAudit(
		tx,
		context,
		"incident.risk_linked",
		{ reference: row.reference, riskId: link.riskId, link: link.kind },
		{ recordType: "incident", recordId: row.id },
	);
}

/** The case's category when the tenant's pack lists it as a threat. */
function threatOf(register: Register, row: IncidentRow): string | undefined {
	const category = row.category;
	return register.pack.threats.some((threat) => threat.code === category)
		? (category ?? undefined)
		: undefined;
}

/**
 * Enter a risk in the register from a case, through the risk register's own use case (its checks
 * of threat, matrix, unit and assets apply), and link it on the case's timeline. What the input
 * leaves out comes from the case (see `raiseRiskSchema`).
 *
 * @throws Problem `validation_failed` (`risk_threat_required` when the case has no category the
 * pack lists and none is given, `risk_unit_required` when none of the case's units is one the
 * caller may raise a risk in and none is given, and the register's own refusals); `not_found`; `conflict`
 */
export async function raiseRiskFromIncident(
	tx: Tx,
	desk: IncidentDesk,
	register: Register,
	id: string,
	input: RaiseRiskInput,
	now: Date = new Date(),
): Promise<string> {
	const row = await caseForRisk(tx, desk, id, "incident.raise_risk");
	const tenantId = desk.actor.tenantId;
	const threatCode = input.threatCode ?? threatOf(register, row);
	const ownerUnitId =
		input.ownerUnitId ??
		(await incidentUnitIds(tx, tenantId, row.id)).find((unit) => inScope(register.raise, unit));
	const issues: Parameters<typeof invalid>[0] = [];
	if (threatCode === undefined) {
		issues.push({
			path: "threatCode",
			code: "risk_threat_required",
			message: "the case has no category the policy pack lists as a threat; choose one",
		});
	}
	if (ownerUnitId === undefined) {
		issues.push({
			path: "ownerUnitId",
			code: "risk_unit_required",
			message: "none of the case's units is one you may raise a risk in; choose the risk's unit",
		});
	}
	if (threatCode === undefined || ownerUnitId === undefined) throw invalid(issues);
	const assetIds =
		input.assetIds ??
		(await incidentAssets(tx, tenantId, row.id))
			.filter((asset) => inScope(register.read, asset.owner_unit_id))
			.map((asset) => asset.id);
	const residual = input.residual ?? input.inherent;
	const risk = await createRisk(
		tx,
		register,
		{
			title: input.title ?? row.title,
			description: input.description ?? row.what_happened,
			systemName: null,
			assetIds,
			threatCode,
			ownerUnitId,
			inherent: input.inherent,
			residual,
			existingControls: null,
			treatment: null,
			treatmentPlan: row.prevention,
			treatmentOwnerId: null,
			treatmentDue: null,
			status: "open",
		},
		now.toISOString(),
		"raise",
	);
	await recordRiskLink(
		tx,
		desk,
		row,
		{
			kind: "raised",
			riskId: risk.id,
			data: {
				title: risk.title,
				threat: risk.threat_code,
				inherentScore: Number(risk.inherent_score),
				residualScore: Number(risk.residual_score),
			},
		},
		now,
	);
	return risk.id;
}
