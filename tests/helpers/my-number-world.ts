import { randomBytes, randomUUID } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import {
	type AffairRow,
	type HandlerRow,
	insertAffair,
	insertHandler,
	insertLink,
	insertNotice,
	insertProvision,
} from "../../src/modules/my-number/my-number.repository.ts";
import type { CreateAffairInput } from "../../src/modules/my-number/my-number.schemas.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { staffIdsOfAccount } from "../../src/modules/org/staff-placements.ts";

/** The caller's staff record, made on the given unit when the account has none. */
export async function staffOf(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	unitId: string,
): Promise<string> {
	const [existing] = await staffIdsOfAccount(deps.db, tenantId, accountId);
	if (existing) return existing;
	const id = randomUUID();
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id,
			tenant_id: tenantId,
			account_id: accountId,
			staff_number: `MN${randomBytes(4).toString("hex")}`,
			category: "regular",
			org_unit_id: unitId,
			title: null,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
	return id;
}

export function sampleAffair(responsibleStaffId: string): CreateAffairInput {
	return {
		name: "住民税の賦課に関する事務",
		kind: "use",
		legalBasis: "番号法第9条第1項 別表第一 16の項",
		responsibleStaffId,
		piaLevel: "full",
		piaStatus: "done",
		piaDoneOn: "2024-06-01",
		piaDueOn: null,
	};
}

/** An affair stored as the register stores it, with `responsibleStaffId` responsible. */
export async function makeAffair(
	deps: AppDeps,
	tenantId: string,
	responsibleStaffId: string,
	name = "住民税の賦課に関する事務",
): Promise<AffairRow> {
	const at = new Date().toISOString();
	const row: AffairRow = {
		id: randomUUID(),
		tenant_id: tenantId,
		name,
		kind: "use",
		legal_basis: "番号法第9条第1項",
		responsible_staff_id: responsibleStaffId,
		pia_level: "full",
		pia_status: "done",
		pia_done_on: "2024-06-01",
		pia_due_on: "2029-06-01",
		created_by_label: "test factory",
		version: 1,
		created_at: at,
		updated_at: at,
	};
	await inTransaction(deps.db, (tx) => insertAffair(tx, row));
	return row;
}

export async function makeHandler(
	deps: AppDeps,
	affair: AffairRow,
	staffId: string,
	unitId: string,
	startsOn = "2026-04-01",
): Promise<HandlerRow> {
	const row: HandlerRow = {
		id: randomUUID(),
		tenant_id: affair.tenant_id,
		affair_id: affair.id,
		staff_id: staffId,
		org_unit_id: unitId,
		starts_on: startsOn,
		ends_on: null,
		end_reason: null,
		ended_by_label: null,
		created_by_label: "test factory",
		created_at: new Date().toISOString(),
	};
	await inTransaction(deps.db, (tx) => insertHandler(tx, row));
	return row;
}

export async function makeLink(deps: AppDeps, affair: AffairRow, kind: string, targetId: string) {
	await inTransaction(deps.db, (tx) =>
		insertLink(tx, {
			tenant_id: affair.tenant_id,
			affair_id: affair.id,
			kind,
			target_id: targetId,
			created_at: new Date().toISOString(),
		}),
	);
}

/** A notice to `accountId` of an entry of the affair ended by a transfer. */
export async function makeNotice(
	deps: AppDeps,
	affair: AffairRow,
	handler: HandlerRow,
	accountId: string,
): Promise<string> {
	const id = randomUUID();
	await inTransaction(deps.db, async (tx) => {
		await tx
			.updateTable("my_number_handlers")
			.set({ ends_on: "2027-04-01", end_reason: "transferred", ended_by_label: "test" })
			.where("id", "=", handler.id)
			.execute();
		await insertNotice(tx, {
			id,
			tenant_id: affair.tenant_id,
			affair_id: affair.id,
			handler_id: handler.id,
			account_id: accountId,
			created_at: new Date().toISOString(),
			seen_at: null,
		});
	});
	return id;
}

/** A provision to another body recorded on the affair. */
export async function makeProvision(deps: AppDeps, affair: AffairRow): Promise<void> {
	await inTransaction(deps.db, (tx) =>
		insertProvision(tx, {
			id: randomUUID(),
			tenant_id: affair.tenant_id,
			affair_id: affair.id,
			provided_on: "2026-06-10",
			recipient: "佐賀県",
			legal_basis: "番号法第19条第8号",
			items: "個人番号、氏名、住所",
			person_count: 12,
			recorded_by_label: "test factory",
			created_at: new Date().toISOString(),
		}),
	);
}

/**
 * An affair with every part its page shows, for the accessibility walk: a current handler, one
 * ended by a transfer with an unseen notice to `noticeAccountId`, a linked system and contract,
 * and a provision.
 */
export async function makeMyNumberScreens(
	deps: AppDeps,
	tenantId: string,
	parts: {
		responsibleStaffId: string;
		unitId: string;
		handlerStaffIds: [string, string];
		assetId: string;
		contractId: string;
		noticeAccountId: string;
	},
): Promise<AffairRow> {
	const affair = await makeAffair(deps, tenantId, parts.responsibleStaffId);
	await makeHandler(deps, affair, parts.handlerStaffIds[0], parts.unitId);
	const moved = await makeHandler(deps, affair, parts.handlerStaffIds[1], parts.unitId);
	await makeNotice(deps, affair, moved, parts.noticeAccountId);
	await makeLink(deps, affair, "asset", parts.assetId);
	await makeLink(deps, affair, "contract", parts.contractId);
	await makeProvision(deps, affair);
	return affair;
}
