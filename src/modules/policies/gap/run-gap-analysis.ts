import type { Queryable } from "../../../db/queryable.ts";
import { authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
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
 * Input adapter: an uploaded or pasted policy text, imported into sections. Other sources (the
 * tenant's published 基本方針 from the policy-documents module) produce the same
 * `PolicyImportResult` and go straight to {@link analyseTenantPolicy}.
 *
 * @throws Problem `validation_failed` for text that is not a numbered policy.
 */
export function importGapSource(source: GapSource): PolicyImportResult {
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
export function runGapAnalysis(
	db: Queryable,
	actor: Actor,
	source: GapSource,
): Promise<GapAnalysis> {
	authorize(actor, gapPolicy, "policy_gap.analyse");
	return analyseTenantPolicy(db, actor, importGapSource(source));
}

// TODO(policy-documents): when the tenant's 基本方針 is published in the documents module, add a
// route (or a `source: "published"` option) that loads its text, runs `importPolicyText` on it and
// calls `analyseTenantPolicy`; nothing else here needs to change.
