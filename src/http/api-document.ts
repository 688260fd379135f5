import { operationIdOf } from "./operation-ids.ts";

export const API_VERSION = "0.1.0";

/**
 * One tag per module, with what it holds. Every operation's tags must be listed here
 * (`tests/integration/api-document.test.ts`), so a new module adds its line.
 */
export const API_TAGS: Record<string, string> = {
	system: "Liveness of the instance",
	auth: "Login, second factor, password change, TOTP enrolment, logout",
	accounts: "Accounts and their roles",
	"api-tokens": "API tokens of machine clients (the tenant administrator)",
	org: "Org units, staff and the roster import",
	audit: "The hash-chained audit log and its checkpoints",
	tenants: "Tenants and their settings",
	policies: "The policy pack, gap analysis and the yearly review",
	"policy documents": "基本方針 / 対策基準 / 実施手順: versions, workflow, publication",
	"policy acknowledgements": "Reading and acknowledging published versions; notifications",
	mail: "無害化: held messages and release requests",
	network: "三層分離: the network model and its check",
	assets: "情報資産管理台帳, take-outs and disposals",
	risks: "The risk register",
	incidents: "Incident cases, their casework, reporting chain and figures",
	drills: "Drills of the emergency response plan",
	"assurance checklists": "Checklists for self-inspection and audit",
	assurance: "Self-inspection campaigns, audits and the status report",
	findings: "The findings register",
	exceptions: "例外措置",
	"social-media": "Official social-media accounts",
	"cloud-services": "Cloud and external services",
	contracts: "Contractors and contracts (業務委託)",
	imports: "Import jobs",
	home: "Home: setup progress, my work, backup status",
	"my-number": "特定個人情報: My Number affairs, handlers, provisions, the yearly report",
	"secure-areas": "管理区域: secure areas, permits and the entry/exit log",
	directory: "Directory sign-in (LDAP / Active Directory): connection, group mappings, sync",
	training: "研修・訓練: courses, attendance, quizzes, completion, phishing drills",
	webhooks: "Webhook subscriptions and their deliveries (the tenant administrator)",
};

export const OPENAPI_CONFIG = {
	openapi: "3.1.0",
	info: {
		title: "Mamori API",
		version: API_VERSION,
		description:
			"Mamori (守り): information-security management for municipalities. People call the API " +
			"with the session cookie of a login (state-changing calls also send X-CSRF-Token); " +
			"machine clients send an API token (`Authorization: Bearer …`) to the operations whose " +
			"`apiToken` security names one of the token's scopes. Errors are " +
			"application/problem+json with a stable `code`.",
	},
	servers: [
		{
			url: "/",
			description: "The Mamori instance serving this document (paths start with /api)",
		},
	],
	tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
};

/** The parts of an OpenAPI document this step reads and completes. */
interface DocumentLike {
	paths?: object | undefined;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/**
 * Complete the document generated from the routes: every operation gets its `operationId`
 * (declared on the route, an override, or derived from method and path: `operation-ids.ts`).
 *
 * @example
 * const document = finishApiDocument(app.getOpenAPI31Document(OPENAPI_CONFIG));
 */
export function finishApiDocument<D extends DocumentLike>(document: D): D {
	const paths = (document.paths ?? {}) as Record<string, Record<string, unknown> | undefined>;
	for (const [path, item] of Object.entries(paths)) {
		for (const method of METHODS) {
			const operation = item?.[method] as { operationId?: string } | undefined;
			if (!item || !operation) continue;
			// First in the operation, where a reader of the JSON looks for it.
			const { operationId: declared, ...rest } = operation;
			item[method] = { operationId: operationIdOf(method, path, declared), ...rest };
		}
	}
	return document;
}
