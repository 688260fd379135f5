import { systemActor } from "../../src/bootstrap.ts";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import type { NetworkModelFile } from "../../src/modules/network/model.schema.ts";
import { saveNetworkModel } from "../../src/modules/network/save-model.ts";
import type { TenantRow } from "../../src/modules/tenants/tenants.repository.ts";

/**
 * A small α-model network: the three tiers, the LGWAN, the security cloud and the Internet;
 * mail reaches the LGWAN tier through a sanitising gateway (allowed), and a My Number terminal
 * talks straight to the Internet mail server (a violation, `f-bad`).
 */
export function sampleNetworkModel(name = "テスト市 ネットワーク"): NetworkModelFile {
	return {
		formatVersion: 1,
		name,
		addressing: { unmatched: "net" },
		segments: [
			{
				id: "mn",
				kind: "mynumber",
				name: "個人番号利用事務系",
				cidrs: ["10.1.0.0/16"],
				monitoring: true,
			},
			{ id: "lg", kind: "lgwan", name: "LGWAN接続系", cidrs: ["10.2.0.0/16"], monitoring: true },
			{
				id: "in",
				kind: "internet",
				name: "インターネット接続系",
				cidrs: ["10.3.0.0/16"],
				monitoring: true,
			},
			{ id: "lgwan", kind: "lgwan_backbone", name: "LGWAN" },
			{ id: "cloud", kind: "security_cloud", name: "自治体情報セキュリティクラウド" },
			{ id: "net", kind: "internet_external", name: "インターネット" },
		],
		nodes: [
			{
				id: "jumin",
				kind: "system",
				segment: "mn",
				name: "住民基本台帳システム",
				handlesMyNumber: true,
				logCollection: true,
			},
			{
				id: "mn-pc",
				kind: "terminal",
				segment: "mn",
				name: "個人番号系端末",
				mfa: true,
				takeOutBlocked: true,
				addresses: ["10.1.5.0/24"],
			},
			{ id: "lg-pc", kind: "terminal", segment: "lg", name: "LGWAN系端末", mfa: true },
			{
				id: "mail",
				kind: "server",
				segment: "in",
				name: "インターネットメールサーバ",
				addresses: ["10.3.0.25"],
			},
		],
		gateways: [
			{ id: "gw-mail", kind: "sanitizing_mail", name: "メール無害化", between: ["in", "lg"] },
		],
		flows: [
			{
				id: "f-ok",
				source: "mail",
				destination: "lg-pc",
				protocol: "smtp",
				port: 25,
				via: ["gw-mail"],
				purpose: "無害化メール",
			},
			{
				id: "f-bad",
				source: "mn-pc",
				destination: "mail",
				protocol: "https",
				port: 443,
				purpose: "直接接続",
			},
		],
	};
}

/**
 * The sample model, named after the tenant, saved as its first revision: every network table
 * then has a row of the tenant, and a response showing the name shows whose model it is.
 */
export async function makeNetworkFixtures(deps: AppDeps, tenant: TenantRow): Promise<void> {
	const actor = systemActor(tenant.id, "network fixture");
	await inTransaction(deps.db, (tx) =>
		saveNetworkModel(tx, actor, sampleNetworkModel(`${tenant.name} ネットワーク`), {
			source: "edit",
		}),
	);
}
