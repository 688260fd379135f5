import type { Tx } from "../../../db/transaction.ts";
import { refusal } from "../../../shared/issues.ts";
import { auditContextOf, recordAudit } from "../../audit-log/record-audit.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { assertMayReadContent, policyFor, readersOf, versionOr404 } from "./access.ts";
import { audienceOf } from "./audience.ts";
import {
	findPublication,
	insertAcknowledgement,
	listAcknowledgements,
} from "./documents.repository.ts";

/** Record that the caller has read and will comply with a published version (遵守義務). */
export async function acknowledgeVersion(tx: Tx, actor: Actor, versionId: string) {
	const policy = await policyFor(tx, actor);
	authorize(actor, policy, "policy_version.acknowledge");
	const { version, document } = await versionOr404(tx, actor, policy, versionId);
	assertMayReadContent(actor, policy, document);
	const publication = await findPublication(tx, actor.tenantId, version.id);
	if (version.status !== "published" || !publication) {
		throw refusal(
			"conflict",
			"version_not_published",
			"only the published version can be acknowledged",
		);
	}
	const audience = await audienceOf(tx, actor.tenantId, publication, readersOf(policy, document));
	if (!audience.some((m) => m.accountId === actor.accountId)) {
		throw refusal(
			"conflict",
			"version_not_published_to_you",
			"this version was not published to you",
		);
	}
	const done = await listAcknowledgements(tx, actor.tenantId, [version.id]);
	const mine = done.find((a) => a.account_id === actor.accountId);
	if (mine) return mine.acknowledged_at;
	const at = new Date().toISOString();
	await insertAcknowledgement(tx, {
		tenant_id: actor.tenantId,
		version_id: version.id,
		account_id: actor.accountId,
		acknowledged_at: at,
	});
	await recordAudit(
		tx,
		auditContextOf(actor),
		"policy.acknowledged",
		{ documentId: document.id, number: version.number },
		{ recordType: "policy_version", recordId: version.id },
	);
	return at;
}
