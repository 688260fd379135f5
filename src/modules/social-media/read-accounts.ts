import type { Db } from "../../db/connection.ts";
import type { Queryable } from "../../db/queryable.ts";
import { inTransaction } from "../../db/transaction.ts";
import { auditContextOf } from "../audit-log/record-audit.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import { listOrgUnits } from "../org/org.repository.ts";
import { staffWithAccounts } from "../org/staff.repository.ts";
import { listDocuments } from "../policies/documents/documents.repository.ts";
import { documentsMissing, ensureDocuments } from "../policies/documents/seed-documents.ts";
import { reviewDueOn } from "./flag-dormant.ts";
import { sectionManagerAccounts } from "./register-account.ts";
import { socialMediaPolicy } from "./social-media.policy.ts";
import { listSocialAccounts, reviewsOf, type SocialAccountRow } from "./social-media.repository.ts";
import type { SocialAccountQuery, SocialAccountView } from "./social-media.schemas.ts";
import {
	decidingRoleFor,
	mayManage,
	type SocialMediaDesk,
	visibleAccount,
} from "./social-media-desk.ts";
import {
	DORMANT_AFTER_DAYS,
	decidingRoles,
	notifiedRoles,
	type SocialMediaState,
	type SocialMediaStep,
	stepAllowed,
} from "./social-media-rules.ts";

/** Names the register shows: units, staff (by staff id) and documents. */
export interface RegisterNames {
	units: ReadonlyMap<string, string>;
	staff: ReadonlyMap<string, { name: string; title: string | null }>;
	documents: ReadonlyMap<string, string>;
}

export async function registerNames(db: Queryable, tenantId: string): Promise<RegisterNames> {
	const [units, staff, documents] = await Promise.all([
		listOrgUnits(db, tenantId),
		staffWithAccounts(db, tenantId).execute(),
		listDocuments(db, tenantId),
	]);
	return {
		units: new Map(units.map((unit) => [unit.id, unit.name])),
		staff: new Map(staff.map((s) => [s.id, { name: s.display_name, title: s.title }])),
		documents: new Map(documents.map((d) => [d.id, d.title])),
	};
}

export const holderIds = (row: SocialAccountRow) =>
	JSON.parse(row.credential_holder_ids) as string[];

function summary(row: SocialAccountRow, names: RegisterNames) {
	return {
		id: row.id,
		unit: { id: row.org_unit_id, name: names.units.get(row.org_unit_id) ?? "" },
		service: row.service,
		handle: row.handle,
		state: row.state as SocialMediaState,
		dormant: row.dormant_since !== null,
		responsible: names.staff.get(row.responsible_staff_id)?.name ?? "",
		mfaEnabled: Boolean(row.mfa_enabled),
		lastReviewedOn: row.last_reviewed_on,
		createdAt: row.created_at,
	};
}

const MANAGER_STEPS: readonly SocialMediaStep[] = [
	"request",
	"review",
	"suspend",
	"reinstate",
	"close",
];

/** The steps the caller may take on this account now. */
function actionsOn(desk: SocialMediaDesk, row: SocialAccountRow): string[] {
	const state = row.state as SocialMediaState;
	const actions: string[] = [];
	if (decidingRoleFor(desk, row.org_unit_id) !== undefined && stepAllowed(state, "approve"))
		actions.push("approve", "refuse");
	if (mayManage(desk, row.org_unit_id))
		actions.push(...MANAGER_STEPS.filter((step) => stepAllowed(state, step)));
	return actions;
}

/** One account as the API sends it. */
export async function presentAccount(
	db: Queryable,
	desk: SocialMediaDesk,
	row: SocialAccountRow,
): Promise<SocialAccountView> {
	const tenantId = desk.actor.tenantId;
	const [names, reviews] = await Promise.all([
		registerNames(db, tenantId),
		reviewsOf(db, tenantId, row.id),
	]);
	const responsible = names.staff.get(row.responsible_staff_id);
	const live = row.state === "approved" || row.state === "suspended";
	return {
		...summary(row, names),
		purpose: row.purpose,
		responsibleStaff: {
			id: row.responsible_staff_id,
			name: responsible?.name ?? "",
			title: responsible?.title ?? null,
		},
		procedure: {
			id: row.procedure_document_id,
			title: names.documents.get(row.procedure_document_id) ?? "",
		},
		postingRules: row.posting_rules,
		credentialHolders: holderIds(row).map((id) => ({ id, name: names.staff.get(id)?.name ?? "" })),
		dormantSince: row.dormant_since,
		reviewDueOn: live ? reviewDueOn(row) : null,
		decision:
			row.decided_at && row.decided_by_label && row.decided_as
				? {
						by: row.decided_by_label,
						as: row.decided_as,
						at: row.decided_at,
						reason: row.decision_reason,
					}
				: null,
		endReason: row.end_reason,
		suspendedAt: row.suspended_at,
		closedAt: row.closed_at,
		registeredBy: row.registered_by_label,
		reviews: reviews.map((review) => ({
			id: review.id,
			reviewedOn: review.reviewed_on,
			by: review.reviewed_by_label,
			note: review.note,
		})),
		version: Number(row.version),
		allowedActions: actionsOn(desk, row),
	};
}

export async function getSocialAccount(db: Queryable, desk: SocialMediaDesk, id: string) {
	authorize(desk.actor, socialMediaPolicy, "social_media.read");
	return presentAccount(db, desk, await visibleAccount(db, desk, id));
}

/** A page of the accounts the caller sees, newest first. */
export async function listVisibleAccounts(
	db: Queryable,
	desk: SocialMediaDesk,
	query: SocialAccountQuery,
) {
	authorize(desk.actor, socialMediaPolicy, "social_media.read");
	const tenantId = desk.actor.tenantId;
	const { rows, total } = await listSocialAccounts(
		db,
		tenantId,
		{
			state: query.state,
			dormant: query.dormant === undefined ? undefined : query.dormant === "true",
			orgUnitId: query.orgUnitId,
			unitIds: desk.visibleUnits ? [...desk.visibleUnits] : undefined,
		},
		{ offset: query.offset, limit: query.limit },
	);
	const names = await registerNames(db, tenantId);
	return {
		items: rows.map((row) => summary(row, names)),
		total,
		offset: query.offset,
		limit: query.limit,
		allowedActions: allowedActions(desk.actor, socialMediaPolicy),
	};
}

/**
 * What the registration form offers: units, staff, documents, and who decides and is told. The
 * pack's documents are seeded on first use, as the documents page does.
 */
export async function socialAccountOptions(db: Db, desk: SocialMediaDesk) {
	authorize(desk.actor, socialMediaPolicy, "social_media.register");
	const tenantId = desk.actor.tenantId;
	if (await documentsMissing(db, tenantId, await listDocuments(db, tenantId)))
		await inTransaction(db, (tx) => ensureDocuments(tx, auditContextOf(desk.actor)));
	const [units, staff, documents, managers] = await Promise.all([
		listOrgUnits(db, tenantId),
		staffWithAccounts(db, tenantId).execute(),
		listDocuments(db, tenantId),
		sectionManagerAccounts(db, tenantId, new Date().toISOString()),
	]);
	return {
		units: units
			.filter((unit) => mayManage(desk, unit.id))
			.map((unit) => ({ id: unit.id, name: unit.name })),
		staff: staff
			.filter((s) => Boolean(s.active) && !s.disabled_at)
			.map((s) => ({
				id: s.id,
				name: s.display_name,
				title: s.title,
				unitId: s.org_unit_id,
				sectionManager: managers.has(s.account_id),
			})),
		documents: documents.map((d) => ({ id: d.id, title: d.title })),
		deciders: decidingRoles(desk.pack),
		notified: notifiedRoles(desk.pack),
		dormantAfterDays: DORMANT_AFTER_DAYS,
		today: desk.today,
	};
}
