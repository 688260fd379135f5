import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import type { ZodType } from "zod";
import type { ApiScope } from "../modules/api-tokens/scopes.ts";
import { issuesOfZod } from "../shared/issues.ts";
import { Problem } from "../shared/problem.ts";
import type { Serialised } from "../shared/serialised.ts";
import type { AppEnv } from "./context.ts";
import { problemSchema } from "./problem.schema.ts";

/** A router whose request validation failures become `validation_failed` problems. */
export function createRouter(): OpenAPIHono<AppEnv> {
	return new OpenAPIHono<AppEnv>({
		defaultHook: (result) => {
			if (!result.success) {
				// Each issue gets a stable code, its parameters and its field, for catalogue text.
				// The validator hands the input too (untyped), so a missing field reads as required.
				const input = (result as { data?: unknown }).data;
				const issues = issuesOfZod(result.error, input);
				throw new Problem(
					"validation_failed",
					`invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
					{ issues },
				);
			}
		},
	});
}

/** A required JSON request body (required, so a wrong Content-Type is refused, not skipped). */
export function jsonBody<S extends ZodType>(schema: S, description = "JSON body") {
	return { required: true, description, content: { "application/json": { schema } } } as const;
}

export function jsonResponse<S extends ZodType>(schema: S, description: string) {
	return { description, content: { "application/json": { schema } } } as const;
}

const problemContent = { "application/problem+json": { schema: problemSchema } } as const;

/** The error responses every authenticated route can give, documented once. */
export const problemResponses = {
	400: { description: "Invalid request", content: problemContent },
	401: { description: "Not logged in", content: problemContent },
	403: { description: "Forbidden, a login step pending, or CSRF failure", content: problemContent },
	404: { description: "Not found (or in another tenant)", content: problemContent },
	409: { description: "Conflict", content: problemContent },
	413: { description: "Body too large", content: problemContent },
	415: { description: "Body is not application/json", content: problemContent },
} as const;

/** Routes that count failed attempts answer 429 with Retry-After while the name is locked. */
export const throttledResponse = {
	429: { description: "Too many failed attempts; retry later", content: problemContent },
} as const;

/**
 * Every route declares its `security` (tests/integration/api-document.test.ts fails otherwise):
 * `sessionSecurity` for people, `publicSecurity` for the few anonymous routes (login, health),
 * `sessionOrToken(scope)` where a machine client's API token with that scope may call it too.
 */
export const sessionSecurity = [{ session: [] }];

/** No credentials: the route answers anonymous callers (login, the login screen's lists). */
export const publicSecurity = [];

/**
 * The session cookie, or an API token (`Authorization: Bearer`) holding `scope`. The bearer
 * middleware reads this declaration from the document: a token may call an operation only when
 * one of its scopes is listed here, and the token then acts with that scope's roles.
 *
 * @example
 * createRoute({ method: "post", path: "/incidents", tags, security: sessionOrToken("incidents:create"), … })
 */
export function sessionOrToken(scope: ApiScope): Record<string, string[]>[] {
	return [{ session: [] }, { apiToken: [scope] }];
}

export type Infer<S extends ZodType> = z.infer<S>;

/**
 * Send JSON that is already serialised (a cached answer) as `c.json(value)` would send the value,
 * typed as that value for the route's checks and the generated client.
 *
 * @example
 * return sendSerialised(c, await cache.read(db, key, async () => serialise({ items })), 200);
 */
export function sendSerialised<T, S extends 200 | 201>(c: Context, body: Serialised<T>, status: S) {
	return c.body(
		body as Uint8Array<ArrayBuffer>,
		status,
		JSON_CONTENT_TYPE,
	) as unknown as TypedResponse<T, S, "json">;
}

const JSON_CONTENT_TYPE = { "content-type": "application/json" } as const;
