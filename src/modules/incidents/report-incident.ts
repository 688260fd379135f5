import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/transaction.ts";
import { fiscalYear } from "../../shared/dates.ts";
import { inScope } from "../assets/asset-scope.ts";
import { findAsset } from "../assets/assets.repository.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event.ts";
import { invalid } from "./case-rules.ts";
import type { IncidentDesk } from "./incident-desk.ts";
import { incidentsPolicy } from "./incidents.policy.ts";
import {
	appendIncidentEvent,
	type IncidentRow,
	insertIncident,
	nextIncidentNumber,
	replaceIncidentAssets,
	replaceIncidentUnits,
} from "./incidents.repository.ts";
import type { ReportIncidentInput } from "./incidents.schemas.ts";
import { refreshCaseDues } from "./report-dues.ts";

/**
 * Who raised the case: a member of staff (the caller), or a system such as the mail gateway,
 * with its own name for what it reports (`ref`, unique per tenant: see `caseOfSourceRef`).
 */
export type ReportSource = { kind: "staff" } | { kind: "system"; name: string; ref?: string };

/** A clock a few minutes fast on a phone is not a report from the future. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const TITLE_FROM_TEXT = 80;

/** The title a report gets when none is given: the first line of what happened. */
export function titleOf(input: Pick<ReportIncidentInput, "title" | "whatHappened">): string {
	if (input.title) return input.title;
	const line = input.whatHappened.split(/\r?\n/, 1)[0]?.trim() ?? "";
	return [...line].length > TITLE_FROM_TEXT
		? `${[...line].slice(0, TITLE_FROM_TEXT).join("")}…`
		: line;
}

/**
 * Check the assets a report names: each must be in the ledger and either in the reporter's own
 * unit or within what they can see there. Returns them without duplicates.
 */
export async function reportableAssets(tx: Tx, desk: IncidentDesk, assetIds: readonly string[]) {
	const found = [];
	for (const [index, id] of [...new Set(assetIds)].entries()) {
		const asset = await findAsset(tx, desk.actor.tenantId, id);
		const reachable =
			asset !== undefined &&
			(asset.owner_unit_id === desk.staffUnitId || inScope(desk.assets, asset.owner_unit_id));
		if (!asset || !reachable) {
			throw invalid([
				{
					path: `assetIds.${index}`,
					code: "asset_not_found",
					params: { id },
					message: "no such asset within your reach",
				},
			]);
		}
		found.push(asset);
	}
	return found;
}

/**
 * Open a case from a report: numbered INC-<fiscal year>-<n> per tenant, concerning the reporter's
 * unit and the units of the assets named, known to the organisation on the day given or today.
 *
 * @throws Problem `validation_failed` (issue codes `in_future`, `asset_not_found`)
 * @example
 * const row = await inTransaction(db, (tx) => reportIncident(tx, desk, input, { kind: "staff" }));
 */
export async function reportIncident(
	tx: Tx,
	desk: IncidentDesk,
	input: ReportIncidentInput,
	source: ReportSource,
	now: Date = new Date(),
): Promise<IncidentRow> {
	const { actor } = desk;
	authorize(actor, incidentsPolicy, "incident.report");
	const issues: Parameters<typeof invalid>[0] = [];
	if (Date.parse(input.noticedAt) > now.getTime() + CLOCK_SKEW_MS) {
		issues.push({
			path: "noticedAt",
			code: "in_future",
			params: { today: desk.today },
			message: "lies in the future",
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
	if (issues.length > 0) throw invalid(issues);
	const assets = await reportableAssets(tx, desk, input.assetIds);
	const at = now.toISOString();
	const year = fiscalYear(at);
	const number = await nextIncidentNumber(tx, actor.tenantId, year);
	const row: IncidentRow = {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		reference: `INC-${year}-${String(number).padStart(4, "0")}`,
		source: source.kind,
		reporter_id: source.kind === "staff" ? actor.accountId : null,
		reporter_label: source.kind === "staff" ? actor.label : source.name,
		title: titleOf(input),
		what_happened: input.whatHappened,
		noticed_at: new Date(input.noticedAt).toISOString(),
		known_on: input.knownAt ?? desk.today,
		personal_data_suspected: input.personalData,
		state: "reported",
		category: null,
		severity: null,
		priority: null,
		people: 0,
		data_kinds: "[]",
		wrongful_intent: false,
		financial_damage_risk: false,
		encrypted: false,
		published_online: false,
		network_system: false,
		prevention: null,
		cause: null,
		secondary_damage: null,
		response_to_people: null,
		public_announcement: null,
		reject_reason: null,
		version: 1,
		created_at: at,
		updated_at: at,
		triaged_at: null,
		closed_at: null,
		fiscal_year: year,
		unit_count: 0,
		triage_hours: null,
		close_hours: null,
		source_ref: source.kind === "system" ? (source.ref ?? null) : null,
	};
	await insertIncident(tx, row);
	const units = new Set(assets.map((asset) => asset.owner_unit_id));
	if (source.kind === "staff" && desk.staffUnitId) units.add(desk.staffUnitId);
	await replaceIncidentUnits(tx, actor.tenantId, row.id, [...units]);
	await replaceIncidentAssets(
		tx,
		actor.tenantId,
		row.id,
		assets.map((asset) => asset.id),
	);
	await refreshCaseDues(tx, desk.rules, actor.tenantId, row.id);
	await appendIncidentEvent(tx, {
		tenant_id: actor.tenantId,
		incident_id: row.id,
		kind: "reported",
		actor_id: row.reporter_id,
		actor_label: row.reporter_label,
		at,
		text: null,
		data: { source: source.kind, assets: assets.map((asset) => asset.code) },
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"incident.reported",
		{ reference: row.reference, source: source.kind, personalDataSuspected: input.personalData },
		{ recordType: "incident", recordId: row.id },
	);
	await emitWebhookEvent(tx, actor.tenantId, "incident.opened", {
		incidentId: row.id,
		reference: row.reference,
		source: source.kind,
	});
	return { ...row, unit_count: units.size };
}
