import assert from "node:assert/strict";
import type { App } from "../../src/http/app.ts";
import { TestClient } from "./client.ts";
import { type MadeAccount, makeSessionToken } from "./factories.ts";
import type { TestRuntime } from "./test-db.ts";

export interface ProblemBody {
	type: string;
	title: string;
	status: number;
	code: string;
	detail: string;
	issues?: {
		path: string;
		message: string;
		code?: string;
		params?: Record<string, string | number>;
	}[];
}

/**
 * Assert that a response is a problem+json with the given status and code; returns its body.
 *
 * @example
 * const problem = await expectProblem(response, 403, "csrf_failed");
 */
export async function expectProblem(
	response: Response,
	status: number,
	code: string,
): Promise<ProblemBody> {
	const text = await response.text();
	assert.equal(
		response.status,
		status,
		`expected ${status} ${code}, got ${response.status}: ${text}`,
	);
	assert.match(response.headers.get("content-type") ?? "", /^application\/problem\+json/);
	const body = JSON.parse(text) as ProblemBody;
	assert.equal(body.code, code);
	assert.equal(body.status, status);
	assert.equal(body.type, `urn:mamori:problem:${code}`);
	return body;
}

/** A client already past every login step as `account`. */
export async function activeClient(
	runtime: TestRuntime,
	app: App,
	account: MadeAccount,
): Promise<TestClient> {
	return new TestClient(app, await makeSessionToken(runtime, account));
}

/** Read a JSON body, failing with the body text when the status is not the expected one. */
export async function expectJson<T>(response: Response, status = 200): Promise<T> {
	const text = await response.text();
	assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${text}`);
	return JSON.parse(text) as T;
}
