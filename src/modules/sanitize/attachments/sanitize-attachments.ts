import {
	type AttachmentInput,
	type AttachmentOutcome,
	because,
	type SanitizePolicy,
} from "../sanitize.contract.ts";
import { detectType } from "./detect-type.ts";
import {
	effectiveRule,
	processAttachment,
	rootContext,
	sha256Hex,
	WORKER_CATEGORIES,
} from "./process-attachment.ts";
import { runInWorker, type WorkerFailure, type WorkerOptions } from "./worker-pool.ts";

/** Whether an attachment needs a sanitiser that must run in the worker process. */
async function needsWorker(input: AttachmentInput, policy: SanitizePolicy): Promise<boolean> {
	try {
		const detected = await detectType(input.content);
		return (
			WORKER_CATEGORIES.has(detected.category) &&
			effectiveRule(detected.category, policy) === "sanitize"
		);
	} catch {
		return false; // processAttachment holds it with the reason
	}
}

function heldByWorker(input: AttachmentInput, failure: WorkerFailure): AttachmentOutcome {
	return {
		filename: input.filename,
		trueType: "application/octet-stream",
		category: "unknown",
		size: input.content.length,
		sha256: sha256Hex(input.content),
		action: "held",
		...(failure === "timeout"
			? because("worker_timeout", "sanitising did not finish within the time limit")
			: because("worker_crashed", "the sanitising worker stopped (out of memory or crashed)")),
		findings: [],
	};
}

/**
 * Decide each attachment's true type and apply the policy: remove, sanitise, hold or pass.
 * Cheap decisions (remove, hold, pass text) are taken here; PDFs, Office documents, images and
 * archives are sanitised in one worker process per message, with the message's time limit and
 * the policy's heap limit. An attachment whose worker is killed or crashes is held; the ones
 * after it get a fresh worker while time remains.
 *
 * @example
 * const outcomes = await sanitizeAttachments([{ filename: "a.pdf", declaredType: "application/pdf", content }], DEFAULT_POLICY);
 */
export async function sanitizeAttachments(
	inputs: readonly AttachmentInput[],
	policy: SanitizePolicy,
): Promise<AttachmentOutcome[]> {
	return sanitizeAttachmentsWith(inputs, policy);
}

/** `sanitizeAttachments` with the worker script replaceable, for tests of the process limits. */
export async function sanitizeAttachmentsWith(
	inputs: readonly AttachmentInput[],
	policy: SanitizePolicy,
	options: WorkerOptions = {},
): Promise<AttachmentOutcome[]> {
	const deadline = Date.now() + policy.limits.timeoutMs;
	const outcomes: (AttachmentOutcome | undefined)[] = inputs.map(() => undefined);
	const queued: number[] = [];
	for (const [index, input] of inputs.entries()) {
		if (await needsWorker(input, policy)) queued.push(index);
		else outcomes[index] = await processAttachment(input, policy, rootContext(policy, deadline));
	}
	while (queued.length > 0) {
		const batch = queued.splice(0);
		const results = await runInWorker(
			batch.map((index) => inputs[index] as AttachmentInput),
			policy,
			deadline,
			options,
		);
		let failed = false;
		results.forEach((result, position) => {
			const index = batch[position] as number;
			const input = inputs[index] as AttachmentInput;
			if (typeof result !== "string") outcomes[index] = result;
			else if (!failed || result === "timeout" || Date.now() >= deadline) {
				// The first attachment without an answer is the one that killed the worker.
				outcomes[index] = heldByWorker(input, Date.now() >= deadline ? "timeout" : result);
				failed = true;
			} else queued.push(index);
		});
	}
	return outcomes.map(
		(outcome, index) => outcome ?? heldByWorker(inputs[index] as AttachmentInput, "crash"),
	);
}

/**
 * One file, through the same worker and limits: the release workflow re-sanitises an original
 * when its release is approved.
 */
export async function sanitizeAttachment(
	input: AttachmentInput,
	policy: SanitizePolicy,
): Promise<AttachmentOutcome> {
	const [outcome] = await sanitizeAttachments([input], policy);
	return outcome ?? heldByWorker(input, "crash");
}
