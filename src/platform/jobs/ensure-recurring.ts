import { randomUUID } from "node:crypto";
import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { listTenants } from "../../modules/tenants/tenants.repository.ts";
import { DEFAULT_MAX_ATTEMPTS } from "./enqueue-job.ts";
import type { JobDeclaration } from "./job.ts";
import { existingKeys, insertJobsIfAbsent, type JobRow } from "./jobs.repository.ts";
import { nextDailyOccurrence, occurrenceKey } from "./schedule.ts";

/**
 * Make sure the next occurrence of every recurring job is queued (per tenant when declared so).
 * Idempotent and safe across processes: an occurrence is named by its unique key, and a second
 * insert of it does nothing. An occurrence that was missed while no process ran stays pending
 * and runs at the next pass. Returns how many occurrences were added.
 */
export async function ensureRecurring(
	db: Db,
	declarations: readonly JobDeclaration[],
	now: Date,
): Promise<number> {
	const recurring = declarations.filter((d) => d.recurring);
	if (recurring.length === 0) return 0;
	const tenants = recurring.some((d) => d.recurring?.perTenant) ? await listTenants(db) : [];
	const wanted: JobRow[] = [];
	const at = now.toISOString();
	for (const declaration of recurring) {
		const schedule = declaration.recurring;
		if (!schedule) continue;
		const next = nextDailyOccurrence(now, schedule.hourJst);
		const owners = schedule.perTenant ? tenants.map((t) => t.id) : [null];
		for (const tenantId of owners) {
			wanted.push({
				id: randomUUID(),
				tenant_id: tenantId,
				name: declaration.name,
				payload: "{}",
				status: "pending",
				due_at: next.dueAt,
				attempts: 0,
				max_attempts: declaration.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
				lease_owner: null,
				lease_until: null,
				last_error: null,
				unique_key: occurrenceKey(declaration.name, tenantId, next.date),
				created_at: at,
				updated_at: at,
				finished_at: null,
			});
		}
	}
	// Read first, so that a pass with nothing to add writes nothing.
	const present = await existingKeys(
		db,
		wanted.map((row) => row.unique_key ?? ""),
	);
	const missing = wanted.filter((row) => !present.has(row.unique_key ?? ""));
	if (missing.length === 0) return 0;
	return inTransaction(db, (tx) => insertJobsIfAbsent(tx, missing));
}
