import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/queryable.ts";
import type { Tx } from "../../db/transaction.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import { findOrgUnit, roleHoldersInForce } from "../org/org.repository.ts";
import { findStaff } from "../org/staff.repository.ts";
import { findDocument } from "../policies/documents/documents.repository.ts";
import { socialMediaPolicy } from "./social-media.policy.ts";
import { insertSocialAccount, type SocialAccountRow } from "./social-media.repository.ts";
import type { RegisterSocialAccountInput } from "./social-media.schemas.ts";
import { mayManage, type SocialMediaDesk } from "./social-media-desk.ts";
import { invalidField, notUnitManager } from "./social-media-problems.ts";

/** The accounts holding 情報セキュリティ管理者 (a 課長) for some unit now. */
export async function sectionManagerAccounts(
	db: Queryable,
	tenantId: string,
	at: string,
): Promise<Set<string>> {
	const holders = await roleHoldersInForce(db, tenantId, at);
	return new Set(
		holders.filter((holder) => holder.role === "section_manager").map((h) => h.account_id),
	);
}

/** An active member of the tenant's staff roster, or a validation refusal at `path`. */
async function activeStaff(tx: Tx, tenantId: string, id: string, path: string) {
	const staff = await findStaff(tx, tenantId, id);
	if (!staff?.active)
		throw invalidField(path, "social_media_staff_unknown", "no such active member of staff");
	return staff;
}

/**
 * A unit's 管理者 (or the CISO, 統括) registers an official social-media account: the service,
 * handle and purpose, the responsible person (a 課長 of the staff roster), the operating
 * procedure (a policy document of the tenant), what may be posted, who holds the credentials
 * (never the credentials themselves) and whether MFA is on. It starts `registered`; asking for
 * the pack's approval is the next step.
 *
 * @throws Problem `forbidden` (`social_media_not_unit_manager`); `validation_failed`
 * (`social_media_unit_unknown`, `social_media_staff_unknown`, `social_media_responsible_not_manager`,
 * `social_media_procedure_unknown`)
 */
export async function registerSocialAccount(
	tx: Tx,
	desk: SocialMediaDesk,
	input: RegisterSocialAccountInput,
	now: Date = new Date(),
): Promise<SocialAccountRow> {
	const { actor } = desk;
	authorize(actor, socialMediaPolicy, "social_media.register");
	const tenantId = actor.tenantId;
	const unit = await findOrgUnit(tx, tenantId, input.orgUnitId);
	if (!unit) throw invalidField("orgUnitId", "social_media_unit_unknown", "no such org unit");
	if (!mayManage(desk, unit.id)) throw notUnitManager();
	const at = now.toISOString();
	const responsible = await activeStaff(
		tx,
		tenantId,
		input.responsibleStaffId,
		"responsibleStaffId",
	);
	if (!(await sectionManagerAccounts(tx, tenantId, at)).has(responsible.account_id))
		throw invalidField(
			"responsibleStaffId",
			"social_media_responsible_not_manager",
			"the responsible person must be a 課長 (section manager)",
		);
	const holders = [...new Set(input.credentialHolderIds)];
	for (const [i, id] of holders.entries())
		await activeStaff(tx, tenantId, id, `credentialHolderIds.${i}`);
	const procedure = await findDocument(tx, tenantId, input.procedureDocumentId);
	if (!procedure)
		throw invalidField(
			"procedureDocumentId",
			"social_media_procedure_unknown",
			"no such policy document",
		);
	const row: SocialAccountRow = {
		id: randomUUID(),
		tenant_id: tenantId,
		org_unit_id: unit.id,
		service: input.service,
		handle: input.handle,
		purpose: input.purpose,
		responsible_staff_id: responsible.id,
		procedure_document_id: procedure.id,
		posting_rules: input.postingRules,
		credential_holder_ids: JSON.stringify(holders),
		mfa_enabled: input.mfaEnabled,
		state: "registered",
		decision_reason: null,
		decided_by: null,
		decided_by_label: null,
		decided_as: null,
		decided_at: null,
		last_reviewed_on: null,
		dormant_since: null,
		end_reason: null,
		suspended_at: null,
		closed_at: null,
		registered_by: actor.accountId,
		registered_by_label: actor.label,
		version: 1,
		created_at: at,
		updated_at: at,
	};
	await insertSocialAccount(tx, row);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"social_media.registered",
		{
			orgUnitId: row.org_unit_id,
			service: row.service,
			handle: row.handle,
			responsibleStaffId: row.responsible_staff_id,
			procedureDocumentId: row.procedure_document_id,
			credentialHolderIds: holders,
			mfaEnabled: input.mfaEnabled,
		},
		{ recordType: "social_media_account", recordId: row.id },
	);
	return row;
}
