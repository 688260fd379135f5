import assert from "node:assert/strict";
import { networkPolicy } from "../../src/modules/network/network.policy.ts";
import { sampleNetworkModel } from "./network-world.ts";
import type { CrossTenantProbe, RouteEntry, Sent } from "./route-walk.ts";

/** The network routes of the route table: the model, its imports, check, reports and drift. */

const access = (action: keyof typeof networkPolicy) =>
	({ kind: "permission", policy: networkPolicy, action, level: "tenant" }) as const;

const served = (extra: Partial<CrossTenantProbe> = {}): CrossTenantProbe => ({
	name: "tenant B's own model only",
	request: "own",
	expect: "served",
	...extra,
});

const modelName = (sent: Sent) => (sent.json as { model: { name: string } }).model.name;

/** Each tenant's fixture model is named after the tenant, so B must see B's name. */
const ownModel = served({
	check: (sent, _a, b) => assert.equal(modelName(sent), `${b.tenant.name} ネットワーク`),
});

const FIREWALL_CSV =
	"ルールID,送信元,宛先,プロトコル,ポート,動作\nfw-1,10.2.0.10,10.3.0.25,tcp,443,許可\n";

export const NETWORK_ROUTES: readonly RouteEntry[] = [
	{
		method: "get",
		path: "/api/network/model",
		access: access("network.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [ownModel],
	},
	{
		method: "put",
		path: "/api/network/model",
		access: access("network.edit"),
		ok: 200,
		request: ({ world }) => ({
			body: { model: sampleNetworkModel(`${world.tenant.name} ネットワーク`) },
		}),
		crossTenant: [ownModel],
	},
	{
		method: "post",
		path: "/api/network/model/import",
		access: access("network.edit"),
		ok: 200,
		// The sample model again (not a smaller one), so later routes still find its addresses.
		request: ({ world }) => ({
			body: {
				text: JSON.stringify(sampleNetworkModel(`${world.tenant.name} ネットワーク`)),
				fileName: "model.json",
			},
		}),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/network/firewall-import",
		access: access("network.edit"),
		ok: 200,
		request: () => ({ body: { text: FIREWALL_CSV } }),
		crossTenant: [served()],
	},
	{
		method: "post",
		path: "/api/network/check",
		access: access("network.read"),
		ok: 200,
		readOnly: true,
		request: () => ({ body: { model: sampleNetworkModel() } }),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/network/report.pdf",
		access: access("network.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/network/report.xlsx",
		access: access("network.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
	{
		method: "get",
		path: "/api/network/drift",
		access: access("network.read"),
		ok: 200,
		request: () => ({}),
		crossTenant: [served()],
	},
];
