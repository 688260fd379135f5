import { randomUUID } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { assignRole } from "../../src/modules/accounts/assign-role.ts";
import { auditContextOf } from "../../src/modules/audit-log/record-audit.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { listDocuments } from "../../src/modules/policies/documents/documents.repository.ts";
import { ensureDocuments } from "../../src/modules/policies/documents/seed-documents.ts";
import {
	decideAccount,
	endOrResumeAccount,
	requestApproval,
	reviewAccount,
} from "../../src/modules/social-media/account-steps.ts";
import { registerSocialAccount } from "../../src/modules/social-media/register-account.ts";
import type { SocialAccountRow } from "../../src/modules/social-media/social-media.repository.ts";
import type { RegisterSocialAccountInput } from "../../src/modules/social-media/social-media.schemas.ts";
import { openSocialMediaDesk } from "../../src/modules/social-media/social-media-desk.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";
import { japanDate } from "../../src/shared/dates.ts";
import { makeAccount } from "./factories.ts";
import type { MadeStaff } from "./org-factories.ts";

/** An actor holding `role` (for `unitId` when per unit), without an account of its own. */
export function socialActor(
	tenantId: string,
	role: Actor["roles"][number]["role"],
	unitId: string | null = null,
): Actor {
	return {
		tenantId,
		accountId: `social-media-factory-${role}`,
		label: `${role}（SNSテスト）`,
		roles: [{ role, orgUnitId: unitId }],
		ip: null,
	};
}

/** A member of staff in `unitId` who is its 課長 (section manager). */
export async function makeSectionManagerStaff(
	deps: AppDeps,
	tenant: TenantRow,
	unitId: string,
): Promise<MadeStaff> {
	// A security role needs MFA: enrolled, like makeAccount does for role holders.
	const account = await makeAccount(deps, tenant, { totp: true });
	const staffId = randomUUID();
	const staffNumber = `K${randomUUID().slice(0, 8)}`;
	const now = new Date().toISOString();
	await inTransaction(deps.db, async (tx) => {
		await assignRole(tx, systemActor(tenant.id, "social-media world"), account.id, {
			role: "section_manager",
			orgUnitId: unitId,
			validTo: null,
		});
		await insertStaff(tx, {
			id: staffId,
			tenant_id: tenant.id,
			account_id: account.id,
			staff_number: staffNumber,
			category: "regular",
			org_unit_id: unitId,
			title: "課長",
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		});
	});
	return { ...account, staffId, staffNumber };
}

/** The tenant's first policy document, as the operating procedure. */
export async function procedureDocumentId(deps: AppDeps, tenantId: string): Promise<string> {
	if ((await listDocuments(deps.db, tenantId)).length === 0)
		await inTransaction(deps.db, (tx) =>
			ensureDocuments(tx, auditContextOf(systemActor(tenantId, "social-media world"))),
		);
	const [first] = await listDocuments(deps.db, tenantId);
	if (!first) throw new Error("the tenant has no policy document");
	return first.id;
}

export function sampleAccount(
	unitId: string,
	responsibleStaffId: string,
	procedureId: string,
	overrides: Partial<RegisterSocialAccountInput> = {},
): RegisterSocialAccountInput {
	return {
		orgUnitId: unitId,
		service: "X",
		handle: "@city_koho",
		purpose: "市政情報と災害情報の発信",
		responsibleStaffId,
		procedureDocumentId: procedureId,
		postingRules: "イベント、災害・防災情報、市政のお知らせに限る。個人への返信はしない。",
		credentialHolderIds: [responsibleStaffId],
		mfaEnabled: true,
		...overrides,
	};
}

/**
 * An account registered by the CISO through the use cases and taken to `state`; the approval is
 * by a section manager of the unit (the approver of the bundled packs that have the provision).
 *
 * @example
 * const row = await makeSocialAccount(deps, tenant.id, unit.id, staff.staffId, "approved");
 */
export async function makeSocialAccount(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	responsibleStaffId: string,
	state: "registered" | "requested" | "approved" | "refused" | "suspended" = "registered",
	overrides: Partial<RegisterSocialAccountInput> = {},
): Promise<SocialAccountRow> {
	const desk = await openSocialMediaDesk(deps.db, socialActor(tenantId, "ciso"));
	const procedure = await procedureDocumentId(deps, tenantId);
	const row = await inTransaction(deps.db, (tx) =>
		registerSocialAccount(
			tx,
			desk,
			sampleAccount(unitId, responsibleStaffId, procedure, overrides),
		),
	);
	if (state === "registered") return row;
	const requested = await inTransaction(deps.db, (tx) => requestApproval(tx, desk, row.id, 1));
	if (state === "requested") return requested;
	const approver = await openSocialMediaDesk(
		deps.db,
		socialActor(tenantId, "section_manager", unitId),
	);
	const decided = await inTransaction(deps.db, (tx) =>
		decideAccount(tx, approver, row.id, state === "refused" ? "refuse" : "approve", {
			version: 2,
			reason: state === "refused" ? "運用手順が未整備" : "",
		}),
	);
	if (state !== "suspended") return decided;
	return inTransaction(deps.db, (tx) =>
		endOrResumeAccount(tx, desk, row.id, "suspend", { version: 3, reason: "担当者の異動" }),
	);
}

/** A member of staff of the tenant who holds 情報セキュリティ管理者 (a 課長) for some unit. */
export async function managerStaffOf(deps: AppDeps, tenantId: string): Promise<string> {
	const row = await deps.db
		.selectFrom("staff")
		.innerJoin("role_assignments", "role_assignments.account_id", "staff.account_id")
		.select("staff.id")
		.where("staff.tenant_id", "=", tenantId)
		.where("staff.active", "=", true)
		.where("role_assignments.role", "=", "section_manager")
		.where("role_assignments.valid_to", "is", null)
		.orderBy("staff.created_at")
		.executeTakeFirst();
	if (!row) throw new Error("the tenant has no 課長 on its staff roster");
	return row.id;
}

/** One approved account of the tenant with a review, so every social-media table has a row. */
export async function makeSocialMediaFixtures(deps: AppDeps, tenant: TenantRow, unitId: string) {
	const manager = await makeSectionManagerStaff(deps, tenant, unitId);
	const row = await makeSocialAccount(deps, tenant.id, unitId, manager.staffId, "approved");
	const desk = await openSocialMediaDesk(deps.db, socialActor(tenant.id, "ciso"));
	await inTransaction(deps.db, (tx) =>
		reviewAccount(tx, desk, row.id, {
			version: Number(row.version),
			reviewedOn: japanDate(new Date()),
			note: "運用状況を確認した。",
		}),
	);
	return { manager, accountId: row.id };
}
