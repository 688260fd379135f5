import type { Queryable } from "../../../db/queryable.ts";
import { refusal } from "../../../shared/issues.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { policyFor, readersOf, versionOr404 } from "./access.ts";
import { type AudienceMember, audienceOf } from "./audience.ts";
import type { DocumentsPolicy } from "./documents.policy.ts";
import {
	type DocumentRow,
	findPublication,
	listAcknowledgements,
	listCurrentPublications,
	type VersionRow,
} from "./documents.repository.ts";

/** The caller's published versions: those still to acknowledge, and those done. */
export async function myAcknowledgements(db: Queryable, actor: Actor) {
	const policy = await policyFor(db, actor);
	authorize(actor, policy, "policy_version.acknowledge");
	const publications = await listCurrentPublications(db, actor.tenantId);
	const acks = await listAcknowledgements(
		db,
		actor.tenantId,
		publications.map((p) => p.version_id),
	);
	const items = [];
	for (const publication of publications) {
		const readers = readersOf(policy, {
			publication: publication.document_publication,
			kind: publication.document_kind,
		});
		const audience = await audienceOf(db, actor.tenantId, publication, readers);
		if (!audience.some((m) => m.accountId === actor.accountId)) continue;
		const ack = acks.find(
			(a) => a.version_id === publication.version_id && a.account_id === actor.accountId,
		);
		items.push({ publication, acknowledgedAt: ack?.acknowledged_at ?? null });
	}
	return items;
}

export interface UnitCompletion {
	unitId: string | null;
	unitName: string | null;
	total: number;
	acknowledged: number;
}

/** Who was asked to acknowledge a version, who has, per unit; for managers. */
export async function acknowledgementStatus(db: Queryable, actor: Actor, versionId: string) {
	const policy = await policyFor(db, actor);
	authorize(actor, policy, "policy_acknowledgement.monitor");
	const { version, document } = await versionOr404(db, actor, policy, versionId);
	return completionOf(db, actor.tenantId, policy, version, document);
}

export type Completion = Awaited<ReturnType<typeof completionOf>>;

/**
 * The completion of a version once the caller has been authorised (or for the module's own
 * scheduled work, which acts for no person).
 */
export async function completionOf(
	db: Queryable,
	tenantId: string,
	policy: DocumentsPolicy,
	version: VersionRow,
	document: DocumentRow,
) {
	const publication = await findPublication(db, tenantId, version.id);
	if (!publication)
		throw refusal("conflict", "version_not_published", "this version has not been published");
	const audience = await audienceOf(db, tenantId, publication, readersOf(policy, document));
	const acks = await listAcknowledgements(db, tenantId, [version.id]);
	const ackedAt = new Map(acks.map((a) => [a.account_id, a.acknowledged_at]));
	const units = new Map<string, UnitCompletion>();
	for (const member of audience) {
		const key = member.unitId ?? "";
		const unit = units.get(key) ?? {
			unitId: member.unitId,
			unitName: member.unitName,
			total: 0,
			acknowledged: 0,
		};
		unit.total += 1;
		if (ackedAt.has(member.accountId)) unit.acknowledged += 1;
		units.set(key, unit);
	}
	const pending: AudienceMember[] = audience.filter((m) => !ackedAt.has(m.accountId));
	return {
		version,
		document,
		publication,
		total: audience.length,
		acknowledged: audience.length - pending.length,
		units: [...units.values()].sort((a, b) =>
			(a.unitName ?? "\uffff").localeCompare(b.unitName ?? "\uffff", "ja"),
		),
		pending,
	};
}
