import { randomUUID } from "node:crypto";
import type { Tx } from "../../../db/transaction.ts";
import { ruleIssue } from "../../../shared/issues.ts";
import { Problem } from "../../../shared/problem.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { findOrgUnit } from "../../org/org.repository.ts";
import type { PolicyPack } from "../pack/pack.schema.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { policyFor, versionOr404 } from "./access.ts";
import {
	insertPublication,
	insertRevision,
	listVersions,
	updateVersion,
	type VersionRow,
} from "./documents.repository.ts";
import type { PublishInput } from "./documents.schemas.ts";
import { assertNotDrafter, separatesDrafter } from "./separation.ts";
import { nextStatus } from "./workflow.ts";

/**
 * The decision the version was taken by: the 委員会決定日 when the pack's committee decides the
 * policy, the 決裁番号 when a role does. The one the pack calls for is required.
 */
function decisionOf(pack: PolicyPack | undefined, input: PublishInput) {
	const byCommittee = pack?.organisation.approvals.policy.approver === "committee";
	const path = byCommittee ? "committeeDecidedOn" : "decisionNumber";
	if (input[path] === undefined) {
		throw new Problem("validation_failed", `${path} is required when publishing`, {
			issues: [{ path, message: "required", code: "decision_required", params: { field: path } }],
		});
	}
	return {
		decision_number: input.decisionNumber ?? null,
		committee_decided_on: input.committeeDecidedOn ?? null,
	};
}

/**
 * Publish an approved version to all 職員等 or to chosen units (and the units below them): the
 * previously published version is superseded, a 改定履歴 row dated on its 施行日 is added, and
 * the audience is asked to acknowledge it. The 施行日 and the decision (決裁番号 or 委員会決定日)
 * are stored with the version. When the pack separates them, its drafter may not publish it.
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
	const pack = (await currentTenantPack(tx, actor.tenantId))?.pack;
	assertNotDrafter(separatesDrafter(pack), actor, version, "publish");
	const decision = decisionOf(pack, input);
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
	const at = new Date().toISOString();
	const previous = (await listVersions(tx, actor.tenantId, [document.id])).find(
		(v) => v.status === "published",
	);
	if (previous) {
		await updateVersion(tx, actor.tenantId, previous.id, {
			status: nextStatus(previous.status, "supersede"),
			superseded_at: at,
		});
	}
	const patch: Partial<VersionRow> = {
		status,
		published_at: at,
		effective_on: input.effectiveOn,
		...decision,
	};
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
		date: input.effectiveOn,
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
			effectiveOn: input.effectiveOn,
			decisionNumber: decision.decision_number,
			committeeDecidedOn: decision.committee_decided_on,
		},
		{ recordType: "policy_version", recordId: version.id },
	);
	return { ...version, ...patch };
}
