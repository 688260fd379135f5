import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { recordContractCheck } from "../../src/modules/contracts/contract-checks.ts";
import { openContractDesk } from "../../src/modules/contracts/contract-desk.ts";
import { createContractor } from "../../src/modules/contracts/contractors.ts";
import type {
	ContractHead,
	ContractorRow,
} from "../../src/modules/contracts/contracts.repository.ts";
import type { ContractInput } from "../../src/modules/contracts/contracts.schemas.ts";
import { endContract } from "../../src/modules/contracts/end-contract.ts";
import { createContract } from "../../src/modules/contracts/save-contract.ts";
import { requestSubcontract } from "../../src/modules/contracts/subcontracts.ts";
import { makeAsset } from "./asset-world.ts";
import { unique } from "./route-world.ts";

/** The CISO, for contract fixtures without an account of their own. */
export function contractsCiso(tenantId: string): Actor {
	return {
		tenantId,
		accountId: "contract-factory",
		label: "CISO（委託テスト）",
		roles: [{ role: "ciso", orgUnitId: null }],
		ip: null,
	};
}

/** Every clause of the default checklist but the return or erasure of data. */
export const ALL_BUT_ERASURE = [
	"comply_policy",
	"responsible_person",
	"staff_and_place",
	"purpose_limit",
	"subcontract_approval",
	"on_site_inspection",
	"incident_reporting",
];

export async function makeContractor(
	deps: AppDeps,
	tenantId: string,
	overrides: { code?: string; name?: string } = {},
): Promise<ContractorRow> {
	const desk = await openContractDesk(deps.db, contractsCiso(tenantId));
	return inTransaction(deps.db, (tx) =>
		createContractor(tx, desk, {
			code: overrides.code ?? unique("V"),
			name: overrides.name ?? "株式会社まもりシステム",
			address: "佐賀市城内1-1-1",
			contact: "担当 山田 0952-00-0000",
			notes: null,
		}),
	);
}

/**
 * A contract of `unitId` with a new contractor, handling a new 機密性2 asset of the unit, with
 * every clause but the erasure one unless `clauses` says otherwise.
 */
export async function makeContract(
	deps: AppDeps,
	tenantId: string,
	unitId: string,
	overrides: Partial<ContractInput> = {},
): Promise<ContractHead> {
	const contractor = await makeContractor(deps, tenantId);
	const asset = overrides.assetIds ? null : await makeAsset(deps, tenantId, unitId);
	const desk = await openContractDesk(deps.db, contractsCiso(tenantId));
	return inTransaction(deps.db, (tx) =>
		createContract(tx, desk, {
			code: unique("K"),
			title: "住民記録システム運用保守業務",
			purpose: "住民記録システムの運用と保守",
			contractorId: contractor.id,
			orgUnitId: unitId,
			startsOn: "2026-04-01",
			endsOn: "2027-03-31",
			assetIds: asset ? [asset.id] : [],
			clauses: ALL_BUT_ERASURE,
			...overrides,
		}),
	);
}

export const CERTIFICATE_BYTES = new TextEncoder().encode("%PDF-1.4\n消去証明書\n%%EOF\n");

/** A contract with a 再委託 request and a passed check, and an ended one: every table has a row. */
export async function makeContractFixtures(deps: AppDeps, tenantId: string, unitId: string) {
	const desk = await openContractDesk(deps.db, contractsCiso(tenantId));
	const contract = await makeContract(deps, tenantId, unitId);
	await inTransaction(deps.db, async (tx) => {
		await requestSubcontract(tx, desk, contract.id, {
			subcontractor: "まもりデータセンター株式会社",
			work: "サーバの監視",
			safeguards: "入退室管理、作業記録",
		});
		await recordContractCheck(tx, desk, contract.id, {
			checkedOn: "2026-06-01",
			items: [{ code: "comply_policy", ok: true, note: "" }],
			note: "問題なし",
			evidence: {
				fileName: "点検記録.pdf",
				contentBase64: Buffer.from(CERTIFICATE_BYTES).toString("base64"),
			},
		});
	});
	const ended = await makeContract(deps, tenantId, unitId);
	await inTransaction(deps.db, (tx) =>
		endContract(tx, desk, ended.id, {
			kind: "erased",
			endedOn: "2027-03-31",
			note: null,
			certificate: {
				fileName: "消去証明書.pdf",
				contentBase64: Buffer.from(CERTIFICATE_BYTES).toString("base64"),
			},
			version: 1,
		}),
	);
	return { contract, ended };
}

/** A contract of `unitId` (missing the erasure clause) with a pending 再委託 request. */
export async function makeContractWithRequest(deps: AppDeps, tenantId: string, unitId: string) {
	const desk = await openContractDesk(deps.db, contractsCiso(tenantId));
	const contract = await makeContract(deps, tenantId, unitId);
	await inTransaction(deps.db, (tx) =>
		requestSubcontract(tx, desk, contract.id, {
			subcontractor: "まもりデータセンター株式会社",
			work: "サーバの監視",
			safeguards: "入退室管理、作業記録",
		}),
	);
	return contract;
}
