import { randomUUID } from "node:crypto";
import { inTransaction } from "../../src/db/transaction.ts";
import type { AppDeps } from "../../src/deps.ts";
import { currentTenantPack } from "../../src/modules/policies/pack/tenant-pack.repository.ts";
import { insertReview } from "../../src/modules/policies/reviews/reviews.repository.ts";
import { EMPTY_INPUTS } from "../../src/modules/policies/reviews/reviews.schemas.ts";

/**
 * An open, ad-hoc policy review of the tenant with every threat of its pack rated, so that it
 * can be decided at once. Returns its id.
 */
export async function makeReview(deps: AppDeps, tenantId: string): Promise<string> {
	const pack = await currentTenantPack(deps.db, tenantId);
	const riskAnalysis = (pack?.pack.threats ?? []).map((threat) => ({
		threat: threat.code,
		likelihood: 2,
		impact: 2,
	}));
	const id = randomUUID();
	const now = new Date().toISOString();
	await inTransaction(deps.db, (tx) =>
		insertReview(tx, {
			id,
			tenant_id: tenantId,
			fiscal_year: 2026,
			trigger: "as_needed",
			schedule_key: null,
			due_on: "2027-03-31",
			status: "open",
			inputs: JSON.stringify({ ...EMPTY_INPUTS, riskAnalysis }),
			decision: null,
			decision_reason: null,
			decided_by: null,
			decided_at: null,
			draft_version_id: null,
			created_by: "fixture",
			created_at: now,
			updated_at: now,
		}),
	);
	return id;
}
