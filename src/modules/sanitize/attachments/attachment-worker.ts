// The attachment worker: a child process (forked and reused by `worker-pool.ts`) that sanitises
// attachments with its own heap limit, so a decoder bomb or a hang costs a process, not the gateway.
import type { AttachmentInput, SanitizePolicy } from "../sanitize.contract.ts";
import { processAttachment, rootContext } from "./process-attachment.ts";

export interface WorkerRequest {
	inputs: AttachmentInput[];
	policy: SanitizePolicy;
	deadline: number;
}

async function handle(request: WorkerRequest): Promise<void> {
	for (const [index, input] of request.inputs.entries()) {
		const content = Buffer.from(
			input.content.buffer,
			input.content.byteOffset,
			input.content.byteLength,
		);
		const outcome = await processAttachment(
			{ ...input, content },
			request.policy,
			rootContext(request.policy, request.deadline),
		);
		process.send?.({ index, outcome });
	}
	process.send?.({ done: true });
}

// Requests arrive one at a time (the pool waits for `done`); the worker stays for the next one.
process.on("message", (request: WorkerRequest) => {
	handle(request).catch((error: unknown) => {
		process.stderr.write(`attachment worker failed: ${(error as Error).stack ?? String(error)}\n`);
		process.exit(1);
	});
});
