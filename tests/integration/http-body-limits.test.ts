import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../../src/http/app.ts";
import { TestClient } from "../helpers/client.ts";
import { expectProblem } from "../helpers/http.ts";
import { createTestRuntime, type TestRuntime } from "../helpers/test-db.ts";

let runtime: TestRuntime;
let client: TestClient;
before(async () => {
	runtime = await createTestRuntime();
	const app = createApp({
		...runtime,
		config: { ...runtime.config, maxJsonBytes: 1_000, maxUploadBytes: 5_000 },
	});
	client = new TestClient(app);
});
after(() => runtime.cleanup());

const bodyOf = (bytes: number) => ({ content: "x".repeat(bytes) });

test("file uploads get the larger limit; every other route keeps the small one", async () => {
	for (const path of [
		"/api/roster-imports",
		"/api/policy-gap-analysis",
		"/api/policy-documents/abc/imports",
	]) {
		// Past the size check the request is refused for other reasons (no session, wrong fields).
		const accepted = await client.post(path, bodyOf(3_000));
		assert.ok([400, 401].includes(accepted.status), `${path} accepts 3 kB: ${accepted.status}`);
		await expectProblem(await client.post(path, bodyOf(6_000)), 413, "payload_too_large");
	}
	await expectProblem(await client.post("/api/org-units", bodyOf(3_000)), 413, "payload_too_large");
	await expectProblem(
		await client.post("/api/roster-imports/x/apply", bodyOf(3_000)),
		413,
		"payload_too_large",
	);
});
