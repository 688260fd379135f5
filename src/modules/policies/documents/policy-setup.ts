import type { Queryable } from "../../../db/queryable.ts";
import { listDocuments, listVersions } from "./documents.repository.ts";

/** How far the tenant's policy documents are, for the first-steps checklist on Home. */
export interface PolicySetupStatus {
	/** Documents with at least one version (imported or written). */
	drafted: number;
	/** Documents with a published version. */
	published: number;
	/** Whether the 基本方針 is published: the step is done then. */
	basicPublished: boolean;
}

/**
 * Count the tenant's policy documents that have versions and that are published.
 *
 * @example
 * const { basicPublished } = await policySetupStatus(db, tenantId);
 */
export async function policySetupStatus(
	db: Queryable,
	tenantId: string,
): Promise<PolicySetupStatus> {
	const documents = await listDocuments(db, tenantId);
	const versions = await listVersions(
		db,
		tenantId,
		documents.map((d) => d.id),
	);
	const withVersions = new Set(versions.map((v) => v.document_id));
	const published = new Set(
		versions.filter((v) => v.status === "published").map((v) => v.document_id),
	);
	const basic = documents.find((d) => d.kind === "basic_policy");
	return {
		drafted: withVersions.size,
		published: published.size,
		basicPublished: basic ? published.has(basic.id) : false,
	};
}
