import type { Queryable } from "../../../db/queryable.ts";
import type {
	AssuranceCampaignAnswerTable,
	AssuranceCampaignRespondentTable,
	AssuranceCampaignTable,
	AssuranceCampaignUnitTable,
} from "../../../db/schema.ts";
import type { Tx } from "../../../db/transaction.ts";

export type CampaignRow = AssuranceCampaignTable;
export type CampaignUnitRow = AssuranceCampaignUnitTable;
export type RespondentRow = AssuranceCampaignRespondentTable;
export type AnswerRow = AssuranceCampaignAnswerTable;

/** Rows per INSERT: 11 columns each, well under either engine's parameter limit. */
const INSERT_BATCH = 500;

export async function insertCampaign(tx: Tx, row: CampaignRow): Promise<void> {
	await tx.insertInto("assurance_campaigns").values(row).execute();
}

export async function insertCampaignUnits(tx: Tx, rows: readonly CampaignUnitRow[]) {
	for (let i = 0; i < rows.length; i += INSERT_BATCH) {
		await tx
			.insertInto("assurance_campaign_units")
			.values(rows.slice(i, i + INSERT_BATCH))
			.execute();
	}
}

export async function insertRespondents(tx: Tx, rows: readonly RespondentRow[]) {
	for (let i = 0; i < rows.length; i += INSERT_BATCH) {
		await tx
			.insertInto("assurance_campaign_respondents")
			.values(rows.slice(i, i + INSERT_BATCH))
			.execute();
	}
}

export function findCampaign(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("assurance_campaigns")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

/** Campaigns with their checklist's title and version number, newest first. */
export function campaignsWithChecklist(db: Queryable, tenantId: string) {
	return db
		.selectFrom("assurance_campaigns as c")
		.innerJoin("assurance_checklist_versions as v", "v.id", "c.version_id")
		.selectAll("c")
		.select(["v.title as checklist_title", "v.version as version_number"])
		.where("c.tenant_id", "=", tenantId)
		.orderBy("c.fiscal_year", "desc")
		.orderBy("c.created_at", "desc");
}

export function campaignUnits(db: Queryable, tenantId: string, campaignId: string) {
	return db
		.selectFrom("assurance_campaign_units as cu")
		.innerJoin("org_units as u", "u.id", "cu.org_unit_id")
		.selectAll("cu")
		.select(["u.name as unit_name", "u.display_order", "u.code"])
		.where("cu.tenant_id", "=", tenantId)
		.where("cu.campaign_id", "=", campaignId)
		.orderBy("u.display_order")
		.orderBy("u.code")
		.execute();
}

export function findCampaignUnit(
	db: Queryable,
	tenantId: string,
	campaignId: string,
	unitId: string,
) {
	return db
		.selectFrom("assurance_campaign_units")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("campaign_id", "=", campaignId)
		.where("org_unit_id", "=", unitId)
		.executeTakeFirst();
}

/** A person's assignments in the tenant's campaigns, with the unit's name. */
export function assignmentsOf(db: Queryable, tenantId: string, accountId: string) {
	return db
		.selectFrom("assurance_campaign_respondents as r")
		.innerJoin("org_units as u", "u.id", "r.org_unit_id")
		.selectAll("r")
		.select("u.name as unit_name")
		.where("r.tenant_id", "=", tenantId)
		.where("r.account_id", "=", accountId)
		.execute();
}

export function findRespondent(db: Queryable, tenantId: string, id: string) {
	return db
		.selectFrom("assurance_campaign_respondents")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("id", "=", id)
		.executeTakeFirst();
}

export function respondentsOfUnit(
	db: Queryable,
	tenantId: string,
	campaignId: string,
	unitId: string,
) {
	return db
		.selectFrom("assurance_campaign_respondents as r")
		.innerJoin("accounts as a", "a.id", "r.account_id")
		.selectAll("r")
		.select("a.display_name")
		.where("r.tenant_id", "=", tenantId)
		.where("r.campaign_id", "=", campaignId)
		.where("r.org_unit_id", "=", unitId)
		.orderBy("a.display_name")
		.execute();
}

/** A respondent's answers, keyed by item. */
export function answersOf(db: Queryable, campaignId: string, respondentId: string) {
	return db
		.selectFrom("assurance_campaign_answers")
		.select([
			"item_id",
			"answer",
			"level_index",
			"comment",
			"evidence_name",
			"evidence_sha256",
			"evidence_size",
			"submitted",
		])
		.where("campaign_id", "=", campaignId)
		.where("respondent_id", "=", respondentId)
		.execute();
}

export function findAnswer(
	db: Queryable,
	campaignId: string,
	respondentId: string,
	itemId: string,
) {
	return db
		.selectFrom("assurance_campaign_answers")
		.select(["item_id", "submitted", "evidence_name"])
		.where("campaign_id", "=", campaignId)
		.where("respondent_id", "=", respondentId)
		.where("item_id", "=", itemId)
		.executeTakeFirst();
}

/** Insert or replace a draft answer; the count of answered items follows. */
export async function upsertAnswer(tx: Tx, row: AnswerRow, keepEvidence: boolean): Promise<void> {
	const { tenant_id, campaign_id, respondent_id, item_id, ...rest } = row;
	const { evidence_name, evidence_media_type, evidence_size, evidence_sha256, evidence, ...plain } =
		rest;
	const update = keepEvidence
		? plain
		: { ...plain, evidence_name, evidence_media_type, evidence_size, evidence_sha256, evidence };
	await tx
		.insertInto("assurance_campaign_answers")
		.values(row)
		.onConflict((c) => c.columns(["campaign_id", "respondent_id", "item_id"]).doUpdateSet(update))
		.execute();
}

export async function countAnswers(db: Queryable, campaignId: string, respondentId: string) {
	const row = await db
		.selectFrom("assurance_campaign_answers")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("campaign_id", "=", campaignId)
		.where("respondent_id", "=", respondentId)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export async function setAnswered(tx: Tx, respondentId: string, answered: number) {
	await tx
		.updateTable("assurance_campaign_respondents")
		.set({ answered_items: answered })
		.where("id", "=", respondentId)
		.execute();
}

/** Lock a respondent's answers: they count towards the rates from now on. */
export async function submitRespondent(tx: Tx, row: RespondentRow, at: string) {
	await tx
		.updateTable("assurance_campaign_answers")
		.set({ submitted: 1 })
		.where("campaign_id", "=", row.campaign_id)
		.where("respondent_id", "=", row.id)
		.execute();
	await tx
		.updateTable("assurance_campaign_respondents")
		.set({ submitted_at: at })
		.where("id", "=", row.id)
		.where("submitted_at", "is", null)
		.execute();
}

export async function signOffUnit(
	tx: Tx,
	row: CampaignUnitRow,
	patch: Pick<
		CampaignUnitRow,
		| "signed_off_at"
		| "signed_off_by"
		| "signed_off_by_label"
		| "sign_off_note"
		| "unsubmitted_at_sign_off"
	>,
) {
	await tx
		.updateTable("assurance_campaign_units")
		.set(patch)
		.where("campaign_id", "=", row.campaign_id)
		.where("org_unit_id", "=", row.org_unit_id)
		.where("signed_off_at", "is", null)
		.execute();
}

/** How many respondents of a campaign have not submitted. */
export async function countUnsubmitted(db: Queryable, campaignId: string): Promise<number> {
	const row = await db
		.selectFrom("assurance_campaign_respondents")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("campaign_id", "=", campaignId)
		.where("submitted_at", "is", null)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Close an open campaign; false when it was closed already (by a concurrent request). */
export async function closeCampaignRow(
	tx: Tx,
	row: CampaignRow,
	patch: Pick<
		CampaignRow,
		"closed_at" | "closed_by" | "closed_by_label" | "close_reason" | "unsubmitted_at_close"
	>,
): Promise<boolean> {
	const result = await tx
		.updateTable("assurance_campaigns")
		.set({ ...patch, state: "closed", updated_at: patch.closed_at ?? row.updated_at })
		.where("tenant_id", "=", row.tenant_id)
		.where("id", "=", row.id)
		.where("state", "=", "open")
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The respondents of some units who have not submitted, with their names (未回答). */
export function unsubmittedOfUnits(
	db: Queryable,
	tenantId: string,
	campaignId: string,
	unitIds: readonly string[],
) {
	return db
		.selectFrom("assurance_campaign_respondents as r")
		.innerJoin("accounts as a", "a.id", "r.account_id")
		.select(["r.id", "r.org_unit_id", "r.assigned_items", "r.answered_items", "a.display_name"])
		.where("r.tenant_id", "=", tenantId)
		.where("r.campaign_id", "=", campaignId)
		.where("r.org_unit_id", "in", unitIds.length > 0 ? [...unitIds] : ["-"])
		.where("r.submitted_at", "is", null)
		.orderBy("r.org_unit_id")
		.orderBy("a.display_name")
		.execute();
}

/** One answer's evidence file with its bytes. */
export function findAnswerEvidence(
	db: Queryable,
	tenantId: string,
	respondentId: string,
	itemId: string,
) {
	return db
		.selectFrom("assurance_campaign_answers")
		.select(["evidence_name", "evidence_media_type", "evidence_sha256", "evidence", "submitted"])
		.where("tenant_id", "=", tenantId)
		.where("respondent_id", "=", respondentId)
		.where("item_id", "=", itemId)
		.executeTakeFirst();
}

/**
 * The items a person has still to submit across the tenant's open campaigns: drafts count as
 * open until submitted, since only a submission reaches the 管理者 and the rates.
 */
export async function openItemsOf(db: Queryable, tenantId: string, accountId: string) {
	const row = await db
		.selectFrom("assurance_campaign_respondents as r")
		.innerJoin("assurance_campaigns as c", "c.id", "r.campaign_id")
		.select((eb) => eb.fn.sum<number>("r.assigned_items").as("n"))
		.where("r.tenant_id", "=", tenantId)
		.where("r.account_id", "=", accountId)
		.where("r.submitted_at", "is", null)
		.where("c.state", "=", "open")
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Every campaign of the tenant in one of `fiscalYears`, oldest first (the review's view). */
export function campaignsOfYears(db: Queryable, tenantId: string, fiscalYears: readonly number[]) {
	return db
		.selectFrom("assurance_campaigns")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("fiscal_year", "in", [...fiscalYears])
		.orderBy("created_at")
		.orderBy("id")
		.execute();
}
