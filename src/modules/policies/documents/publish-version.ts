import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { findOrgUnit } from "../../org/org.repository.ts";
import { policyFor, versionOr404 } from "./access.ts";
import {
	insertPublication,
	insertRevision,
	listVersions,
	updateVersion,
	type VersionRow,
} from "./documents.repository.ts";
import type { PublishInput } from "./documents.schemas.ts";
import { nextStatus } from "./workflow.ts";

/** Today's date in Japan, `YYYY-MM-DD`, for the 改定履歴. */
function japanDate(now: Date): string {
	return new Date(now.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * Publish an approved version to all 職員等 or to chosen units (and the units below them): the
 * previously published version is superseded, a 改定履歴 row is added, and the audience is asked
 * to acknowledge it.
 */
export async function publishVersion(
	tx: Tx,
	actor: Actor,
	versionId: string,
	input: PublishInput,
): Promise<VersionRow> {
	const policy = await policyFor(tx, actor);
	authorize(actor, policy, "policy_version.publish");
	const { version, document } = await versionOr404(tx, actor, policy, versionId);
	const status = nextStatus(version.status, "publish");
	const unitIds = input.audience === "units" ? [...new Set(input.unitIds)] : [];
	if (input.audience === "units" && unitIds.length === 0) {
		throw new Problem("validation_failed", "choose at least one unit", {
			issues: [
				ruleIssue("unitIds", "publish_units_required", "required when the audience is units"),
			],
		});
	}
	for (const unitId of unitIds) {
		if (!(await findOrgUnit(tx, actor.tenantId, unitId))) {
			throw new Problem("validation_failed", `org unit ${unitId} does not exist`, {
				issues: [ruleIssue("unitIds", "org_unit_unknown", "unknown org unit")],
			});
		}
	}
	const now = new Date();
	const at = now.toISOString();
	const previous = (await listVersions(tx, actor.tenantId, [document.id])).find(
		(v) => v.status === "published",
	);
	if (previous) {
		await updateVersion(tx, actor.tenantId, previous.id, {
			status: nextStatus(previous.status, "supersede"),
			superseded_at: at,
		});
	}
	const patch: Partial<VersionRow> = { status, published_at: at };
	await updateVersion(tx, actor.tenantId, version.id, patch);
	await insertPublication(tx, {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		version_id: version.id,
		audience: input.audience,
		unit_ids: JSON.stringify(unitIds),
		published_by: actor.accountId,
		published_at: at,
	});
	await insertRevision(tx, {
		id: randomUUID(),
		tenant_id: actor.tenantId,
		document_id: document.id,
		version_id: version.id,
		date: japanDate(now),
		kind: input.revisionKind,
		summary: version.change_summary,
		created_at: at,
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.version_published",
		{
			documentId: document.id,
			number: version.number,
			audience: input.audience,
			unitIds,
			supersededNumber: previous?.number ?? null,
		},
		{ recordType: "policy_version", recordId: version.id },
	);
	return { ...version, ...patch };
}
