import { createPublicKey, type KeyObject } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import {
	type CheckpointClaim,
	type CheckpointKey,
	keyIdOf,
	publicKeyPem,
} from "./checkpoint-key.ts";

/**
 * The checkpoint directory: one append-only JSON-lines file per UTC day
 * (`audit-checkpoints-YYYY-MM-DD.jsonl`) and the public key of every key that signed in it
 * (`checkpoint-<keyId>.pub.pem`), so that a verifier needs the directory and nothing else.
 */

export const checkpointLineSchema = z.strictObject({
	v: z.literal(1),
	tenantId: z.string(),
	tenant: z.string(),
	seq: z.number().int().nonnegative(),
	hash: z.string().regex(/^[0-9a-f]{64}$/),
	at: z.string(),
	keyId: z.string(),
	signature: z.string(),
});

export type CheckpointLine = z.infer<typeof checkpointLineSchema>;

/** One line of a checkpoint file, where it was read, and what it holds (null when unreadable). */
export interface ReadCheckpoint {
	file: string;
	line: number;
	checkpoint: CheckpointLine | null;
}

const FILE_PATTERN = /^audit-checkpoints-\d{4}-\d{2}-\d{2}\.jsonl$/;
const KEY_PATTERN = /^checkpoint-[0-9a-f]+\.pub\.pem$/;

export function checkpointFileName(at: string): string {
	return `audit-checkpoints-${at.slice(0, 10)}.jsonl`;
}

export function lineOf(claim: CheckpointClaim, signature: string): string {
	return JSON.stringify({ v: 1, ...claim, signature } satisfies CheckpointLine);
}

/**
 * Append lines to the day's file (created 0644, flushed to disk before returning) and write the
 * public key beside it when it is not there yet. Returns the file's name.
 */
export async function appendCheckpoints(
	dir: string,
	key: CheckpointKey,
	at: string,
	lines: string[],
): Promise<string> {
	await mkdir(dir, { recursive: true });
	const keyFile = join(dir, `checkpoint-${key.keyId}.pub.pem`);
	if (!existsSync(keyFile)) await writeFile(keyFile, publicKeyPem(key), { mode: 0o644 });
	const name = checkpointFileName(at);
	const handle = await open(join(dir, name), "a", 0o644);
	try {
		await handle.write(lines.map((line) => `${line}\n`).join(""));
		await handle.sync();
	} finally {
		await handle.close();
	}
	return name;
}

/** The public keys found in the directory, by the key id computed from each (not its name). */
export async function readPublicKeys(dir: string): Promise<Map<string, KeyObject>> {
	const keys = new Map<string, KeyObject>();
	for (const name of await listDir(dir)) {
		if (!KEY_PATTERN.test(name)) continue;
		try {
			const key = createPublicKey(await readFile(join(dir, name), "utf8"));
			if (key.asymmetricKeyType === "ed25519") keys.set(keyIdOf(key), key);
		} catch {
			// not a key: its checkpoints will name an unknown key id
		}
	}
	return keys;
}

async function listDir(dir: string): Promise<string[]> {
	try {
		return (await readdir(dir)).sort();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
		throw error;
	}
}

/** The checkpoint files of the directory, oldest day first. */
export async function checkpointFiles(dir: string): Promise<string[]> {
	return (await listDir(dir)).filter((name) => FILE_PATTERN.test(name));
}

/** Every line of one checkpoint file, parsed; a line that does not parse has `checkpoint: null`. */
export async function readCheckpointFile(dir: string, file: string): Promise<ReadCheckpoint[]> {
	const text = await readFile(join(dir, file), "utf8");
	const lines: ReadCheckpoint[] = [];
	for (const [index, raw] of text.split("\n").entries()) {
		if (raw.trim() === "") continue;
		let checkpoint: CheckpointLine | null = null;
		try {
			const parsed = checkpointLineSchema.safeParse(JSON.parse(raw));
			if (parsed.success) checkpoint = parsed.data;
		} catch {
			checkpoint = null;
		}
		lines.push({ file, line: index + 1, checkpoint });
	}
	return lines;
}
