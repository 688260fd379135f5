import type { Tx } from "../../../db/transaction.ts";
import { refusal, ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import { inScope } from "../asset-scope.ts";
import { findAsset, updateAssetRow } from "../assets.repository.ts";
import type { Ledger } from "../ledger.ts";
import { type DisposalMethod, finalLifecycle } from "./disposal-rules.ts";
import { disposalsPolicy } from "./disposals.policy.ts";
import {
	closeDisposalRow,
	type DisposalRow,
	findDisposal,
	listDisposalFiles,
} from "./disposals.repository.ts";
import { needsCertificate, visibleDisposal } from "./present-disposal.ts";

/**
 * Close a disposal record: the asset becomes 廃棄済 (`disposed`) or 返却済 (`returned`). Storage
 * media (kind `systems`) cannot be closed without an erasure certificate.
 *
 * @throws Problem `validation_failed` when a required certificate is missing; `conflict` when the
 * record is closed already
 */
export async function closeDisposal(
	tx: Tx,
	ledger: Ledger,
	disposalId: string,
	now: string = new Date().toISOString(),
): Promise<DisposalRow> {
	const { actor } = ledger;
	authorize(actor, disposalsPolicy, "disposal.record");
	const disposal = visibleDisposal(ledger, await findDisposal(tx, actor.tenantId, disposalId));
	if (!inScope(ledger.write, disposal.owner_unit_id)) {
		throw refusal("forbidden", "read_only_scope", "you may read this record but not close it");
	}
	if (disposal.status !== "recorded")
		throw refusal("conflict", "disposal_closed", "the record is closed already");
	const files = await listDisposalFiles(tx, actor.tenantId, [disposal.id]);
	const certificates = files.filter((file) => file.kind === "certificate").length;
	if (certificates === 0 && needsCertificate(ledger, disposal)) {
		throw new Problem(
			"validation_failed",
			"storage media cannot be closed as disposed without an erasure certificate (消去証明書)",
			{
				issues: [
					ruleIssue(
						"files",
						"disposal_certificate_required",
						"attach the erasure certificate first",
					),
				],
			},
		);
	}
	const asset = await findAsset(tx, actor.tenantId, disposal.asset_id);
	if (!asset) throw new Problem("not_found", "no such asset");
	const lifecycle = finalLifecycle(disposal.method as DisposalMethod);
	const saved = await updateAssetRow(tx, actor.tenantId, asset.id, asset.version, {
		lifecycle,
		updated_by: actor.accountId,
		updated_at: now,
	});
	const closed = await closeDisposalRow(tx, actor.tenantId, disposal.id, {
		closed_by: actor.accountId,
		closed_by_label: actor.label,
		closed_at: now,
	});
	if (!saved || !closed)
		throw refusal("conflict", "stale_version", "the record changed meanwhile; reload");
	await recordAudit(
		tx,
		auditContextOf(actor),
		"asset.disposal_closed",
		{ disposalId: disposal.id, code: asset.code, lifecycle, certificates },
		{ recordType: "asset", recordId: asset.id },
	);
	return (await findDisposal(tx, actor.tenantId, disposal.id)) as DisposalRow;
}
