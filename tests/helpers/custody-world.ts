import { randomUUID } from "node:crypto";
import { systemActor } from "../../src/bootstrap.ts";
import type { AssetDisposalTable, AssetTable, AssetTakeOutTable } from "../../src/db/schema.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { NewAsset } from "../../src/modules/assets/create-asset.ts";
import { addDisposalFile } from "../../src/modules/assets/disposals/add-disposal-file.ts";
import { closeDisposal } from "../../src/modules/assets/disposals/close-disposal.ts";
import type { DisposalMethod } from "../../src/modules/assets/disposals/disposal-rules.ts";
import { recordDisposal } from "../../src/modules/assets/disposals/record-disposal.ts";
import { openLedger } from "../../src/modules/assets/ledger.ts";
import { decideTakeOut } from "../../src/modules/assets/take-outs/decide-take-out.ts";
import { requestTakeOut } from "../../src/modules/assets/take-outs/request-take-out.ts";
import { returnTakeOut } from "../../src/modules/assets/take-outs/return-take-out.ts";
import { openTakeOutDesk } from "../../src/modules/assets/take-outs/take-out-desk.ts";
import type { TakeOutRequestInput } from "../../src/modules/assets/take-outs/take-outs.schemas.ts";
import type { Actor, Role } from "../../src/modules/authz/roles.ts";
import { insertStaff } from "../../src/modules/org/staff.repository.ts";
import { makeAsset } from "./asset-world.ts";

/** A tiny but real PDF: what an erasure certificate upload looks like to the server. */
export const CERTIFICATE_PDF = new TextEncoder().encode(
	"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% 消去証明書 test\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * The unit an account works in as a member of staff; gives it a staff record in `unitId` first
 * when it has none (an account has at most one).
 */
export async function ensureStaffUnit(
	deps: AppDeps,
	tenantId: string,
	accountId: string,
	unitId: string,
): Promise<string> {
	const existing = await deps.db
		.selectFrom("staff")
		.select("org_unit_id")
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.executeTakeFirst();
	if (existing) return existing.org_unit_id;
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertStaff(tx, {
			id: randomUUID(),
			tenant_id: tenantId,
			account_id: accountId,
			staff_number: `S${randomUUID().slice(0, 8)}`,
			category: "regular",
			org_unit_id: unitId,
			title: null,
			active: true,
			left_at: null,
			created_at: now,
			updated_at: now,
		}),
	);
	return unitId;
}

/** The account as a session would present it to the use cases: its roles in force. */
export async function actorFor(deps: AppDeps, tenantId: string, accountId: string): Promise<Actor> {
	const held = await deps.db
		.selectFrom("role_assignments")
		.select(["role", "org_unit_id"])
		.where("tenant_id", "=", tenantId)
		.where("account_id", "=", accountId)
		.execute();
	return {
		tenantId,
		accountId,
		label: `account ${accountId.slice(0, 8)}`,
		roles: held.map((r) => ({ role: r.role as Role, orgUnitId: r.org_unit_id })),
		ip: null,
	};
}

/** Someone who may decide any take-out of the tenant (統括), and requests nothing. */
export function approverActor(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "custody-approver",
		label: "統括情報セキュリティ責任者（テスト）",
		roles: [{ role: "chief_officer", orgUnitId: null }],
		ip: null,
	};
}

/** An LGWAN asset of class C2/I2/A2: take-out needs approval, encryption and a locked case. */
export function makeCarriableAsset(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	overrides: Partial<NewAsset> = {},
): Promise<AssetTable> {
	return makeAsset(deps, tenantId, unitId, {
		name: "業務用ノートPC",
		zone: "lgwan",
		personalData: "personal",
		...overrides,
	});
}

export function takeOutInput(assetId: string, overrides: Partial<TakeOutRequestInput> = {}) {
	return {
		assetId,
		purpose: "住民説明会での資料投影",
		destination: "市民会館",
		from: "2026-04-01",
		until: "2026-04-02",
		encrypted: true,
		lockedCase: true,
		...overrides,
	};
}

/**
 * A take-out request of a fresh asset in `unitId`, asked by `requester` (the system by default),
 * then approved and returned as asked.
 */
export async function makeTakeOut(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	options: {
		requester?: Actor;
		approve?: boolean;
		returned?: boolean;
		input?: Partial<TakeOutRequestInput>;
	} = {},
): Promise<{ asset: AssetTable; takeOut: AssetTakeOutTable }> {
	const asset = await makeCarriableAsset(deps, tenantId, unitId);
	const requester = options.requester ?? systemActor(tenantId, "test factory");
	const desk = await openTakeOutDesk(deps.db, requester);
	const takeOut = await inTransaction(deps.db, (tx) =>
		requestTakeOut(tx, desk, takeOutInput(asset.id, options.input)),
	);
	if (options.approve || options.returned) {
		const approver = await openTakeOutDesk(deps.db, approverActor(tenantId));
		await inTransaction(deps.db, (tx) =>
			decideTakeOut(tx, approver, takeOut.id, { outcome: "approved", reason: "業務上必要" }),
		);
		if (options.returned) {
			await inTransaction(deps.db, (tx) =>
				returnTakeOut(tx, approver, takeOut.id, { note: "異常なし" }),
			);
		}
	}
	return { asset, takeOut };
}

/**
 * A disposal record of a fresh storage-media asset in `unitId`, recorded by the system, with an
 * erasure certificate when asked, and closed when asked.
 */
export async function makeDisposal(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	options: {
		certificate?: boolean;
		close?: boolean;
		method?: DisposalMethod;
		performedOn?: string;
	} = {},
): Promise<{ asset: AssetTable; disposal: AssetDisposalTable; fileId: string | null }> {
	const asset = await makeAsset(deps, tenantId, unitId, { name: "庁内ファイルサーバ HDD" });
	const ledger = await openLedger(deps.db, systemActor(tenantId, "test factory"));
	const disposal = await inTransaction(deps.db, (tx) =>
		recordDisposal(tx, ledger, asset.id, {
			method: options.method ?? "physical_destruction",
			performedOn: options.performedOn ?? "2026-03-15",
			witness: "情報政策課 佐藤",
			contractor: "株式会社データ消去サービス",
			serialNumbers: ["WD-123456", "WD-123457"],
			notes: null,
		}),
	);
	let fileId: string | null = null;
	if (options.certificate || options.close) {
		const file = await inTransaction(deps.db, (tx) =>
			addDisposalFile(tx, ledger, disposal.id, {
				kind: "certificate",
				fileName: "消去証明書.pdf",
				bytes: CERTIFICATE_PDF,
			}),
		);
		fileId = file.id;
	}
	if (options.close) {
		await inTransaction(deps.db, (tx) => closeDisposal(tx, ledger, disposal.id));
	}
	return { asset, disposal, fileId };
}

/** Rows in every custody table of the tenant, for the route walk's tenancy check. */
export async function makeCustodyFixtures(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
): Promise<void> {
	await makeTakeOut(deps, tenantId, unitId, { returned: true });
	await makeTakeOut(deps, tenantId, unitId, { approve: true });
	await makeDisposal(deps, tenantId, unitId, { close: true });
}
