import type { Db } from "../../db/connection.ts";
import { authorize } from "../authz/policy.ts";
import type { Actor } from "../authz/roles.ts";
import { auditLogPolicy } from "./audit-log.policy.ts";
import { checkpointFiles, readCheckpointFile, readPublicKeys } from "./checkpoint-file.ts";
import { eventHashAt, signatureProblem } from "./verify-checkpoints.ts";

export interface LatestCheckpoint {
	at: string;
	seq: number;
	hash: string;
	keyId: string;
	file: string;
	/** The signature verifies with the public key in the checkpoint directory. */
	signatureValid: boolean;
	/** The chain still has event `seq` with the signed hash, and its head is at or past it. */
	inChain: boolean;
}

/**
 * The caller's tenant's newest signed checkpoint, checked: its signature, and whether the chain
 * still holds the signed head (the cheap check; `mamori audit verify --checkpoints` walks all).
 *
 * @example
 * const latest = await latestCheckpoint(db, actor, checkpointDirOf(config));
 */
export async function latestCheckpoint(
	db: Db,
	actor: Actor,
	dir: string,
): Promise<LatestCheckpoint | null> {
	authorize(actor, auditLogPolicy, "audit-log.read");
	const files = await checkpointFiles(dir);
	for (const file of files.reverse()) {
		const lines = await readCheckpointFile(dir, file);
		const found = lines.reverse().find((read) => read.checkpoint?.tenantId === actor.tenantId);
		const checkpoint = found?.checkpoint;
		if (!checkpoint) continue;
		const head = await db
			.selectFrom("audit_heads")
			.select("seq")
			.where("tenant_id", "=", actor.tenantId)
			.executeTakeFirst();
		const inChain =
			head !== undefined &&
			Number(head.seq) >= checkpoint.seq &&
			(await eventHashAt(db, actor.tenantId, checkpoint.seq)) === checkpoint.hash;
		return {
			at: checkpoint.at,
			seq: checkpoint.seq,
			hash: checkpoint.hash,
			keyId: checkpoint.keyId,
			file,
			signatureValid: signatureProblem(await readPublicKeys(dir), checkpoint) === null,
			inChain,
		};
	}
	return null;
}
