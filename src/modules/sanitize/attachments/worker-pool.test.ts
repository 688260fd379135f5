import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { cleanPdf, pngImage } from "../../../../tests/helpers/attachment-corpus.ts";
import { type AttachmentInput, DEFAULT_POLICY, type SanitizePolicy } from "../sanitize.contract.ts";
import {
	sanitizeAttachment,
	sanitizeAttachments,
	sanitizeAttachmentsWith,
} from "./sanitize-attachments.ts";
import {
	activeWorkerCount,
	closeWorkerPool,
	idleWorkerCount,
	MAX_ACTIVE_WORKERS,
} from "./worker-pool.ts";

const dir = mkdtempSync(join(tmpdir(), "mamori-worker-test-"));
after(() => {
	closeWorkerPool();
	rmSync(dir, { recursive: true, force: true });
});

/** A stand-in worker: answers with how it was started, hangs on "hang*", dies on "boom*". */
const STUB_WORKER = join(dir, "stub-worker.mjs");
writeFileSync(
	STUB_WORKER,
	`const send = (message) => new Promise((resolve) => process.send(message, resolve));
process.once("message", async (request) => {
	for (const [index, input] of request.inputs.entries()) {
		if (input.filename.startsWith("boom")) process.exit(70);
		if (input.filename.startsWith("hang")) return void setInterval(() => {}, 1000);
		await send({ index, outcome: { filename: input.filename, trueType: "image/png", category: "image", size: 0, sha256: "",
			action: "sanitized", reason: [process.execPath, ...process.execArgv].join(" "), findings: [],
			output: { filename: input.filename, contentType: "image/png", content: new Uint8Array([1, 2, 3]) } } });
	}
	await send({ done: true });
	process.disconnect();
});
`,
);

function withLimits(limits: Partial<SanitizePolicy["limits"]>): SanitizePolicy {
	return { ...DEFAULT_POLICY, limits: { ...DEFAULT_POLICY.limits, ...limits } };
}

async function images(...names: string[]): Promise<AttachmentInput[]> {
	const content = await pngImage();
	return names.map((filename) => ({ filename, declaredType: "image/png", content }));
}

test("the real worker sanitises and returns Buffers; cheap decisions need no worker", async () => {
	const inputs = [
		...(await images("a.png")),
		{ filename: "x.txt", declaredType: "text/plain", content: Buffer.from("hello\n") },
		{
			filename: "x.exe",
			declaredType: "application/octet-stream",
			content: Buffer.from("MZ\x90\x00"),
		},
	];
	const [image, text, exe] = await sanitizeAttachments(inputs, DEFAULT_POLICY);
	assert.equal(image?.action, "sanitized");
	assert.ok(Buffer.isBuffer(image?.output?.content));
	assert.equal(image?.output?.content.subarray(1, 4).toString(), "PNG");
	assert.equal(text?.action, "passed");
	assert.equal(exe?.action, "removed");
	const single = await sanitizeAttachment(inputs[0] as AttachmentInput, DEFAULT_POLICY);
	assert.equal(single.action, "sanitized");
	assert.match(single.sha256, /^[0-9a-f]{64}$/);
});

test("the worker runs on our Node with the policy's heap limit", async () => {
	const [outcome] = await sanitizeAttachmentsWith(
		await images("a.png"),
		withLimits({ workerMemoryMb: 300 }),
		{
			workerScript: STUB_WORKER,
		},
	);
	assert.equal(outcome?.reason, `${process.execPath} --max-old-space-size=300`);
	assert.ok(Buffer.isBuffer(outcome?.output?.content));
});

test("a worker that overruns the time limit is killed and its attachment held", async () => {
	const started = Date.now();
	const outcomes = await sanitizeAttachmentsWith(
		await images("ok.png", "hang.png", "later.png"),
		withLimits({ timeoutMs: 1500 }),
		{
			workerScript: STUB_WORKER,
		},
	);
	assert.deepEqual(
		outcomes.map((outcome) => outcome.action),
		["sanitized", "held", "held"],
	);
	assert.match(outcomes[1]?.reason ?? "", /time limit/);
	assert.ok(Date.now() - started < 60_000, "did not wait for the hanging worker");
});

test("a crashed worker holds that attachment; the rest get a fresh worker", async () => {
	const outcomes = await sanitizeAttachmentsWith(
		await images("first.png", "boom.png", "after.png"),
		DEFAULT_POLICY,
		{
			workerScript: STUB_WORKER,
		},
	);
	assert.deepEqual(
		outcomes.map((outcome) => [outcome.filename, outcome.action]),
		[
			["first.png", "sanitized"],
			["boom.png", "held"],
			["after.png", "sanitized"],
		],
	);
	assert.match(outcomes[1]?.reason ?? "", /stopped/);
	assert.match(outcomes[1]?.sha256 ?? "", /^[0-9a-f]{64}$/);
});

test("a real PDF that cannot be rasterised within a tiny time limit is held", async () => {
	const pdf = await cleanPdf(20);
	const [outcome] = await sanitizeAttachments(
		[{ filename: "long.pdf", declaredType: "application/pdf", content: pdf }],
		withLimits({ timeoutMs: 200 }),
	);
	assert.equal(outcome?.action, "held");
	assert.equal(outcome?.output, undefined);
	assert.match(outcome?.reason ?? "", /time/);
});

test("a finished worker waits for the next message; a killed one does not", async () => {
	closeWorkerPool();
	await sanitizeAttachments(await images("a.png"), DEFAULT_POLICY);
	assert.equal(idleWorkerCount(), 1);
	await sanitizeAttachments(await images("b.png"), DEFAULT_POLICY);
	assert.equal(idleWorkerCount(), 1, "the idle worker was reused, not joined by a second");
	await sanitizeAttachmentsWith(await images("hang.png"), withLimits({ timeoutMs: 300 }), {
		workerScript: STUB_WORKER,
	});
	assert.equal(idleWorkerCount(), 1, "the hanging worker was not kept");
	closeWorkerPool();
	assert.equal(idleWorkerCount(), 0);
});

test("messages beyond the worker limit wait for a slot, within their own deadline", async () => {
	const hang = await images("hang.png");
	const busy = Array.from({ length: MAX_ACTIVE_WORKERS }, () =>
		sanitizeAttachmentsWith(hang, withLimits({ timeoutMs: 1500 }), { workerScript: STUB_WORKER }),
	);
	while (activeWorkerCount() < MAX_ACTIVE_WORKERS)
		await new Promise((resolve) => setImmediate(resolve));
	const queued = sanitizeAttachmentsWith(
		await images("queued.png"),
		withLimits({ timeoutMs: 300 }),
		{
			workerScript: STUB_WORKER,
		},
	);
	const [outcome] = await queued;
	assert.equal(outcome?.action, "held");
	assert.match(outcome?.reason ?? "", /time limit/);
	for (const result of await Promise.all(busy)) assert.equal(result[0]?.action, "held");
	const [after] = await sanitizeAttachmentsWith(await images("after.png"), DEFAULT_POLICY, {
		workerScript: STUB_WORKER,
	});
	assert.equal(after?.action, "sanitized", "the slots were given back");
});
