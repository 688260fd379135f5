import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { networkFindingText } from "../../../shared/network-findings.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { openIncidentDesk, visibleIncident } from "../../incidents/incident-desk.ts";
import { incidentsPolicy } from "../../incidents/incidents.policy.ts";
import { checkModel } from "../../network/check-model.ts";
import { networkPolicy } from "../../network/network.policy.ts";
import { readStoredModel, requireTenantPack } from "../../network/read-model.ts";
import { NETWORK_RULES } from "../../network/rules/index.ts";
import { splitClause } from "../../network/rules/rule.ts";
import { findingsPolicy } from "./findings.policy.ts";
import type { FindingRow } from "./findings.repository.ts";
import {
	FINDING_LIMITS,
	type RaiseFromIncidentInput,
	type RaiseFromNetworkInput,
	type RaiseManualInput,
} from "./findings.schemas.ts";
import { raiseFinding } from "./raise-finding.ts";

/** A text cut to `max` characters, for titles taken from another record. */
function cut(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Raise a finding by hand (an observation, a walk through the offices). */
export async function raiseManualFinding(
	tx: Tx,
	actor: Actor,
	input: RaiseManualInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	authorize(actor, findingsPolicy, "finding.raise");
	const { finding } = await raiseFinding(tx, actor, { ...input, source: "manual" }, { now });
	return finding;
}

/**
 * Raise a finding from a failed rule of the three-tier check: the tenant's saved model is
 * checked now (through the network module's own reading and rule engine), and the violation of
 * `rule` on the flow or node named must still be there. The finding keeps the rule's clause, and
 * the rule, flow and revision as its source; one open finding per violation.
 *
 * @throws Problem `conflict` (`finding_violation_not_found` when the check no longer finds it,
 * `finding_already_raised`); `forbidden`; `validation_failed`
 */
export async function raiseFromNetworkCheck(
	tx: Tx,
	actor: Actor,
	input: RaiseFromNetworkInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	authorize(actor, findingsPolicy, "finding.raise_network");
	authorize(actor, networkPolicy, "network.read");
	const pack = await requireTenantPack(tx, actor.tenantId);
	const stored = await readStoredModel(tx, actor.tenantId);
	const report = checkModel(stored.model, pack.pack);
	const violation = report.violations.find(
		(v) => v.rule === input.rule && v.flow === input.flow && v.node === input.node,
	);
	if (!violation) {
		throw refusal(
			"conflict",
			"finding_violation_not_found",
			`the check of revision ${stored.revision} finds no violation of ${input.rule} there`,
			{ rule: input.rule },
		);
	}
	const rule = NETWORK_RULES.find((entry) => entry.id === violation.rule);
	const where = violation.flow ?? violation.node ?? "";
	// Stored as the finding's own Japanese text: the register is the city's record, in its words.
	const text = networkFindingText(violation, "ja");
	const clause = input.clause ?? splitClause(violation.clause).clause;
	const { finding } = await raiseFinding(
		tx,
		actor,
		{
			source: "network_check",
			sourceRef: `${violation.rule}|${violation.flow ?? ""}|${violation.node ?? ""}`,
			sourceLabel: cut(
				`r${stored.revision} ${rule?.title.ja ?? violation.rule}${where ? `（${where}）` : ""}`,
				FINDING_LIMITS.sourceLabel,
			),
			clause: cut(clause || violation.rule, FINDING_LIMITS.clause),
			title: input.title ?? cut(text.message, FINDING_LIMITS.title),
			description:
				input.description || cut(`${text.message}\n${text.remedy}`, FINDING_LIMITS.description),
			ownerUnitId: input.ownerUnitId,
			severity: input.severity,
			dueOn: input.dueOn,
		},
		{ onDuplicate: "refuse", now },
	);
	return finding;
}

/**
 * Raise a finding from an incident case the caller sees (read through the incident module's own
 * desk): a gap against the policy the case revealed. The finding keeps the case's reference.
 *
 * @throws Problem `not_found` (a case out of reach); `forbidden`; `validation_failed`
 */
export async function raiseFromIncident(
	tx: Tx,
	actor: Actor,
	input: RaiseFromIncidentInput,
	now: Date = new Date(),
): Promise<FindingRow> {
	authorize(actor, findingsPolicy, "finding.raise_incident");
	authorize(actor, incidentsPolicy, "incident.read");
	const desk = await openIncidentDesk(tx, actor, now);
	const incident = await visibleIncident(tx, desk, input.incidentId);
	const { finding } = await raiseFinding(
		tx,
		actor,
		{
			source: "incident",
			sourceRef: incident.id,
			sourceLabel: cut(`${incident.reference} ${incident.title}`, FINDING_LIMITS.sourceLabel),
			clause: input.clause,
			title: input.title ?? cut(incident.title, FINDING_LIMITS.title),
			description: input.description,
			ownerUnitId: input.ownerUnitId,
			severity: input.severity,
			dueOn: input.dueOn,
		},
		{ now },
	);
	return finding;
}
