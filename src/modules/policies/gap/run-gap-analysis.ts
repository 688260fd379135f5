import type { Queryable } from "../../../db/queryable.ts";
import { refusal } from "../../../shared/issues.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { publishedBasicPolicy } from "../documents/published-basic-policy.ts";
import type { PolicyImportResult } from "../import/import.schemas.ts";
import { importPolicyFile, importPolicyText } from "../import/import-policy.ts";
import { loadBundledPack } from "../pack/load-pack.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { analyseGaps } from "./analyse-gaps.ts";
import { gapPolicy } from "./gap.policy.ts";
import type { GapAnalysis, GapSource } from "./gap.schemas.ts";

/** The pack every tenant's policy is compared with. */
export const BASELINE_PACK_ID = "standard";

/**
 * Input adapter: an uploaded or pasted policy text, or the tenant's own published 基本方針 from
 * the documents module, as the same `PolicyImportResult`.
 *
 * @throws Problem `validation_failed` for text that is not a numbered policy.
 */
export async function importGapSource(
	db: Queryable,
	tenantId: string,
	source: GapSource,
): Promise<PolicyImportResult> {
	if (source.document === "basic_policy") {
		const published = await publishedBasicPolicy(db, tenantId);
		if (!published)
			throw refusal(
				"conflict",
				"no_published_basic_policy",
				"this tenant has no published 基本方針 yet; publish one or upload a text",
			);
		const imported = importPolicyText(published.text);
		// The document's own 改定履歴 table, not a parse of it.
		const revisions = published.revisions.map((r, i) => ({
			no: i + 1,
			date: r.date,
			dateText: r.date,
			summary: r.summary,
			line: 1,
		}));
		return { ...imported, title: published.title, revisions };
	}
	if (source.text !== undefined) return importPolicyText(source.text);
	return importPolicyFile(Buffer.from(source.fileBase64 ?? "", "base64"));
}

/**
 * Compare a tenant's basic policy (already imported into sections) with the standard baseline,
 * reading the tenant's pack for what it records about each provision.
 *
 * @example
 * const result = await analyseTenantPolicy(db, actor, importGapSource({ text }));
 */
export async function analyseTenantPolicy(
	db: Queryable,
	actor: Actor,
	imported: PolicyImportResult,
): Promise<GapAnalysis> {
	authorize(actor, gapPolicy, "policy_gap.analyse");
	const tenantPack = await currentTenantPack(db, actor.tenantId);
	return analyseGaps(imported, tenantPack?.pack ?? null, loadBundledPack(BASELINE_PACK_ID));
}

/** The upload route's use case: authorise, import the sent text, compare. */
export async function runGapAnalysis(
	db: Queryable,
	actor: Actor,
	source: GapSource,
): Promise<GapAnalysis> {
	authorize(actor, gapPolicy, "policy_gap.analyse");
	return analyseTenantPolicy(db, actor, await importGapSource(db, actor.tenantId, source));
}
