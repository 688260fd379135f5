import { type Config, checkpointDirOf } from "../../config.ts";
import type { Db } from "../../db/connection.ts";
import { inTransaction } from "../../db/transaction.ts";
import { listTenants } from "../tenants/tenants.repository.ts";
import { appendCheckpoints, lineOf } from "./checkpoint-file.ts";
import {
	type CheckpointClaim,
	type CheckpointKey,
	loadCheckpointKey,
	signClaim,
} from "./checkpoint-key.ts";
import { recordAudit } from "./record-audit.ts";

export interface CheckpointOptions {
	/** The checkpoint directory (`checkpointDirOf(config)`). */
	dir: string;
	key: CheckpointKey;
	/** Who asked, as recorded in each tenant's `audit.checkpointed` event. */
	actorLabel: string;
	now?: Date;
}

export interface WrittenCheckpoint extends CheckpointClaim {
	file: string;
}

/**
 * Sign the head (sequence and hash) of every tenant's audit chain and append the signed heads
 * to the day's checkpoint file, like a Certificate Transparency signed tree head or a CloudTrail
 * digest file. The file is written (and flushed) first: it is the anchor outside the database.
 * Then each tenant's chain records an `audit.checkpointed` event naming the signed head.
 *
 * A later `mamori audit verify --checkpoints DIR` fails when a chain no longer contains a head
 * that was signed: events deleted and `audit_heads` rewound can no longer pass as intact.
 *
 * @example
 * const written = await checkpointAuditChains(db, { dir, key, actorLabel: "scheduler" });
 */
export async function checkpointAuditChains(
	db: Db,
	options: CheckpointOptions,
): Promise<WrittenCheckpoint[]> {
	const at = (options.now ?? new Date()).toISOString();
	const tenants = await listTenants(db);
	const claims: CheckpointClaim[] = [];
	for (const tenant of tenants) {
		const head = await db
			.selectFrom("audit_heads")
			.select(["seq", "hash"])
			.where("tenant_id", "=", tenant.id)
			.executeTakeFirst();
		if (!head) continue;
		claims.push({
			tenantId: tenant.id,
			tenant: tenant.slug,
			seq: Number(head.seq),
			hash: head.hash,
			at,
			keyId: options.key.keyId,
		});
	}
	if (claims.length === 0) return [];
	const lines = claims.map((claim) => lineOf(claim, signClaim(options.key, claim)));
	const file = await appendCheckpoints(options.dir, options.key, at, lines);
	for (const claim of claims) {
		await inTransaction(db, (tx) =>
			recordAudit(
				tx,
				{ tenantId: claim.tenantId, actorId: null, actorLabel: options.actorLabel, ip: null },
				"audit.checkpointed",
				{ seq: claim.seq, hash: claim.hash, keyId: claim.keyId, file },
			),
		);
	}
	return claims.map((claim) => ({ ...claim, file }));
}

/**
 * The daily job: checkpoint every tenant's chain with the configured key and directory. The
 * platform scheduler declares a daily job that calls this.
 *
 * @example
 * await dailyAuditCheckpoint({ db, config }); // from the scheduler's job, once a day
 */
export function dailyAuditCheckpoint(
	deps: { db: Db; config: Pick<Config, "dataDir" | "checkpointDir"> },
	now: Date = new Date(),
	actorLabel = "scheduler",
): Promise<WrittenCheckpoint[]> {
	return checkpointAuditChains(deps.db, {
		dir: checkpointDirOf(deps.config),
		key: loadCheckpointKey(deps.config.dataDir),
		actorLabel,
		now,
	});
}
