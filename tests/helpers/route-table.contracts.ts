import { inTransaction } from "../../src/db/transaction.ts";
import { recordContractCheck } from "../../src/modules/contracts/contract-checks.ts";
import { openContractDesk } from "../../src/modules/contracts/contract-desk.ts";
import { contractsPolicy } from "../../src/modules/contracts/contracts.policy.ts";
import { endContract } from "../../src/modules/contracts/end-contract.ts";
import { requestSubcontract } from "../../src/modules/contracts/subcontracts.ts";
import { makeAsset, unitOf } from "./asset-world.ts";
import {
	ALL_BUT_ERASURE,
	CERTIFICATE_BYTES,
	contractsCiso,
	makeContract,
	makeContractor,
} from "./contract-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";
import { unique } from "./route-world.ts";

/** The 業務委託 routes of the route table. */

const access = (action: keyof typeof contractsPolicy) =>
	({ kind: "permission", policy: contractsPolicy, action, level: "tenant" }) as const;

const served = (extra: Partial<CrossTenantProbe> = {}): CrossTenantProbe => ({
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
	...extra,
});
const FOREIGN_IDS: CrossTenantProbe = {
	name: "tenant A's ids in the path",
	request: "foreign",
	expect: { status: 404, code: "not_found" },
};

const certificate = () => ({
	fileName: "消去証明書.pdf",
	contentBase64: Buffer.from(CERTIFICATE_BYTES).toString("base64"),
});

/** The caller's own unit when they manage one (a 管理者), else the world's unit. */
const callerUnit = ({ deps, world, caller }: RequestContext) =>
	unitOf(deps, world.tenant.id, caller.id, world.orgUnit.id);

const contractIn = async (ctx: RequestContext) =>
	makeContract(ctx.deps, ctx.world.tenant.id, await callerUnit(ctx));

const desk = (ctx: RequestContext) =>
	openContractDesk(ctx.deps.db, contractsCiso(ctx.world.tenant.id));

async function contractBody(ctx: RequestContext, unitId: string) {
	const contractor = await makeContractor(ctx.deps, ctx.world.tenant.id);
	const asset = await makeAsset(ctx.deps, ctx.world.tenant.id, ctx.world.orgUnit.id);
	return {
		code: unique("K"),
		title: "窓口システム保守",
		purpose: "窓口システムの保守",
		contractorId: contractor.id,
		orgUnitId: unitId,
		startsOn: "2026-04-01",
		endsOn: null,
		assetIds: [asset.id],
		clauses: ALL_BUT_ERASURE,
	};
}

/** Header-only files: applying is a job (run by a scheduler, which the walk does not start). */
const CONTRACTOR_FILE = Buffer.from("委託先コード,委託先名,所在地,連絡先,備考\n").toString(
	"base64",
);
const CONTRACT_FILE = Buffer.from(
	"契約番号,件名,委託の目的,委託先コード,主管課コード,契約開始日,契約終了日,取扱資産,契約条項\n",
).toString("base64");
const importEntry = (path: string, file: string): RouteEntry => ({
	method: "post",
	path,
	access: access("contract.import"),
	ok: 202,
	request: () => ({ body: { filename: "register.csv", contentBase64: file, mode: "apply" } }),
	crossTenant: [served()],
});

export const CONTRACT_ROUTES: readonly RouteEntry[] = [
	importEntry("/api/contractors/import", CONTRACTOR_FILE),
	importEntry("/api/contracts/import", CONTRACT_FILE),
	{
		method: "get",
		path: "/api/contractors/export",
		access: access("contract.export"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/contractors",
		access: access("contract.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/contractors",
		access: access("contract.manage"),
		ok: 201,
		request: () => ({
			body: {
				code: unique("V"),
				name: "株式会社テスト",
				address: null,
				contact: null,
				notes: null,
			},
		}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/contractors/{id}",
		access: access("contract.read"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await makeContractor(ctx.deps, ctx.world.tenant.id)).id },
		}),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/contractors/{id}",
		access: access("contract.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await makeContractor(ctx.deps, ctx.world.tenant.id)).id },
			body: {
				code: unique("V"),
				name: "株式会社テスト（新）",
				address: null,
				contact: null,
				notes: null,
				version: 1,
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/contracts/options",
		access: access("contract.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/contracts/export",
		access: access("contract.export"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/contracts/clause-check",
		access: access("contract.check"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/contracts",
		access: access("contract.read"),
		ok: 200,
		request: () => ({ query: { limit: "200" } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/contracts",
		access: access("contract.manage"),
		ok: 201,
		request: async (ctx) => ({ body: await contractBody(ctx, await callerUnit(ctx)) }),
		crossTenant: [
			served(),
			{
				name: "a contract for tenant A's unit",
				request: async (a, b) => ({ body: await contractBody(b, a.orgUnit.id) }),
				expect: { status: 400, code: "validation_failed" },
			},
		],
	},
	{
		method: "get",
		path: "/api/contracts/{id}",
		access: access("contract.read"),
		ok: 200,
		request: async (ctx) => ({ params: { id: (await contractIn(ctx)).id } }),
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "put",
		path: "/api/contracts/{id}",
		access: access("contract.manage"),
		ok: 200,
		request: async (ctx) => {
			const contract = await contractIn(ctx);
			return {
				params: { id: contract.id },
				body: {
					code: contract.code,
					title: contract.title,
					purpose: contract.purpose,
					contractorId: contract.contractor_id,
					orgUnitId: contract.owner_unit_id,
					startsOn: contract.starts_on,
					endsOn: contract.ends_on,
					assetIds: [],
					clauses: [...ALL_BUT_ERASURE, "return_or_erasure"],
					version: 1,
				},
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/contracts/{id}/subcontracts",
		access: access("contract.manage"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await contractIn(ctx)).id },
			body: { subcontractor: "再委託先株式会社", work: "監視", safeguards: "入退室管理" },
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/contracts/{id}/subcontracts/{subId}/decision",
		access: access("contract.decide"),
		ok: 200,
		request: async (ctx) => {
			const contract = await contractIn(ctx);
			const d = await desk(ctx);
			const sub = await inTransaction(ctx.deps.db, (tx) =>
				requestSubcontract(tx, d, contract.id, {
					subcontractor: "再委託先株式会社",
					work: "監視",
					safeguards: "入退室管理",
				}),
			);
			return {
				params: { id: contract.id, subId: sub.id },
				body: { decision: "approve", reason: "", version: 1 },
			};
		},
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/contracts/{id}/checks",
		access: access("contract.check"),
		ok: 201,
		request: async (ctx) => ({
			params: { id: (await contractIn(ctx)).id },
			body: {
				checkedOn: "2026-06-01",
				items: [{ code: "comply_policy", ok: true, note: "" }],
				note: "",
				evidence: certificate(),
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/contracts/{id}/checks/{checkId}/evidence",
		access: access("contract.read"),
		ok: 200,
		request: async (ctx) => {
			const contract = await contractIn(ctx);
			const d = await desk(ctx);
			const check = await inTransaction(ctx.deps.db, (tx) =>
				recordContractCheck(tx, d, contract.id, {
					checkedOn: "2026-06-01",
					items: [{ code: "comply_policy", ok: true, note: "" }],
					note: "",
					evidence: certificate(),
				}),
			);
			return { params: { id: contract.id, checkId: check.id } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
	{
		method: "post",
		path: "/api/contracts/{id}/end",
		access: access("contract.manage"),
		ok: 200,
		request: async (ctx) => ({
			params: { id: (await contractIn(ctx)).id },
			body: {
				kind: "erased",
				endedOn: "2027-03-31",
				note: null,
				certificate: certificate(),
				version: 1,
			},
		}),
		crossTenant: [FOREIGN_IDS],
	},
	{
		method: "get",
		path: "/api/contracts/{id}/end/certificate",
		access: access("contract.read"),
		ok: 200,
		request: async (ctx) => {
			const contract = await contractIn(ctx);
			const d = await desk(ctx);
			await inTransaction(ctx.deps.db, (tx) =>
				endContract(tx, d, contract.id, {
					kind: "returned",
					endedOn: "2027-03-31",
					note: null,
					certificate: certificate(),
					version: 1,
				}),
			);
			return { params: { id: contract.id } };
		},
		crossTenant: [served(), FOREIGN_IDS],
	},
];
