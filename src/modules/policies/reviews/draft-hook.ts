import type { Tx } from "../../../db/transaction.ts";
import type { Actor } from "../../authz/roles.ts";

/**
 * HOOK for the policy-documents module: open a new draft version of the tenant's basic policy
 * after a review decided to revise it, inside the decision's transaction; return its id.
 *
 * TODO(policy-documents): call the documents module's create-draft use case here (with a note
 * pointing at review `reviewId`). Until then the decision is recorded and no draft is opened.
 */
export function openDraftForReview(
	_tx: Tx,
	_actor: Actor,
	_review: { id: string; fiscalYear: number; reason: string },
): Promise<string | null> {
	return Promise.resolve(null);
}
