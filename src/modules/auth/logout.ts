import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { recordAudit } from "../audit-log/record-audit.ts";
import type { RequestAuth } from "./resolve-session.ts";
import { deleteSession } from "./sessions.repository.ts";

export async function logout(deps: AppDeps, auth: RequestAuth, ip: string | null): Promise<void> {
	const { account } = auth;
	await inTransaction(deps.db, async (tx) => {
		await deleteSession(tx, auth.session.id);
		await recordAudit(
			tx,
			{ tenantId: account.tenant_id, actorId: account.id, actorLabel: account.display_name, ip },
			"auth.logout",
			{},
			{ recordType: "account", recordId: account.id },
		);
	});
}
