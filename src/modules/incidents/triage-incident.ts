import type { Tx } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findOrgUnit } from "../org/org.repository.ts";
import {
	dataKindsOf,
	invalid,
	isOpen,
	priorityLevel,
	priorityOf,
	staleVersion,
} from "./case-rules.ts";
import { type IncidentDesk, severeLevel, visibleIncident } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import {
	appendIncidentEvent,
	type IncidentRow,
	incidentAssets,
	incidentUnitIds,
	replaceIncidentAssets,
	replaceIncidentUnits,
	updateIncidentRow,
} from "./incidents.repository.ts";
import type { TriageIncidentInput } from "./incidents.schemas.ts";
import { notifyChain } from "./notify-chain.ts";
import { hoursBetween, refreshCaseDues } from "./report-dues.ts";
import { reportableAssets } from "./report-incident.ts";

type Issue = Parameters<typeof invalid>[0][number];

/** The stored columns of the fields given. */
function columns(input: TriageIncidentInput): Partial<IncidentRow> {
	const patch: Partial<IncidentRow> = {};
	if (input.title !== undefined) patch.title = input.title;
	if (input.category !== undefined) patch.category = input.category;
	if (input.severity !== undefined) patch.severity = input.severity;
	if (input.priority !== undefined) patch.priority = priorityLevel(input.priority);
	if (input.knownAt !== undefined) patch.known_on = input.knownAt;
	if (input.people !== undefined) patch.people = input.people;
	if (input.dataKinds !== undefined)
		patch.data_kinds = JSON.stringify([...new Set(input.dataKinds)]);
	if (input.wrongfulIntent !== undefined) patch.wrongful_intent = input.wrongfulIntent;
	if (input.financialDamageRisk !== undefined) {
		patch.financial_damage_risk = input.financialDamageRisk;
	}
	if (input.encrypted !== undefined) patch.encrypted = input.encrypted;
	if (input.publishedOnline !== undefined) patch.published_online = input.publishedOnline;
	if (input.networkSystem !== undefined) patch.network_system = input.networkSystem;
	if (input.prevention !== undefined) patch.prevention = input.prevention || null;
	if (input.cause !== undefined) patch.cause = input.cause || null;
	if (input.secondaryDamage !== undefined) patch.secondary_damage = input.secondaryDamage || null;
	if (input.responseToPeople !== undefined) {
		patch.response_to_people = input.responseToPeople || null;
	}
	if (input.publicAnnouncement !== undefined) {
		patch.public_announcement = input.publicAnnouncement || null;
	}
	return patch;
}

/** Flags read back as 0/1 on SQLite: compare what they mean. */
function same(before: unknown, after: unknown): boolean {
	if (typeof after === "boolean") return Boolean(before) === after;
	if (typeof after === "number") return Number(before) === after;
	return before === after;
}

function checkInput(desk: IncidentDesk, row: IncidentRow, input: TriageIncidentInput): Issue[] {
	const issues: Issue[] = [];
	if (row.state === "reported") {
		for (const path of ["category", "severity"] as const) {
			if (input[path] === undefined) {
				issues.push({ path, code: "required", message: "required on the first triage" });
			}
		}
	}
	const threats = desk.pack.threats.map((threat) => threat.code);
	if (input.category !== undefined && !threats.includes(input.category)) {
		issues.push({
			path: "category",
			code: "unknown_category",
			params: { known: threats.join(",") },
			message: `not a threat of the tenant's pack (${threats.join(", ")})`,
		});
	}
	const max = severeLevel(desk);
	if (input.severity !== undefined && input.severity > max) {
		issues.push({
			path: "severity",
			code: "severity_out_of_scale",
			params: { max },
			message: `the pack's scale has ${max} steps`,
		});
	}
	if (input.knownAt !== undefined && input.knownAt > desk.today) {
		issues.push({
			path: "knownAt",
			code: "in_future",
			params: { today: desk.today },
			message: "lies in the future",
		});
	}
	return issues;
}

async function checkUnits(tx: Tx, desk: IncidentDesk, unitIds: readonly string[]) {
	const unique = [...new Set(unitIds)];
	for (const [index, id] of unique.entries()) {
		if (!(await findOrgUnit(tx, desk.actor.tenantId, id))) {
			throw invalid([
				{
					path: `unitIds.${index}`,
					code: "unit_not_found",
					params: { id },
					message: "no such org unit in this tenant",
				},
			]);
		}
	}
	return unique.sort();
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);

/**
 * CSIRT's assessment: category (a threat of the pack), severity on the pack's impact scale,
 * priority, the units and assets concerned, and the facts the legal rules are assessed on. The
 * first triage moves the case from reported to triaged and needs a category and a severity;
 * later ones correct it while the case is open. Returns the fields changed.
 *
 * @throws Problem `validation_failed` (issue codes `required`, `unknown_category`,
 * `severity_out_of_scale`, `in_future`, `unit_not_found`, `asset_not_found`); `conflict` for a
 * closed or rejected case (`case_not_open`) or a stale version (`stale_version`)
 */
export async function triageIncident(
	tx: Tx,
	desk: IncidentDesk,
	id: string,
	input: TriageIncidentInput,
	now: Date = new Date(),
): Promise<string[]> {
	const { actor } = desk;
	authorize(actor, incidentsPolicy, "incident.triage");
	const row = await visibleIncident(tx, desk, id);
	if (!isOpen(row.state)) {
		throw new Problem("conflict", `the case is ${row.state}`, {
			issues: [
				{ path: "state", code: "case_not_open", params: { state: row.state }, message: row.state },
			],
		});
	}
	const issues = checkInput(desk, row, input);
	if (issues.length > 0) throw invalid(issues);
	const patch = columns(input);
	const before = row as unknown as Record<string, unknown>;
	const changed = Object.keys(patch).filter(
		(key) => !same(before[key], patch[key as keyof IncidentRow]),
	);
	const kindsAt = changed.indexOf("data_kinds");
	if (kindsAt >= 0 && sameSet(dataKindsOf(row), [...new Set(input.dataKinds)])) {
		changed.splice(kindsAt, 1);
	}
	if (input.unitIds !== undefined) {
		const units = await checkUnits(tx, desk, input.unitIds);
		if (!sameSet(units, await incidentUnitIds(tx, actor.tenantId, row.id))) {
			await replaceIncidentUnits(tx, actor.tenantId, row.id, units);
			changed.push("units");
		}
	}
	if (input.assetIds !== undefined) {
		const assets = (await reportableAssets(tx, desk, input.assetIds)).map((asset) => asset.id);
		const current = (await incidentAssets(tx, actor.tenantId, row.id)).map((asset) => asset.id);
		if (!sameSet(assets, current)) {
			await replaceIncidentAssets(tx, actor.tenantId, row.id, assets);
			changed.push("assets");
		}
	}
	const first = row.state === "reported";
	if (changed.length === 0 && !first) {
		if (Number(row.version) !== input.version) throw staleVersion();
		return [];
	}
	const at = now.toISOString();
	const state = first
		? { state: "triaged", triaged_at: at, triage_hours: hoursBetween(row.created_at, at) }
		: {};
	const saved = await updateIncidentRow(tx, actor.tenantId, row.id, input.version, {
		...patch,
		...state,
		updated_at: at,
	});
	if (!saved) throw staleVersion();
	await refreshCaseDues(tx, desk.rules, actor.tenantId, row.id);
	const after = { ...row, ...patch };
	const severity = after.severity === null ? null : Number(after.severity);
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: first ? "triaged" : "updated",
		actor_id: actor.accountId,
		actor_label: actor.label,
		at,
		text: null,
		data: {
			fields: changed,
			category: after.category,
			severity,
			priority: priorityOf(after.priority === null ? null : Number(after.priority)),
		},
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.triaged",
		{ reference: row.reference, first, fields: changed, category: after.category, severity },
		{ recordType: "incident", recordId: row.id },
	);
	await notifyChain(tx, desk, row, changed, now);
	return changed;
}
