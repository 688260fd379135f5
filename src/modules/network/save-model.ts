import { randomUUID } from "node:crypto";
import type { NetworkModelTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";
import { refusal } from "../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../audit-log/record-audit.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { checkModel } from "./check-model.ts";
import type { NetworkModelFile } from "./model.schema.ts";
import { networkPolicy } from "./network.policy.ts";
import {
	findNetworkModel,
	insertNetworkModelRevision,
	upsertNetworkModel,
} from "./network.repository.ts";
import { requireTenantPack } from "./read-model.ts";

export const SAVE_SOURCES = ["edit", "import", "firewall_import"] as const;
export type SaveSource = (typeof SAVE_SOURCES)[number];

export interface SaveOptions {
	source: SaveSource;
	/** The revision the caller edited; a save over a newer one is refused (`conflict`). */
	baseRevision?: number | undefined;
	now?: string;
}

/**
 * Save a validated model as the tenant's next revision: the current row moves on, a history row
 * keeps this revision, and the audit event (with the violation count) is written in the same
 * transaction.
 *
 * @throws Problem `forbidden`; `conflict` when `baseRevision` is not the current revision.
 */
export async function saveNetworkModel(
	tx: Tx,
	actor: Actor,
	model: NetworkModelFile,
	options: SaveOptions,
): Promise<NetworkModelTable> {
	authorize(actor, networkPolicy, "network.edit");
	const now = options.now ?? new Date().toISOString();
	const pack = await requireTenantPack(tx, actor.tenantId);
	const current = await findNetworkModel(tx, actor.tenantId);
	const currentRevision = current?.revision ?? 0;
	if (options.baseRevision !== undefined && options.baseRevision !== currentRevision) {
		throw refusal(
			"conflict",
			"model_revision_stale",
			`the model was saved as revision ${currentRevision} since you opened revision ${options.baseRevision}; reload it and apply your changes again`,
			{ current: currentRevision, base: options.baseRevision },
		);
	}
	const content = JSON.stringify(model);
	const row: NetworkModelTable = {
		tenant_id: actor.tenantId,
		revision: currentRevision + 1,
		content,
		updated_by: actor.accountId,
		updated_by_label: actor.label,
		updated_at: now,
	};
	await upsertNetworkModel(tx, row);
	const revisionId = randomUUID();
	await insertNetworkModelRevision(tx, {
		id: revisionId,
		tenant_id: actor.tenantId,
		revision: row.revision,
		source: options.source,
		content,
		saved_by: actor.accountId,
		saved_by_label: actor.label,
		saved_at: now,
	});
	const report = checkModel(model, pack.pack);
	await recordAudit(
		tx,
		auditContextOf(actor),
		"network_model.saved",
		{
			revision: row.revision,
			source: options.source,
			nodes: model.nodes.length,
			flows: model.flows.length,
			violations: report.violations.length,
		},
		{ recordType: "network_model", recordId: revisionId },
	);
	return row;
}
