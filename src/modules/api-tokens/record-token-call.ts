import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import type { MachineAuth } from "./resolve-api-token.ts";

/** One call of a machine client, as its audit event names it. */
export interface TokenCall {
	method: string;
	/** The operation's path as declared (`/api/findings/{id}`). */
	route: string;
	/** The path called (`/api/findings/4f…`), to see which record was read. */
	path: string;
	status: number;
}

/** The audit actor id of a token's client (also the actor of its use cases' events). */
export function tokenActorId(auth: MachineAuth): string {
	return `api-token:${auth.token.id}`;
}

/**
 * Audit a machine client's call that no use case audited: every read, and any call refused or
 * failed (its use case's own event, if any, rolled back with it). Recorded as the client.
 *
 * @example
 * await recordTokenCall(db, auth, ip, { method: "GET", route: "/api/findings", path: "/api/findings", status: 200 });
 */
export async function recordTokenCall(
	db: Db,
	auth: MachineAuth,
	ip: string | null,
	call: TokenCall,
): Promise<void> {
	await inTransaction(db, (tx) =>
		recordAudit(
			tx,
			{
				tenantId: auth.token.tenant_id,
				actorId: tokenActorId(auth),
				actorLabel: auth.token.client_name,
				ip,
			},
			"api_token.called",
			{
				method: call.method,
				route: call.route,
				path: call.path.slice(0, 500),
				status: call.status,
				tokenPrefix: auth.token.token_prefix,
			},
			{ recordType: "api_token", recordId: auth.token.id },
		),
	);
}
