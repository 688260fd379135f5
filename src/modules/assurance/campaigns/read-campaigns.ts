import type { Db } from "../../../db/connection.ts";
import type { Queryable } from "../../../db/queryable.ts";
import { fiscalYear, japanDate } from "../../../shared/dates.ts";
import { Problem } from "../../../shared/problem.ts";
import { allowedActions, authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { listOrgUnits } from "../../org/org.repository.ts";
import { listTenantChecklists } from "../checklists/read-checklists.ts";
import { campaignOr404, managedUnits, ownRespondent, seesAll } from "./campaign-access.ts";
import { campaignRates } from "./campaign-rates.ts";
import { campaignsPolicy } from "./campaigns.policy.ts";
import {
	answersOf,
	assignmentsOf,
	type CampaignRow,
	campaignsWithChecklist,
	campaignUnits,
	findCampaignUnit,
	respondentsOfUnit,
	unsubmittedOfUnits,
} from "./campaigns.repository.ts";
import type { CampaignDetail, CampaignSummary, ResponseView } from "./campaigns.schemas.ts";

type CampaignWithChecklist = CampaignRow & { checklist_title: string; version_number: number };

async function summaryOf(db: Queryable, row: CampaignWithChecklist): Promise<CampaignSummary> {
	const units = await db
		.selectFrom("assurance_campaign_units")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("campaign_id", "=", row.id)
		.executeTakeFirst();
	return {
		id: row.id,
		title: row.title,
		fiscalYear: Number(row.fiscal_year),
		checklistId: row.checklist_id,
		checklistTitle: row.checklist_title,
		version: Number(row.version_number),
		dueOn: row.due_on,
		state: row.state as "open" | "closed",
		units: Number(units?.n ?? 0),
		respondents: Number(row.respondent_count),
		createdAt: row.created_at,
		closedAt: row.closed_at,
		closedBy: row.closed_by_label,
		closeReason: row.close_reason,
	};
}

async function campaignWithChecklist(db: Queryable, actor: Actor, id: string) {
	await campaignOr404(db, actor, id);
	const row = await campaignsWithChecklist(db, actor.tenantId)
		.where("c.id", "=", id)
		.executeTakeFirst();
	if (!row) throw new Problem("not_found", `campaign ${id} does not exist`);
	return row;
}

function mineOf(assignments: Awaited<ReturnType<typeof assignmentsOf>>, campaignId: string) {
	return assignments
		.filter((a) => a.campaign_id === campaignId)
		.map((a) => ({
			respondentId: a.id,
			unitId: a.org_unit_id,
			unitName: a.unit_name,
			assigned: Number(a.assigned_items),
			answered: Number(a.answered_items),
			submittedAt: a.submitted_at,
		}));
}

/**
 * The campaigns the caller takes part in: all of them for the CISO and the IT-policy section;
 * those with a unit of theirs for a 管理者; those they answer for anyone else.
 */
export async function listCampaigns(db: Queryable, actor: Actor) {
	authorize(actor, campaignsPolicy, "assurance_campaign.list");
	const rows = await campaignsWithChecklist(db, actor.tenantId).execute();
	const assignments = await assignmentsOf(db, actor.tenantId, actor.accountId);
	const managed = managedUnits(actor);
	const managedCampaigns = new Set<string>();
	if (managed.size > 0) {
		const found = await db
			.selectFrom("assurance_campaign_units")
			.select("campaign_id")
			.where("tenant_id", "=", actor.tenantId)
			.where("org_unit_id", "in", [...managed])
			.execute();
		for (const row of found) managedCampaigns.add(row.campaign_id);
	}
	const all = seesAll(actor);
	const visible = rows.filter(
		(row) =>
			all || managedCampaigns.has(row.id) || assignments.some((a) => a.campaign_id === row.id),
	);
	const items = [];
	for (const row of visible) {
		items.push({ ...(await summaryOf(db, row)), mine: mineOf(assignments, row.id) });
	}
	return {
		items,
		allowedActions: allowedActions(actor, campaignsPolicy, ["assurance_campaign.manage"]),
	};
}

/**
 * One campaign: the caller's own assignments, and the rates of the units they may see (every
 * unit for the CISO and the IT-policy section, their units for a 管理者, none for a respondent).
 */
export async function getCampaign(
	db: Queryable,
	actor: Actor,
	id: string,
): Promise<CampaignDetail> {
	authorize(actor, campaignsPolicy, "assurance_campaign.list");
	const row = await campaignWithChecklist(db, actor, id);
	const assignments = await assignmentsOf(db, actor.tenantId, actor.accountId);
	const mine = mineOf(assignments, id);
	const managed = managedUnits(actor);
	const all = seesAll(actor);
	const units = (await campaignUnits(db, actor.tenantId, id)).filter(
		(unit) => all || managed.has(unit.org_unit_id),
	);
	if (!all && units.length === 0 && mine.length === 0) {
		throw new Problem("not_found", `campaign ${id} does not exist`);
	}
	let rates: CampaignDetail["rates"] = null;
	let unsubmitted = 0;
	let unanswered: CampaignDetail["unanswered"] = [];
	if (units.length > 0) {
		const open = await unsubmittedOfUnits(
			db,
			actor.tenantId,
			id,
			units.map((unit) => unit.org_unit_id),
		);
		unsubmitted = open.length;
		if (row.state === "closed") {
			const unitNames = new Map(units.map((unit) => [unit.org_unit_id, unit.unit_name]));
			unanswered = open.map((r) => ({
				respondentId: r.id,
				name: r.display_name,
				unitId: r.org_unit_id,
				unitName: unitNames.get(r.org_unit_id) ?? r.org_unit_id,
				assigned: Number(r.assigned_items),
				answered: Number(r.answered_items),
			}));
		}
		const names = new Map((await listOrgUnits(db, actor.tenantId)).map((u) => [u.id, u.name]));
		const infos = units.map((unit) => ({
			unitId: unit.org_unit_id,
			unitName: unit.unit_name,
			departmentId: unit.department_id,
			departmentName: names.get(unit.department_id) ?? unit.department_id,
		}));
		const computed = await campaignRates(db, row, infos);
		rates = {
			...computed,
			units: computed.units.map((rate, index) => {
				const unit = units[index];
				return {
					...rate,
					unitName: unit?.unit_name ?? rate.unitId,
					departmentId: unit?.department_id ?? rate.unitId,
					signedOffAt: unit?.signed_off_at ?? null,
					signedOffBy: unit?.signed_off_by_label ?? null,
					signOffNote: unit?.sign_off_note ?? null,
					maySignOff: row.state === "open" && !unit?.signed_off_at && managed.has(rate.unitId),
				};
			}),
		};
	}
	return {
		campaign: await summaryOf(db, row),
		mine,
		rates,
		unsubmitted,
		unanswered,
		allowedActions: allowedActions(actor, campaignsPolicy, ["assurance_campaign.manage"]),
	};
}

/** The caller's items in one assignment, answered or open, in checklist order. */
export async function getResponse(
	db: Queryable,
	actor: Actor,
	respondentId: string,
): Promise<ResponseView> {
	authorize(actor, campaignsPolicy, "assurance_campaign.answer");
	const { respondent, campaign } = await ownRespondent(db, actor, respondentId);
	const kinds: string[] = [];
	if (Number(respondent.as_staff) === 1) kinds.push("all_staff");
	if (Number(respondent.as_manager) === 1) kinds.push("manager");
	if (Number(respondent.as_system_admin) === 1) kinds.push("system_admin");
	const [items, answers, withChecklist, unit] = await Promise.all([
		db
			.selectFrom("assurance_checklist_items")
			.selectAll()
			.where("tenant_id", "=", actor.tenantId)
			.where("version_id", "=", campaign.version_id)
			.where("answerer", "in", kinds)
			.orderBy("position")
			.execute(),
		answersOf(db, campaign.id, respondent.id),
		campaignWithChecklist(db, actor, campaign.id),
		db
			.selectFrom("org_units")
			.select("name")
			.where("id", "=", respondent.org_unit_id)
			.executeTakeFirst(),
	]);
	const byItem = new Map(answers.map((a) => [a.item_id, a]));
	return {
		respondentId: respondent.id,
		campaign: await summaryOf(db, withChecklist),
		unitId: respondent.org_unit_id,
		unitName: unit?.name ?? respondent.org_unit_id,
		assigned: Number(respondent.assigned_items),
		answered: answers.length,
		submittedAt: respondent.submitted_at,
		items: items.map((item) => {
			const given = byItem.get(item.id);
			return {
				itemId: item.id,
				number: item.number,
				clause: item.policy_clause ?? item.standards_chapter ?? "-",
				question: item.question,
				answerer: item.answerer,
				scale: item.scale as "yes_no_na" | "level",
				levels: item.levels ? (JSON.parse(item.levels) as string[]) : [],
				required: Boolean(item.required),
				evidenceExpected: item.evidence,
				answer: (given?.answer as ResponseView["items"][number]["answer"]) ?? null,
				levelIndex: given?.level_index ?? null,
				comment: given?.comment ?? null,
				evidence:
					given?.evidence_name && given.evidence_sha256
						? {
								name: given.evidence_name,
								sha256: given.evidence_sha256,
								size: Number(given.evidence_size ?? 0),
							}
						: null,
			};
		}),
	};
}

/** A unit's respondents and its いいえ answers, for its 管理者 (or the CISO / IT-policy section). */
export async function unitReview(db: Queryable, actor: Actor, campaignId: string, unitId: string) {
	authorize(actor, campaignsPolicy, "assurance_campaign.review");
	const campaign = await campaignOr404(db, actor, campaignId);
	const unit = await findCampaignUnit(db, actor.tenantId, campaign.id, unitId);
	const managed = managedUnits(actor);
	if (!unit || !(seesAll(actor) || managed.has(unitId))) {
		throw new Problem("not_found", `unit ${unitId} is not in the campaign`);
	}
	const [respondents, noAnswers, orgUnit, evidence] = await Promise.all([
		respondentsOfUnit(db, actor.tenantId, campaign.id, unitId),
		db
			.selectFrom("assurance_campaign_answers as a")
			.innerJoin("assurance_campaign_respondents as r", "r.id", "a.respondent_id")
			.innerJoin("accounts as p", "p.id", "r.account_id")
			.innerJoin("assurance_checklist_items as i", "i.id", "a.item_id")
			.select(["p.display_name", "i.number", "i.question", "a.comment", "i.position"])
			.where("a.campaign_id", "=", campaign.id)
			.where("a.org_unit_id", "=", unitId)
			.where("a.submitted", "=", 1)
			.where("a.compliant", "=", 0)
			.orderBy("i.position")
			.orderBy("p.display_name")
			.execute(),
		db.selectFrom("org_units").select("name").where("id", "=", unitId).executeTakeFirst(),
		db
			.selectFrom("assurance_campaign_answers as a")
			.innerJoin("assurance_campaign_respondents as r", "r.id", "a.respondent_id")
			.innerJoin("accounts as p", "p.id", "r.account_id")
			.innerJoin("assurance_checklist_items as i", "i.id", "a.item_id")
			.select([
				"a.respondent_id",
				"a.item_id",
				"p.display_name",
				"i.number",
				"a.evidence_name",
				"a.evidence_sha256",
				"a.evidence_size",
				"i.position",
			])
			.where("a.campaign_id", "=", campaign.id)
			.where("a.org_unit_id", "=", unitId)
			.where("a.submitted", "=", 1)
			.where("a.evidence_sha256", "is not", null)
			.orderBy("p.display_name")
			.orderBy("i.position")
			.execute(),
	]);
	return {
		unitId,
		unitName: orgUnit?.name ?? unitId,
		respondents: respondents.map((r) => ({
			respondentId: r.id,
			name: r.display_name,
			assigned: Number(r.assigned_items),
			answered: Number(r.answered_items),
			submittedAt: r.submitted_at,
		})),
		noAnswers: noAnswers.map((a) => ({
			name: a.display_name,
			number: a.number,
			question: a.question,
			comment: a.comment,
		})),
		evidence: evidence.map((e) => ({
			respondentId: e.respondent_id,
			itemId: e.item_id,
			name: e.display_name,
			number: e.number,
			fileName: e.evidence_name ?? e.number,
			sha256: e.evidence_sha256 ?? "",
			size: Number(e.evidence_size ?? 0),
		})),
		signedOffAt: unit.signed_off_at,
		maySignOff: campaign.state === "open" && !unit.signed_off_at && managed.has(unitId),
	};
}

/**
 * What the opening form chooses from: self-inspection checklists (read through the checklists
 * module, which adds the pack's bundled ones on a first visit), the units, today.
 */
export async function campaignOptions(db: Db, actor: Actor, now: Date = new Date()) {
	authorize(actor, campaignsPolicy, "assurance_campaign.manage");
	const checklists = (await listTenantChecklists(db, actor)).items.filter(
		(row) => row.kind === "self_inspection",
	);
	const units = await listOrgUnits(db, actor.tenantId);
	return {
		checklists: checklists.map((row) => ({
			id: row.id,
			title: row.title,
			latestVersion: row.latestVersion,
		})),
		units: units.map((unit) => ({ id: unit.id, name: unit.name, parentId: unit.parent_id })),
		today: japanDate(now),
		fiscalYear: fiscalYear(now.toISOString()),
	};
}
