import assert from "node:assert/strict";
import type { AppDeps } from "../../src/deps.ts";
import { type App, openApiDocument } from "../../src/http/app.ts";
import type { SessionStage } from "../../src/modules/auth/sessions.repository.ts";
import { can, type Policy } from "../../src/modules/authz/policy.ts";
import type { Actor, Role } from "../../src/modules/authz/roles.ts";
import { TestClient } from "./client.ts";
import type { MadeAccount } from "./factories.ts";
import { makeSelfCaller, openSession, type TenantWorld } from "./route-world.ts";

/** The types and plumbing of the route walk; the table itself is in route-table.ts. */

export const HTTP_METHODS = [
	"get",
	"put",
	"post",
	"delete",
	"options",
	"head",
	"patch",
	"trace",
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** What a request is made of; path params fill the `{name}` slots of the OpenAPI path. */
export interface RouteRequest {
	params?: Record<string, string>;
	query?: Record<string, string>;
	body?: unknown;
}

/** What request builders may use: the caller's tenant, the caller, and its client. */
export interface RequestContext {
	deps: AppDeps;
	world: TenantWorld;
	caller: MadeAccount;
	client: TestClient;
}

/** How a route is guarded. */
export type Access =
	| { kind: "public" }
	/** Acts on the caller's own login, at these session stages. */
	| { kind: "self"; stages: readonly SessionStage[] }
	| PermissionAccess;

export interface PermissionAccess {
	kind: "permission";
	policy: Policy<string>;
	action: string;
	/** Instance routes span tenants: only instance administrators, never a tenant's admin. */
	level: "tenant" | "instance";
}

/** A response as the walk sees it. */
export interface Sent {
	status: number;
	code: string | undefined;
	text: string;
	json: unknown;
	/** Method, URL and body as sent: values the response may echo back. */
	requestText: string;
}

/**
 * One call of a route with tenant B's session while tenant A exists. `own` builds the route's
 * usual request from B's fixtures, `foreign` from A's; a function mixes them.
 */
export interface CrossTenantProbe {
	name: string;
	request:
		| "own"
		| "foreign"
		| ((a: TenantWorld, b: RequestContext) => RouteRequest | Promise<RouteRequest>);
	/** `served`: the route's success status, showing nothing of A. Otherwise this refusal. */
	expect: "served" | { status: 400 | 403 | 404; code: string };
	check?: (sent: Sent, a: TenantWorld, b: TenantWorld) => void;
	/** Values of A this route shows every tenant by design. */
	shownToAll?: (a: TenantWorld) => string[];
}

export interface RouteEntry {
	method: HttpMethod;
	path: string;
	access: Access;
	/** Status of a successful call. */
	ok: number;
	request: (ctx: RequestContext) => RouteRequest | Promise<RouteRequest>;
	crossTenant: CrossTenantProbe[];
	/** A POST that only computes from its body (an analysis, an export) and stores nothing. */
	readOnly?: true;
}

/** An operation of the OpenAPI document; `secured` when it declares a security requirement. */
export interface Operation {
	method: HttpMethod;
	path: string;
	secured: boolean;
}

/** Every operation the app documents, in document order. */
export function documentOperations(app: App): Operation[] {
	const doc = openApiDocument(app);
	const operations: Operation[] = [];
	for (const [path, item] of Object.entries(doc.paths ?? {})) {
		for (const method of HTTP_METHODS) {
			const operation = item[method];
			if (!operation) continue;
			const security = operation.security ?? doc.security ?? [];
			operations.push({ method, path, secured: security.length > 0 });
		}
	}
	return operations;
}

/** The URL of a request: `{name}` slots filled from params (all of them, and only them). */
export function urlOf(path: string, request: RouteRequest): string {
	const params = { ...request.params };
	const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = params[name];
		assert.ok(value !== undefined, `${path}: no value for path parameter ${name}`);
		delete params[name];
		return encodeURIComponent(value);
	});
	assert.deepEqual(Object.keys(params), [], `${path}: unused path parameters`);
	const query = new URLSearchParams(request.query).toString();
	return query ? `${filled}?${query}` : filled;
}

/** Send a route's request with the client's session and read the whole answer. */
export async function send(
	client: TestClient,
	entry: RouteEntry,
	request: RouteRequest,
): Promise<Sent> {
	const url = urlOf(entry.path, request);
	const response = await client.request(entry.method, url, request.body);
	const text = await response.text();
	const type = response.headers.get("content-type") ?? "";
	const json: unknown = type.includes("json") && text ? JSON.parse(text) : undefined;
	const code = type.includes("problem+json") ? (json as { code?: string }).code : undefined;
	const body = request.body === undefined ? "" : JSON.stringify(request.body);
	return {
		status: response.status,
		code,
		text,
		json,
		requestText: `${entry.method} ${decodeURIComponent(url)} ${body}`,
	};
}

/** Assert a problem answer by status and stable code. */
export function assertProblem(sent: Sent, status: number, code: string): void {
	assert.equal(sent.status, status, `expected ${status} ${code}, got ${sent.status}: ${sent.text}`);
	assert.equal(sent.code, code, sent.text);
}

/** Assert the route's success status. */
export function assertServed(sent: Sent, entry: RouteEntry): void {
	assert.equal(sent.status, entry.ok, `expected ${entry.ok}, got ${sent.status}: ${sent.text}`);
}

/** Whether holders of exactly these roles pass the policy check, decided by the policy itself. */
export function mayTake(roles: readonly Role[], access: PermissionAccess): boolean {
	const actor: Actor = {
		tenantId: "route-walk",
		accountId: "route-walk",
		label: "route walk",
		ip: null,
		roles: roles.map((role) => ({ role, orgUnitId: null })),
	};
	return can(actor, access.policy, access.action);
}

/**
 * The context a route's request is built in: by default a caller that may use the route (for
 * permission routes the holder of every role, for self routes a new account at the route's first
 * stage, for public routes nobody) and a client holding that caller's session.
 *
 * @example
 * const ctx = await callerContext(app, deps, entry, world); const sent = await send(ctx.client, entry, await entry.request(ctx));
 */
export async function callerContext(
	app: App,
	deps: AppDeps,
	entry: RouteEntry,
	world: TenantWorld,
	options: { caller?: MadeAccount; stage?: SessionStage } = {},
): Promise<RequestContext> {
	const { access } = entry;
	const stage =
		options.stage ?? (access.kind === "self" ? access.stages[0] : undefined) ?? "active";
	let caller = options.caller;
	if (!caller && access.kind === "self") caller = await makeSelfCaller(deps, world, stage);
	if (!caller && access.kind === "permission") caller = world.root;
	const token = caller ? await openSession(deps, caller, stage) : undefined;
	return { deps, world, caller: caller ?? world.plain, client: new TestClient(app, token) };
}
