import assert from "node:assert/strict";
import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { assetsPolicy } from "../../src/modules/assets/assets.policy.ts";
import { ledgerImport } from "../../src/modules/assets/ledger.import.ts";
import { LEDGER_HEADERS } from "../../src/modules/assets/ledger-format.ts";
import { requestImport } from "../../src/platform/imports/request-import.ts";
import { unitOf } from "./asset-world.ts";
import type { CrossTenantProbe, RequestContext, RouteEntry, Sent } from "./route-walk.ts";
import { unique } from "./route-world.ts";

/** The ledger's import, export and template routes of the route table. */

const access = (action: keyof typeof assetsPolicy) =>
	({ kind: "permission", policy: assetsPolicy, action, level: "tenant" }) as const;

const served = (extra: Partial<CrossTenantProbe> = {}): CrossTenantProbe => ({
	name: "tenant B's own data only",
	request: "own",
	expect: "served",
	...extra,
});

interface QueuedImport {
	kind: string;
	status: string;
	progress: { checked: number; written: number };
}
const jobOf = (sent: Sent) => sent.json as QueuedImport;

/** A one-row ledger CSV for a new asset in `unitCode`. */
function ledgerCsv(unitCode: string): string {
	const header = LEDGER_HEADERS.filter((h) => h !== "所管課名");
	const row = [
		unique("A"),
		"庁内LAN",
		"システム・機器・媒体",
		unitCode,
		"",
		"",
		"LGWAN接続系",
		"C2/I2/A2",
		"なし",
		"",
		"運用中",
		"",
		"",
	];
	return `${header.join(",")}\n${row.join(",")}\n`;
}

async function unitCode(deps: AppDeps, unitId: string): Promise<string> {
	const unit = await deps.db
		.selectFrom("org_units")
		.select("code")
		.where("id", "=", unitId)
		.executeTakeFirstOrThrow();
	return unit.code;
}

/** An import of one new asset in a unit the caller manages (or in `unit`): applied when valid. */
async function importRequest({ deps, world, caller }: RequestContext, unit?: string) {
	const unitId = await unitOf(deps, world.tenant.id, caller.id, world.orgUnit.id);
	const csv = ledgerCsv(unit ?? (await unitCode(deps, unitId)));
	return {
		body: {
			// The file travels base64-encoded; its unit is in the name too, so that the walk
			// sees an error message that echoes it as the request's own text, not as a leak.
			filename: `${unit ?? "ledger"}.csv`,
			contentBase64: Buffer.from(csv).toString("base64"),
			mode: "apply",
			skipInvalid: false,
		},
	};
}

export const ASSET_TRANSFER_ROUTES: readonly RouteEntry[] = [
	{
		method: "post",
		path: "/api/assets/import",
		access: access("asset.import"),
		// Applying is a job (run by a scheduler, which the walk does not start).
		ok: 202,
		request: (ctx) => importRequest(ctx),
		crossTenant: [
			served({
				check: (sent) =>
					assert.deepEqual([jobOf(sent).kind, jobOf(sent).status], ["assets.ledger", "queued"]),
			}),
			served({
				// Not A's unit code: an earlier probe may have given B a unit with the same code.
				name: "a row naming tenant A's unit",
				request: (a, b) => importRequest(b, a.orgUnit.id),
				check: (sent) => assert.equal(jobOf(sent).status, "queued"),
			}),
		],
	},
	{
		method: "get",
		path: "/api/imports/{id}",
		access: access("asset.import"),
		ok: 200,
		request: async ({ deps, world, caller }) => {
			const id = await inTransaction(deps.db, (tx) =>
				requestImport(tx, {
					kind: ledgerImport,
					// Its requester reads it; the walk's caller may lack the right to import.
					actor: { ...systemActor(world.tenant.id, "route walk"), accountId: caller.id },
					fileName: "ledger.csv",
					bytes: new TextEncoder().encode(ledgerCsv(world.orgUnit.code)),
					options: { skipInvalid: false },
				}),
			);
			return { params: { id } };
		},
		crossTenant: [
			{
				name: "tenant A's ids in the path",
				request: "foreign",
				expect: { status: 404, code: "not_found" },
			},
		],
	},
	{
		method: "get",
		path: "/api/assets/export",
		access: access("asset.read"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [
			served({
				check: (sent) => assert.match(sent.text, /^\uFEFF?"資産番号"/),
			}),
			served({
				name: "filtered by tenant A's unit",
				request: (a) => ({ query: { format: "csv", unitId: a.orgUnit.id } }),
				check: (sent) => assert.equal(sent.text.trim().split("\r\n").length, 1, "header only"),
			}),
		],
	},
	{
		method: "get",
		path: "/api/assets/template",
		access: access("asset.import"),
		ok: 200,
		request: () => ({ query: { format: "csv" } }),
		crossTenant: [served({ check: (sent) => assert.match(sent.text, /^\uFEFF?"資産番号"/) })],
	},
];
