import type { Queryable } from "../../db/queryable.ts";
import type { OidcSignInRequestTable } from "../../db/schema.ts";
import type { Tx } from "../../db/transaction.ts";

export type SignInRequestRow = OidcSignInRequestTable;

export async function insertSignInRequest(tx: Tx, row: SignInRequestRow): Promise<void> {
	await tx.insertInto("oidc_sign_in_requests").values(row).execute();
}

/** Sign-ins nobody came back from, past their expiry (any tenant): nothing to keep. */
export async function deleteExpiredSignInRequests(tx: Tx, now: string): Promise<void> {
	await tx.deleteFrom("oidc_sign_in_requests").where("expires_at", "<", now).execute();
}

export function findSignInRequest(db: Queryable, tenantId: string, stateHash: string) {
	return db
		.selectFrom("oidc_sign_in_requests")
		.selectAll()
		.where("tenant_id", "=", tenantId)
		.where("state_hash", "=", stateHash)
		.executeTakeFirst();
}

/** Mark the request used; false when it already was (a replay, or a race with one). */
export async function useSignInRequest(
	tx: Tx,
	tenantId: string,
	stateHash: string,
	now: string,
): Promise<boolean> {
	const result = await tx
		.updateTable("oidc_sign_in_requests")
		.set({ used_at: now })
		.where("tenant_id", "=", tenantId)
		.where("state_hash", "=", stateHash)
		.where("used_at", "is", null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
