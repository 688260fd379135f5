import type { Queryable } from "../../../db/queryable.ts";
import { can } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { policyFor } from "./access.ts";
import { listDocuments, listVersions } from "./documents.repository.ts";

/** Policy versions waiting for the caller's next step, for "what waits for me" on Home. */
export interface VersionsAwaiting {
	/** Versions in review the caller may approve (or return). */
	toApprove: number;
	/** Approved versions the caller may publish. */
	toPublish: number;
}

/**
 * Count the versions in review that the caller's roles approve, and the approved ones they publish.
 *
 * @example
 * const { toApprove } = await versionsAwaiting(db, actor);
 */
export async function versionsAwaiting(db: Queryable, actor: Actor): Promise<VersionsAwaiting> {
	const policy = await policyFor(db, actor);
	const approves = can(actor, policy, "policy_version.approve");
	const publishes = can(actor, policy, "policy_version.publish");
	if (!approves && !publishes) return { toApprove: 0, toPublish: 0 };
	const documents = await listDocuments(db, actor.tenantId);
	const versions = await listVersions(
		db,
		actor.tenantId,
		documents.map((d) => d.id),
	);
	return {
		toApprove: approves ? versions.filter((v) => v.status === "in_review").length : 0,
		toPublish: publishes ? versions.filter((v) => v.status === "approved").length : 0,
	};
}
