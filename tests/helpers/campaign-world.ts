import { randomBytes, randomUUID } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { answerItem } from "../../src/modules/assurance/campaigns/answer-item.ts";
import { closeCampaign } from "../../src/modules/assurance/campaigns/close-campaign.ts";
import { openCampaign } from "../../src/modules/assurance/campaigns/open-campaign.ts";
import { getResponse } from "../../src/modules/assurance/campaigns/read-campaigns.ts";
import {
	REMIND_DAYS_BEFORE,
	remindRespondents,
} from "../../src/modules/assurance/campaigns/remind-respondents.ts";
import { submitAnswers } from "../../src/modules/assurance/campaigns/submit-answers.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { createOrgUnit } from "../../src/modules/org/create-org-unit.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { bundledChecklistId } from "./checklist-world.ts";

/** The IT-policy section's head (統括), who opens campaigns in fixtures. */
export function campaignActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "campaign-factory",
		label: "統括情報セキュリティ責任者（点検テスト）",
		roles: [{ role: "chief_officer", orgUnitId: null }],
		ip: null,
	};
}

/** A new top-level unit of the tenant. */
export async function makeCampaignUnit(deps: AppDeps, tenantId: string, name = "点検課") {
	return inTransaction(deps.db, (tx) =>
		createOrgUnit(tx, systemActor(tenantId, "test factory"), {
			code: `ou-${randomBytes(4).toString("hex")}`,
			name,
			kind: "section",
			parentId: null,
		}),
	);
}

/** Put an account that is not yet on the staff on the staff of a unit. */
export async function addToStaff(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	unitId: string,
) {
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id: randomUUID(),
			tenant_id: tenantId,
			account_id: accountId,
			staff_number: `S${randomBytes(4).toString("hex")}`,
			category: "regular",
			org_unit_id: unitId,
			title: null,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
}

/** A due date a week from today (Japan date). */
export function dueInAWeek(now = new Date()): string {
	return japanDate(new Date(now.getTime() + 7 * 86_400_000));
}

/** Open a campaign over units against the tenant's standard self-inspection checklist, v1. */
export async function makeCampaign(deps: AppDeps, tenantId: string, unitIds: string[]) {
	const checklistId = await bundledChecklistId(deps, tenantId, "standard.self_inspection");
	return inTransaction(deps.db, (tx) =>
		openCampaign(tx, campaignActor(tenantId), {
			title: "令和8年度 情報セキュリティ自己点検",
			fiscalYear: 2026,
			checklistId,
			version: 1,
			unitIds,
			includeSubUnits: false,
			dueOn: dueInAWeek(),
		}),
	);
}

/**
 * A campaign in which `accountId` answers as staff of a fresh unit; returns the campaign, the
 * unit and the account's respondent id.
 */
export async function campaignFor(deps: AppDeps, tenantId: string, accountId: string) {
	const staffRow = await deps.db
		.selectFrom("staff")
		.select("org_unit_id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.executeTakeFirst();
	let unitId = staffRow?.org_unit_id;
	if (!unitId) {
		unitId = (await makeCampaignUnit(deps, tenantId)).id;
		await addToStaff(deps, tenantId, accountId, unitId);
	}
	const unit = { id: unitId };
	const campaign = await makeCampaign(deps, tenantId, [unit.id]);
	const respondent = await deps.db
		.selectFrom("assurance_campaign_respondents")
		.select("id")
		.where("campaign_id", "=", campaign.id)
		.where("account_id", "=", accountId)
		.where("org_unit_id", "=", unit.id)
		.executeTakeFirstOrThrow();
	return { campaign, unit, respondentId: respondent.id };
}

/** The first unit the account is 管理者 (section_manager) of, if any. */
export async function managedUnitOf(deps: AppDeps, tenantId: string, accountId: string) {
	const row = await deps.db
		.selectFrom("role_assignments")
		.select("org_unit_id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.where("role", "=", "section_manager")
		.executeTakeFirst();
	return row?.org_unit_id ?? null;
}

/** Rows in every table campaigns own: a campaign over a unit with one staff member, answered. */
export async function makeCampaignFixtures(deps: AppDeps, tenantId: string, accountId: string) {
	const { campaign, respondentId } = await campaignFor(deps, tenantId, accountId);
	await answerAll(deps, accountId, tenantId, respondentId);
	// The reminder the daily job sends REMIND_DAYS_BEFORE the due date (not submitted yet).
	const day = Date.parse(`${campaign.due_on}T10:00:00+09:00`) - REMIND_DAYS_BEFORE * 86_400_000;
	await remindRespondents(deps, tenantId, new Date(day));
	// A second campaign over the unit, closed early with a reason.
	const unitId = (
		await deps.db
			.selectFrom("assurance_campaign_units")
			.select("org_unit_id")
			.where("campaign_id", "=", campaign.id)
			.executeTakeFirstOrThrow()
	).org_unit_id;
	const closed = await makeCampaign(deps, tenantId, [unitId]);
	await inTransaction(deps.db, (tx) =>
		closeCampaign(tx, campaignActor(tenantId), closed.id, { reason: "組織改編のため終了" }),
	);
}

/** Answer every item of a respondent はい (or the top level) through the use case, as a draft. */
export async function answerAll(
	deps: AppDeps,
	accountId: string,
	tenantId: string,
	respondentId: string,
	answer: (number: string) => "yes" | "no" | "na" = () => "yes",
) {
	const actor: Actor = { tenantId, accountId, label: "回答者", roles: [], ip: null };
	const view = await getResponse(deps.db, actor, respondentId);
	await inTransaction(deps.db, async (tx) => {
		for (const item of view.items) {
			const level = item.scale === "level";
			await answerItem(tx, actor, respondentId, item.itemId, {
				answer: level ? "level" : answer(item.number),
				levelIndex: level ? item.levels.length - 1 : null,
				comment: null,
			});
		}
	});
	return view;
}

/**
 * The campaign screens of the accessibility walk, over one unit: a campaign with a submitted
 * respondent (rates and a heat map), the 管理者's own answer saved as a draft with an evidence
 * file, and a second campaign closed early with everyone 未回答.
 */
export async function makeCampaignScreens(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	submitterId: string,
	managerId: string,
) {
	const campaign = await makeCampaign(deps, tenantId, [unitId]);
	const respondentOf = async (campaignId: string, accountId: string) =>
		(
			await deps.db
				.selectFrom("assurance_campaign_respondents")
				.select("id")
				.where("campaign_id", "=", campaignId)
				.where("account_id", "=", accountId)
				.executeTakeFirstOrThrow()
		).id;
	const submitter = await respondentOf(campaign.id, submitterId);
	const submitterActor: Actor = {
		tenantId,
		accountId: submitterId,
		label: "回答者",
		roles: [],
		ip: null,
	};
	// One submitted answer with an evidence file, for the 管理者's review.
	const withFile = (await getResponse(deps.db, submitterActor, submitter)).items.find(
		(item) => item.scale === "yes_no_na",
	);
	if (withFile) {
		await inTransaction(deps.db, (tx) =>
			answerItem(tx, submitterActor, submitter, withFile.itemId, {
				answer: "yes",
				levelIndex: null,
				comment: null,
				evidence: {
					fileName: "研修の受講記録.pdf",
					contentBase64: Buffer.from("%PDF-1.4\n受講記録\n").toString("base64"),
				},
			}),
		);
	}
	await answerAll(deps, submitterId, tenantId, submitter);
	await inTransaction(deps.db, (tx) => submitAnswers(tx, submitterActor, submitter));
	const respondentId = await respondentOf(campaign.id, managerId);
	const manager: Actor = { tenantId, accountId: managerId, label: "管理者", roles: [], ip: null };
	const first = (await getResponse(deps.db, manager, respondentId)).items.find(
		(item) => item.scale === "yes_no_na",
	);
	if (first) {
		await inTransaction(deps.db, (tx) =>
			answerItem(tx, manager, respondentId, first.itemId, {
				answer: "yes",
				levelIndex: null,
				comment: "鍵付きの書庫で保管している",
				evidence: {
					fileName: "書庫の写真.pdf",
					contentBase64: Buffer.from("%PDF-1.4\n書庫\n").toString("base64"),
				},
			}),
		);
	}
	const closed = await makeCampaign(deps, tenantId, [unitId]);
	await inTransaction(deps.db, (tx) =>
		closeCampaign(tx, campaignActor(tenantId), closed.id, { reason: "組織改編のため終了" }),
	);
	return { campaignId: campaign.id, closedCampaignId: closed.id, respondentId };
}
