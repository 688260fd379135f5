import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../db/queryable.ts";
import type { Tx } from "../../../db/transaction.ts";
import { japanDate } from "../../../shared/dates.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { listOrgUnits, roleHoldersInForce } from "../../org/org.repository.ts";
import type { Answerer } from "../checklists/checklist-model.ts";
import { findChecklist, findVersion } from "../checklists/checklists.repository.ts";
import {
	assignedCount,
	campaignRefusal,
	dueDateFits,
	type ItemsByAnswerer,
	type RespondentRoles,
} from "./campaign-rules.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import {
	type CampaignRow,
	type CampaignUnitRow,
	insertCampaign,
	insertCampaignUnits,
	insertRespondents,
	type RespondentRow,
} from "./campaigns.repository.ts";
import type { OpenCampaignInput } from "./campaigns.schemas.ts";

/** The items of a version per answerer kind, counted by the database. */
export async function itemsByAnswerer(db: Queryable, versionId: string): Promise<ItemsByAnswerer> {
	const rows = await db
		.selectFrom("assurance_checklist_items")
		.select(["answerer", (eb) => eb.fn.countAll<number>().as("n")])
		.where("version_id", "=", versionId)
		.groupBy("answerer")
		.execute();
	const counts: ItemsByAnswerer = { all_staff: 0, manager: 0, system_admin: 0 };
	for (const row of rows) counts[row.answerer as Answerer] = Number(row.n);
	return counts;
}

/** The target units, with their sub-units when asked, each with the department it rolls up to. */
async function targetUnits(
	tx: Tx,
	tenantId: string,
	unitIds: readonly string[],
	includeSubUnits: boolean,
): Promise<{ id: string; departmentId: string }[]> {
	const all = await listOrgUnits(tx, tenantId);
	const byId = new Map(all.map((unit) => [unit.id, unit]));
	const unknown = unitIds.findIndex((id) => !byId.has(id));
	if (unknown >= 0) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_unit_unknown",
			"no such org unit in this tenant",
			{},
			`unitIds.${unknown}`,
		);
	}
	const chosen = new Set(unitIds);
	if (includeSubUnits) {
		let grew = true;
		while (grew) {
			grew = false;
			for (const unit of all) {
				if (unit.parent_id && chosen.has(unit.parent_id) && !chosen.has(unit.id)) {
					chosen.add(unit.id);
					grew = true;
				}
			}
		}
	}
	return all
		.filter((unit) => chosen.has(unit.id))
		.map((unit) => ({ id: unit.id, departmentId: unit.parent_id ?? unit.id }));
}

/** Who answers in each unit, from the roster and the role assignments in force now. */
async function resolveRespondents(
	tx: Tx,
	tenantId: string,
	unitIds: ReadonlySet<string>,
	at: string,
): Promise<Map<string, RespondentRoles & { accountId: string; unitId: string }>> {
	const people = new Map<string, RespondentRoles & { accountId: string; unitId: string }>();
	const entry = (accountId: string, unitId: string) => {
		const key = `${accountId}|${unitId}`;
		let found = people.get(key);
		if (!found) {
			found = { accountId, unitId, asStaff: false, asManager: false, asSystemAdmin: false };
			people.set(key, found);
		}
		return found;
	};
	const staff = await tx
		.selectFrom("staff")
		.innerJoin("accounts", "accounts.id", "staff.account_id")
		.select(["staff.account_id", "staff.org_unit_id"])
		.where("staff.tenant_id", "=", tenantId)
		.where("staff.active", "=", true)
		.where("accounts.disabled_at", "is", null)
		.execute();
	for (const row of staff) {
		if (unitIds.has(row.org_unit_id)) entry(row.account_id, row.org_unit_id).asStaff = true;
	}
	for (const holder of await roleHoldersInForce(tx, tenantId, at)) {
		if (!holder.org_unit_id || !unitIds.has(holder.org_unit_id)) continue;
		if (holder.role === "section_manager")
			entry(holder.account_id, holder.org_unit_id).asManager = true;
		if (holder.role === "system_admin") {
			entry(holder.account_id, holder.org_unit_id).asSystemAdmin = true;
		}
	}
	return people;
}

/**
 * Open a self-inspection campaign (自己点検) for a fiscal year: a self-inspection checklist
 * version, the target units (with their sub-units when asked) and a due date. The respondents
 * are resolved from the roster now and kept as assignment rows with the number of items each
 * answers; no answer rows are written until someone answers.
 *
 * @throws Problem `validation_failed` (`campaign_checklist_kind`, `campaign_unit_unknown`,
 *   `campaign_due_in_past`, `campaign_no_respondents`); `not_found` for another tenant's checklist
 * @example
 * await inTransaction(db, (tx) => openCampaign(tx, actor, { title, fiscalYear: 2026, … }));
 */
export async function openCampaign(
	tx: Tx,
	actor: Actor,
	input: OpenCampaignInput,
	now: Date = new Date(),
): Promise<CampaignRow> {
	authorize(actor, campaignsPolicy, "assurance_campaign.manage");
	const checklist = await findChecklist(tx, actor.tenantId, input.checklistId);
	const version = checklist
		? await findVersion(tx, actor.tenantId, checklist.id, input.version)
		: undefined;
	if (!checklist || !version) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_checklist_kind",
			"no such checklist version",
			{},
			"checklistId",
		);
	}
	if (checklist.kind !== "self_inspection") {
		throw campaignRefusal(
			"validation_failed",
			"campaign_checklist_kind",
			"a campaign follows a self-inspection checklist",
			{},
			"checklistId",
		);
	}
	const today = japanDate(now);
	if (!dueDateFits(input.dueOn, today)) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_due_in_past",
			"the due date has passed",
			{ today },
			"dueOn",
		);
	}
	const units = await targetUnits(tx, actor.tenantId, input.unitIds, input.includeSubUnits);
	const at = now.toISOString();
	const byAnswerer = await itemsByAnswerer(tx, version.id);
	const people = await resolveRespondents(tx, actor.tenantId, new Set(units.map((u) => u.id)), at);
	const id = randomUUID();
	const respondents: RespondentRow[] = [];
	for (const person of people.values()) {
		const assigned = assignedCount(byAnswerer, person);
		if (assigned === 0) continue;
		respondents.push({
			id: randomUUID(),
			tenant_id: actor.tenantId,
			campaign_id: id,
			account_id: person.accountId,
			org_unit_id: person.unitId,
			as_staff: person.asStaff ? 1 : 0,
			as_manager: person.asManager ? 1 : 0,
			as_system_admin: person.asSystemAdmin ? 1 : 0,
			assigned_items: assigned,
			answered_items: 0,
			submitted_at: null,
		});
	}
	if (respondents.length === 0) {
		throw campaignRefusal(
			"validation_failed",
			"campaign_no_respondents",
			"nobody answers in these units",
			{},
			"unitIds",
		);
	}
	const row: CampaignRow = {
		id,
		tenant_id: actor.tenantId,
		title: input.title,
		fiscal_year: input.fiscalYear,
		checklist_id: checklist.id,
		version_id: version.id,
		due_on: input.dueOn,
		state: "open",
		include_sub_units: input.includeSubUnits ? 1 : 0,
		respondent_count: respondents.length,
		assigned_count: respondents.reduce((sum, r) => sum + r.assigned_items, 0),
		created_by: actor.accountId,
		created_at: at,
		updated_at: at,
		closed_at: null,
		closed_by: null,
		closed_by_label: null,
		close_reason: null,
		unsubmitted_at_close: null,
	};
	await insertCampaign(tx, row);
	const unitRows: CampaignUnitRow[] = units.map((unit) => ({
		tenant_id: actor.tenantId,
		campaign_id: id,
		org_unit_id: unit.id,
		department_id: unit.departmentId,
		signed_off_at: null,
		signed_off_by: null,
		signed_off_by_label: null,
		sign_off_note: null,
		unsubmitted_at_sign_off: null,
	}));
	await insertCampaignUnits(tx, unitRows);
	await insertRespondents(tx, respondents);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"assurance_campaign.opened",
		{
			title: row.title,
			fiscalYear: row.fiscal_year,
			checklist: version.title,
			version: Number(version.version),
			units: units.length,
			respondents: respondents.length,
			dueOn: row.due_on,
		},
		{ recordType: "assurance_campaign", recordId: id },
	);
	return row;
}
