import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { Problem } from "../../shared/problem.ts";
import type { Actor } from "../authz/roles.ts";
import {
	type ApiTokenRow,
	apiTokenHash,
	findApiTokenByHash,
	touchLastUsed,
} from "./api-tokens.repository.ts";
import { tokenState } from "./manage-api-tokens.ts";
import { API_SCOPES, type ApiScope, isApiScope } from "./scopes.ts";

/** Record the last use at most this often: it is shown to the administrator, not a counter. */
const TOUCH_INTERVAL_MS = 60_000;

/** A machine client's call: its token and the scopes it holds. */
export interface MachineAuth {
	token: ApiTokenRow;
	scopes: ApiScope[];
}

/**
 * The token of a bearer call, or a refusal at once: unknown → `api_token_invalid`, past its
 * expiry → `api_token_expired`, revoked → `api_token_revoked`. Records its last use.
 */
export async function resolveApiToken(
	db: Db,
	token: string,
	now = new Date(),
): Promise<MachineAuth> {
	const row = await findApiTokenByHash(db, apiTokenHash(token));
	if (!row) throw new Problem("api_token_invalid", "unknown API token");
	const state = tokenState(row, now);
	if (state === "revoked") throw new Problem("api_token_revoked", "the API token was revoked");
	if (state === "expired") throw new Problem("api_token_expired", "the API token has expired");
	if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
		// Bookkeeping only: a call must not fail because an import holds the write lock.
		await inTransaction(db, (tx) => touchLastUsed(tx, row.id, now.toISOString())).catch(() => {});
	}
	const scopes = (JSON.parse(row.scopes) as string[]).filter(isApiScope);
	return { token: row, scopes };
}

/**
 * The actor of a machine client on an operation admitted by `scope`: the client as the audit
 * log's actor, holding that scope's roles and no others.
 */
export function machineActor(auth: MachineAuth, scope: ApiScope, ip: string | null): Actor {
	return {
		tenantId: auth.token.tenant_id,
		accountId: `api-token:${auth.token.id}`,
		label: auth.token.client_name,
		roles: API_SCOPES[scope].roles.map((role) => ({ role, orgUnitId: null })),
		ip,
		client: { tokenId: auth.token.id, name: auth.token.client_name },
	};
}
