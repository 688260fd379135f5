import type { KeyObject } from "node:crypto";
import type { Db } from "../../db/connection.ts";
import { GENESIS_HASH } from "./audit-log.chain.ts";
import {
	type CheckpointLine,
	checkpointFiles,
	type ReadCheckpoint,
	readCheckpointFile,
	readPublicKeys,
} from "./checkpoint-file.ts";
import { claimSignatureValid, keyIdOf } from "./checkpoint-key.ts";
import type { ChainVerdict } from "./verify-chain.ts";

/** A checkpoint that no longer holds, and why. */
export interface CheckpointFailure {
	file: string;
	line: number;
	tenant: string | null;
	seq: number | null;
	reason: string;
}

export interface CheckpointReport {
	checked: number;
	failures: CheckpointFailure[];
}

/** The stored hash of event `seq` of a tenant's chain (seq 0 is the genesis), or null. */
export async function eventHashAt(db: Db, tenantId: string, seq: number): Promise<string | null> {
	if (seq === 0) return GENESIS_HASH;
	const row = await db
		.selectFrom("audit_events")
		.select("hash")
		.where("tenant_id", "=", tenantId)
		.where("seq", "=", seq)
		.executeTakeFirst();
	return row?.hash ?? null;
}

/**
 * Why a signed checkpoint no longer matches the chain, or null when the chain still holds it:
 * the chain verifies up to at least the signed sequence and that event has the signed hash.
 */
export async function checkpointMismatch(
	db: Db,
	checkpoint: CheckpointLine,
	verdict: ChainVerdict,
): Promise<string | null> {
	const { seq } = checkpoint;
	if (verdict.intact && seq > verdict.events) {
		return `it signed event ${seq}, but the chain now has ${verdict.events} events`;
	}
	if (!verdict.intact && seq >= verdict.brokenAt) {
		return `it signed event ${seq}, but the chain is broken at event ${verdict.brokenAt}`;
	}
	if ((await eventHashAt(db, checkpoint.tenantId, seq)) !== checkpoint.hash) {
		return `event ${seq} no longer has the signed hash ${checkpoint.hash.slice(0, 12)}…`;
	}
	return null;
}

/** Whether a checkpoint's signature verifies under the key it names; a reason when not. */
export function signatureProblem(
	keys: ReadonlyMap<string, KeyObject>,
	checkpoint: CheckpointLine,
): string | null {
	const key = keys.get(checkpoint.keyId);
	if (!key) return `its key ${checkpoint.keyId} is not among the directory's public keys`;
	const { signature, v: _version, ...claim } = checkpoint;
	return claimSignatureValid(key, claim, signature) ? null : "its signature does not verify";
}

/**
 * Check every checkpoint in `dir` against the chains judged in `verdicts`: each line must parse,
 * its signature must verify with a public key of the directory (or only `publicKey` when one is
 * pinned), and its tenant's chain must still contain the signed head. Checkpoints of tenants not
 * in `verdicts` are skipped when `onlyThese` is set (verify --tenant), failures otherwise.
 *
 * @example
 * const report = await verifyCheckpoints(db, "/backup/checkpoints", verdicts);
 * if (report.failures.length > 0) process.exitCode = 1;
 */
export async function verifyCheckpoints(
	db: Db,
	dir: string,
	verdicts: readonly ChainVerdict[],
	options: { onlyThese?: boolean; publicKey?: KeyObject } = {},
): Promise<CheckpointReport> {
	const pinned = options.publicKey;
	const keys = pinned ? new Map([[keyIdOf(pinned), pinned]]) : await readPublicKeys(dir);
	const byTenant = new Map(verdicts.map((verdict) => [verdict.tenantId, verdict]));
	const report: CheckpointReport = { checked: 0, failures: [] };
	const fail = (read: ReadCheckpoint, reason: string) =>
		report.failures.push({
			file: read.file,
			line: read.line,
			tenant: read.checkpoint?.tenant ?? null,
			seq: read.checkpoint?.seq ?? null,
			reason,
		});
	const files = await checkpointFiles(dir);
	if (files.length === 0) {
		report.failures.push({
			file: dir,
			line: 0,
			tenant: null,
			seq: null,
			reason: "no checkpoint files in the directory",
		});
		return report;
	}
	for (const file of files) {
		for (const read of await readCheckpointFile(dir, file)) {
			const { checkpoint } = read;
			if (!checkpoint) {
				fail(read, "the line is not a checkpoint");
				continue;
			}
			const verdict = byTenant.get(checkpoint.tenantId);
			if (!verdict && options.onlyThese) continue;
			report.checked++;
			const badSignature = signatureProblem(keys, checkpoint);
			if (badSignature) {
				fail(read, badSignature);
				continue;
			}
			if (!verdict) {
				fail(read, `tenant ${checkpoint.tenant} is no longer in the database`);
				continue;
			}
			const mismatch = await checkpointMismatch(db, checkpoint, verdict);
			if (mismatch) fail(read, mismatch);
		}
	}
	return report;
}
