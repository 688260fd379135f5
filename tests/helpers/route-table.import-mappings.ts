import { inTransaction } from "../../src/db/transaction.ts";
import { assetsPolicy } from "../../src/modules/assets/assets.policy.ts";
import type { Actor } from "../../src/modules/authz/roles.ts";
import { saveMapping } from "../../src/platform/imports/saved-mappings.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry } from "./route-walk.ts";
import { unique } from "./route-world.ts";

/**
 * The column-mapping routes of the platform's imports, walked for the ledger's import: who may
 * import the ledger may propose, save, list and delete its mappings.
 */

const access = {
	kind: "permission",
	policy: assetsPolicy,
	action: "asset.import",
	level: "tenant",
} as const;

const served: CrossTenantProbe = {
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
};

/** A city's ledger in its own words: a title row, then its header. */
const CITY_CSV = "情報資産管理台帳\n番号,名称,備考\nX-1,庁内LAN,\n";

function mappingOf(source: string) {
	return {
		version: 1 as const,
		kind: "assets.ledger",
		source,
		headerRows: [2],
		columns: { 番号: "code", 名称: "name" },
		values: {},
	};
}

/** A mapping saved in the caller's tenant, by its administrator. */
async function savedMappingId({ deps, world }: RequestContext): Promise<string> {
	const admin: Actor = {
		tenantId: world.tenant.id,
		accountId: "import-mappings-route-table",
		label: "テナント管理者（テスト）",
		roles: [{ role: "tenant_admin", orgUnitId: null }],
		ip: null,
	};
	const saved = await inTransaction(deps.db, (tx) =>
		saveMapping(tx, admin, mappingOf(unique("walk"))),
	);
	return saved.id;
}

export const IMPORT_MAPPING_ROUTES: readonly RouteEntry[] = [
	{
		method: "post",
		path: "/api/imports/mappings/propose",
		access,
		ok: 200,
		readOnly: true,
		request: () => ({
			body: {
				kind: "assets.ledger",
				filename: "city.csv",
				contentBase64: Buffer.from(CITY_CSV).toString("base64"),
			},
		}),
		crossTenant: [served],
	},
	{
		method: "get",
		path: "/api/imports/mappings",
		access,
		ok: 200,
		request: () => ({ query: { kind: "assets.ledger" } }),
		crossTenant: [served],
	},
	{
		method: "put",
		path: "/api/imports/mappings",
		access,
		ok: 200,
		request: () => ({ body: mappingOf(unique("city")) }),
		crossTenant: [served],
	},
	{
		method: "delete",
		path: "/api/imports/mappings/{id}",
		access,
		ok: 204,
		request: async (ctx) => ({ params: { id: await savedMappingId(ctx) } }),
		crossTenant: [
			served,
			{
				name: "tenant A's ids in the path",
				request: "foreign",
				expect: { status: 404, code: "not_found" },
			},
		],
	},
];
