import type { Queryable } from "../../../db/queryable.ts";
import { authorize, can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { auditChecklistVersion } from "../checklists/read-checklists.ts";
import type { FindingSeverity } from "../findings/findings.schemas.ts";
import { findingsOfSource } from "../findings/read-findings.ts";
import { isEditable } from "./audit-rules.ts";
import { auditsPolicy } from "./audits.policy.ts";
import { listEvidence, listResults } from "./fieldwork.repository.ts";
import type { AuditResult, FieldworkView } from "./fieldwork.schemas.ts";
import { type AuditDesk, assertMayReadFieldwork, openAuditDesk } from "./fieldwork-access.ts";
import { addConformity, clauseOfItem, conformityOf } from "./fieldwork-rules.ts";
import { presentAuditEvidence } from "./record-result.ts";

/** The fieldwork of an audit the desk opened: checklist, results and evidence per unit. */
export async function fieldworkOf(db: Queryable, desk: AuditDesk): Promise<FieldworkView> {
	const { actor, row } = desk;
	const tenantId = actor.tenantId;
	const [checklist, results, evidence, orgUnits] = await Promise.all([
		row.checklist_version_id === null
			? Promise.resolve(undefined)
			: auditChecklistVersion(db, tenantId, row.checklist_version_id),
		listResults(db, tenantId, row.id),
		listEvidence(db, tenantId, row.id),
		listOrgUnits(db, tenantId),
	]);
	const findingIds = results.flatMap((r) => (r.finding_id ? [r.finding_id] : []));
	const findings = new Map(
		(await findingsOfSource(db, tenantId, findingIds)).map((f) => [f.id, f]),
	);
	const items = checklist?.items ?? [];
	const itemIds = new Set(items.map((item) => item.id));
	const order = new Map(orgUnits.map((u, index) => [u.id, { index, name: u.name }]));
	const units = [...desk.units]
		.sort((a, b) => (order.get(a.org_unit_id)?.index ?? 0) - (order.get(b.org_unit_id)?.index ?? 0))
		.map((unit) => {
			const mine = results.filter(
				(r) => r.org_unit_id === unit.org_unit_id && itemIds.has(r.item_id),
			);
			return {
				id: unit.org_unit_id,
				name: order.get(unit.org_unit_id)?.name ?? "",
				results: mine.map((r) => {
					const finding = r.finding_id ? findings.get(r.finding_id) : undefined;
					return {
						itemId: r.item_id,
						result: r.result as AuditResult,
						levelIndex: r.level_index === null ? null : Number(r.level_index),
						note: r.note,
						recordedBy: r.recorded_by_label,
						recordedAt: r.recorded_at,
						finding: finding
							? {
									id: finding.id,
									reference: finding.reference,
									severity: finding.severity as FindingSeverity,
									state: finding.state,
								}
							: null,
					};
				}),
				evidence: evidence
					.filter((file) => file.org_unit_id === unit.org_unit_id)
					.map(presentAuditEvidence),
				counts: conformityOf(items.length, mine),
			};
		});
	const recording = desk.onTeam && row.state === "fieldwork" && checklist !== undefined;
	return {
		auditId: row.id,
		state: row.state,
		checklist: checklist
			? {
					versionId: checklist.versionId,
					title: checklist.title,
					version: checklist.version,
					items: items.map((item) => ({
						id: item.id,
						number: item.number,
						clause: clauseOfItem(item),
						question: item.question,
						scale: item.scale,
						levels: item.levels,
						evidence: item.evidence,
					})),
				}
			: null,
		units,
		totals: addConformity(units.map((u) => u.counts)),
		allowedActions: [
			...(recording ? ["assurance_audit.record"] : []),
			...(recording && can(actor, auditsPolicy, "assurance_audit.raise_finding")
				? ["assurance_audit.raise_finding"]
				: []),
			...((desk.lead || desk.runs) && isEditable(row.state)
				? ["assurance_audit.choose_checklist"]
				: []),
		],
	};
}

/**
 * An audit's fieldwork: its checklist's items, each audited unit's results, notes, evidence and
 * the findings raised, with conformity counts. Read by the team and those who run audits.
 *
 * @throws Problem `not_found`; `forbidden` (`audit_fieldwork_hidden`)
 */
export async function getFieldwork(
	db: Queryable,
	actor: Actor,
	id: string,
): Promise<FieldworkView> {
	authorize(actor, auditsPolicy, "assurance_audit.read");
	const desk = await openAuditDesk(db, actor, id);
	assertMayReadFieldwork(desk);
	return fieldworkOf(db, desk);
}
