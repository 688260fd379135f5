import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { assetSummaries } from "../assets/asset-summaries.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { contractSummaries } from "../contracts/contract-summaries.ts";
import { deleteLink, insertLink, linksOf } from "./my-number.repository.ts";
import { keptAffair, type MyNumberDesk } from "./my-number-desk.ts";
import { invalidField, notFound } from "./my-number-problems.ts";

export type LinkKind = "asset" | "contract";

/**
 * Link a ledger asset (a system or file holding the affair's data) or a contract (a contractor,
 * with its 再委託, handling it) by its code, through the assets and contracts modules' reads.
 *
 * @throws Problem `validation_failed` (`my_number_asset_unknown`, `my_number_contract_unknown`);
 * `conflict` (`my_number_link_exists`)
 */
export async function addLink(
	tx: Tx,
	desk: MyNumberDesk,
	affairId: string,
	input: { kind: LinkKind; code: string },
	now: Date = new Date(),
): Promise<void> {
	const { actor } = desk;
	const affair = await keptAffair(tx, desk, affairId);
	let targetId: string;
	if (input.kind === "asset") {
		const [asset] = await assetSummaries(tx, actor.tenantId, { codes: [input.code] });
		if (!asset) throw invalidField("code", "my_number_asset_unknown", "no such ledger asset");
		targetId = asset.assetId;
	} else {
		const [contract] = await contractSummaries(tx, actor.tenantId, { codes: [input.code] });
		if (!contract) throw invalidField("code", "my_number_contract_unknown", "no such contract");
		targetId = contract.contractId;
	}
	const links = await linksOf(tx, actor.tenantId, [affair.id]);
	if (links.some((link) => link.kind === input.kind && link.target_id === targetId))
		throw refusal("conflict", "my_number_link_exists", "this is already linked to the affair");
	await insertLink(tx, {
		tenant_id: actor.tenantId,
		affair_id: affair.id,
		kind: input.kind,
		target_id: targetId,
		created_at: now.toISOString(),
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.link_added",
		{ affairId: affair.id, kind: input.kind, targetId, code: input.code },
		{ recordType: "my_number_affair", recordId: affair.id },
	);
}

/** Unlink an asset or contract from the affair. @throws Problem `not_found` */
export async function removeLink(
	tx: Tx,
	desk: MyNumberDesk,
	affairId: string,
	kind: LinkKind,
	targetId: string,
): Promise<void> {
	const { actor } = desk;
	const affair = await keptAffair(tx, desk, affairId);
	if (!(await deleteLink(tx, actor.tenantId, affair.id, kind, targetId))) throw notFound("link");
	await recordAudit(
		tx,
		auditContextOf(actor),
		"my_number.link_removed",
		{ affairId: affair.id, kind, targetId },
		{ recordType: "my_number_affair", recordId: affair.id },
	);
}
