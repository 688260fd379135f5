import { resolve } from "node:path";
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { isUniqueViolation } from "../db/errors.ts";
import { databaseFaultProblem } from "../db/fault-report.ts";
import { createHealthProbe } from "../db/health-probe.ts";
import type { AppDeps } from "../deps.ts";
import { accountsRoutes } from "../modules/accounts/accounts.routes.ts";
import { apiTokensRoutes } from "../modules/api-tokens/api-tokens.routes.ts";
import { assetTransferRoutes } from "../modules/assets/asset-transfer.routes.ts";
import { assetsRoutes } from "../modules/assets/assets.routes.ts";
import { disposalsRoutes } from "../modules/assets/disposals/disposals.routes.ts";
import { takeOutsRoutes } from "../modules/assets/take-outs/take-outs.routes.ts";
import { auditsRoutes } from "../modules/assurance/audits/audits.routes.ts";
import { auditFieldworkRoutes } from "../modules/assurance/audits/fieldwork.routes.ts";
import { auditPlansRoutes } from "../modules/assurance/audits/plans.routes.ts";
import { campaignsRoutes } from "../modules/assurance/campaigns/campaigns.routes.ts";
import { checklistsRoutes } from "../modules/assurance/checklists/checklists.routes.ts";
import { findingStepsRoutes } from "../modules/assurance/findings/finding-steps.routes.ts";
import { findingsRoutes } from "../modules/assurance/findings/findings.routes.ts";
import { statusReportRoutes } from "../modules/assurance/status-report/status-report.routes.ts";
import { auditRoutes } from "../modules/audit-log/audit-log.routes.ts";
import { authRoutes } from "../modules/auth/auth.routes.ts";
import { cloudServicesRoutes } from "../modules/cloud-services/cloud-services.routes.ts";
import { contractsRoutes } from "../modules/contracts/contracts.routes.ts";
import { directoryRoutes } from "../modules/directory/directory.routes.ts";
import { exceptionsRoutes } from "../modules/exceptions/exceptions.routes.ts";
import { homeRoutes } from "../modules/home/home.routes.ts";
import { drillsRoutes } from "../modules/incidents/drills/drills.routes.ts";
import { incidentCaseworkRoutes } from "../modules/incidents/incident-casework.routes.ts";
import { incidentChainRoutes } from "../modules/incidents/incident-chain.routes.ts";
import { incidentStatsRoutes } from "../modules/incidents/incident-stats.routes.ts";
import { incidentsRoutes } from "../modules/incidents/incidents.routes.ts";
import { myNumberRoutes } from "../modules/my-number/my-number.routes.ts";
import { networkRoutes } from "../modules/network/network.routes.ts";
import { orgRoutes } from "../modules/org/org.routes.ts";
import { documentsRoutes } from "../modules/policies/documents/documents.routes.ts";
import { gapRoutes } from "../modules/policies/gap/gap.routes.ts";
import { policiesRoutes } from "../modules/policies/policies.routes.ts";
import { reviewAssuranceRoutes } from "../modules/policies/reviews/review-assurance.routes.ts";
import { reviewDrillsRoutes } from "../modules/policies/reviews/review-drills.routes.ts";
import { reviewTrainingRoutes } from "../modules/policies/reviews/review-training.routes.ts";
import { reviewsRoutes } from "../modules/policies/reviews/reviews.routes.ts";
import { risksRoutes } from "../modules/risks/risks.routes.ts";
import { mailRoutes } from "../modules/sanitize/mail.routes.ts";
import { secureAreasRoutes } from "../modules/secure-areas/secure-areas.routes.ts";
import { socialMediaRoutes } from "../modules/social-media/social-media.routes.ts";
import { tenantsRoutes } from "../modules/tenants/tenants.routes.ts";
import { trainingRoutes } from "../modules/training/training.routes.ts";
import { webhooksRoutes } from "../modules/webhooks/webhooks.routes.ts";
import { importsRoutes } from "../platform/imports/imports.routes.ts";
import { mappingsRoutes } from "../platform/imports/mappings.routes.ts";
import { refusal, ruleProblem, tooLarge } from "../shared/issues.ts";
import { Problem } from "../shared/problem.ts";
import { serialise } from "../shared/serialised.ts";
import { finishApiDocument, OPENAPI_CONFIG } from "./api-document.ts";
import type { AppContext } from "./context.ts";
import { mountApiDocs } from "./docs.ts";
import { bearerAuth, clientAddress, csrfProtection, loadSession } from "./middleware.ts";
import { createRouter, jsonResponse, sendSerialised } from "./openapi.ts";
import { RateLimiter } from "./rate-limit.ts";
import { securityHeaders } from "./security-headers.ts";
import { tokenScopeTable } from "./token-scopes.ts";
import { mountWebUi } from "./web-ui.ts";

export const WEB_DIST = resolve(import.meta.dirname, "../../dist/web");

const HEALTHY = serialise({ status: "ok" as const });

const health = createRoute({
	method: "get",
	path: "/api/health",
	tags: ["system"],
	security: [],
	summary: "Liveness and database check",
	description:
		"200 when the database answered within the last second and no database fault was seen since; otherwise it is asked again.",
	responses: {
		200: jsonResponse(z.object({ status: z.literal("ok") }), "Healthy"),
		503: jsonResponse(
			z.object({
				status: z.literal("unavailable"),
				code: z.enum(["database_unavailable", "database_busy", "storage_full"]),
			}),
			"The database is unreachable, locked or out of space; see Retry-After",
		),
	},
});

function problemResponse(c: AppContext, problem: Problem) {
	if (problem.retryAfterSeconds) c.header("retry-after", String(problem.retryAfterSeconds));
	return c.body(JSON.stringify(problem.toJSON()), problem.status, {
		"content-type": "application/problem+json; charset=utf-8",
	});
}

/** Map anything thrown to problem+json: our Problems as they are, Hono's by status, the rest 500. */
function toProblem(error: unknown, where: string): Problem {
	if (error instanceof Problem) return error;
	if (error instanceof HTTPException) {
		if (error.status === 413)
			return new Problem("payload_too_large", "the request body is too large");
		if (error.status === 415) {
			return new Problem("unsupported_media_type", "send the request body as application/json");
		}
		if (error.status === 400 && /json/i.test(error.message)) {
			return new Problem("malformed_json", "the request body is not valid JSON");
		}
		if (error.status === 400)
			return ruleProblem("validation_failed", error.message || "bad request", "(body)", "invalid");
		if (error.status === 401)
			return new Problem("unauthenticated", error.message || "log in first");
	}
	const fault = databaseFaultProblem(error, where);
	if (fault) return fault;
	if (isUniqueViolation(error)) {
		return refusal(
			"conflict",
			"created_meanwhile",
			"another request created the same record at the same moment; reload and check",
		);
	}
	console.error(error);
	return new Problem("internal", "an unexpected error occurred; it has been logged");
}

/** Routes that take a whole file in their body (base64 in JSON); every other route keeps the small limit. */
const UPLOAD_ROUTES = [
	/^\/api\/roster-imports$/,
	/^\/api\/assets\/import$/,
	/^\/api\/policy-gap-analysis$/,
	/^\/api\/policy-documents\/[^/]+\/imports$/,
	/^\/api\/disposals\/[^/]+\/files$/,
	/^\/api\/incidents\/[^/]+\/evidence$/,
	/^\/api\/assurance\/checklists\/import$/,
	/^\/api\/assurance\/responses\/[^/]+\/answers\/[^/]+$/,
	/^\/api\/findings\/[^/]+\/evidence$/,
	/^\/api\/network\/(model|model\/import|firewall-import|check)$/,
];

const BODYLESS_METHODS = new Set(["GET", "HEAD"]);

function requestBodyLimit(maxSize: number) {
	return bodyLimit({
		maxSize,
		onError: () => {
			throw tooLarge(`the request body exceeds ${maxSize} bytes`, maxSize);
		},
	});
}

/**
 * The whole HTTP application: API under /api, its OpenAPI document and docs, and the web UI.
 *
 * @example
 * const app = createApp(deps); const res = await app.request("/api/health");
 */
export function createApp(deps: AppDeps) {
	const app = createRouter();
	// First, so that refusals by the middlewares below (CSRF, body size) carry them too.
	app.use("*", securityHeaders(deps.config.trustProxy));
	const probe = createHealthProbe(deps.db);
	// Before the session, body-limit and CSRF middlewares, which a bodyless, anonymous probe that
	// a load balancer polls many times a second does not need (Hono runs what is registered
	// before the route that answers, and nothing after it).
	app.openapi(health, async (c) => {
		const pending = probe();
		if (!pending) return sendSerialised(c, HEALTHY, 200);
		try {
			await pending;
			return sendSerialised(c, HEALTHY, 200);
		} catch (error) {
			const fault = databaseFaultProblem(error, "GET /api/health");
			if (!fault) console.error(error);
			c.header("retry-after", String(fault?.retryAfterSeconds ?? 5));
			const code =
				fault?.code === "database_busy" || fault?.code === "storage_full"
					? fault.code
					: "database_unavailable";
			return c.json({ status: "unavailable" as const, code }, 503);
		}
	});
	app.use("/api/*", clientAddress(deps.config.trustProxy));
	const jsonLimit = requestBodyLimit(deps.config.maxJsonBytes);
	const uploadLimit = requestBodyLimit(deps.config.maxUploadBytes);
	app.use("/api/*", (c, next) => {
		// A GET or HEAD has no body; asking for one would build a full web Request for nothing.
		if (BODYLESS_METHODS.has(c.req.method)) return next();
		return UPLOAD_ROUTES.some((route) => route.test(c.req.path))
			? uploadLimit(c, next)
			: jsonLimit(c, next);
	});
	// The token scopes of each operation are read from the document, once all routes exist.
	let scopes: ReturnType<typeof tokenScopeTable> | undefined;
	const scopesOf = (method: string, path: string) => {
		scopes ??= tokenScopeTable(app.getOpenAPI31Document(OPENAPI_CONFIG));
		return scopes(method, path);
	};
	app.use("/api/*", bearerAuth(deps, scopesOf, new RateLimiter(deps.config.apiTokenRatePerMinute)));
	app.use("/api/*", loadSession(deps));
	app.use("/api/*", csrfProtection());

	app.route("/api", authRoutes(deps));
	app.route("/api", accountsRoutes(deps));
	app.route("/api", apiTokensRoutes(deps));
	app.route("/api", orgRoutes(deps));
	app.route("/api", auditRoutes(deps));
	app.route("/api", tenantsRoutes(deps));
	app.route("/api", policiesRoutes(deps));
	app.route("/api", documentsRoutes(deps));
	app.route("/api", gapRoutes(deps));
	app.route("/api", reviewsRoutes(deps));
	app.route("/api", reviewDrillsRoutes(deps));
	app.route("/api", reviewTrainingRoutes(deps));
	app.route("/api", reviewAssuranceRoutes(deps));
	app.route("/api", mailRoutes(deps));
	app.route("/api", networkRoutes(deps));
	// Before the ledger's routes: `/assets/export` must not be read as `/assets/{id}`.
	app.route("/api", assetTransferRoutes(deps));
	app.route("/api", assetsRoutes(deps));
	app.route("/api", takeOutsRoutes(deps));
	app.route("/api", disposalsRoutes(deps));
	app.route("/api", risksRoutes(deps));
	// Before the incidents routes: its static /incidents/to-acknowledge is not an {id}.
	app.route("/api", incidentChainRoutes(deps));
	// Before the case routes: `/incidents/stats` must not be read as `/incidents/{id}`.
	app.route("/api", incidentStatsRoutes(deps));
	app.route("/api", incidentsRoutes(deps));
	app.route("/api", incidentCaseworkRoutes(deps));
	app.route("/api", drillsRoutes(deps));
	app.route("/api", checklistsRoutes(deps));
	app.route("/api", campaignsRoutes(deps));
	app.route("/api", findingsRoutes(deps));
	app.route("/api", statusReportRoutes(deps));
	app.route("/api", findingStepsRoutes(deps));
	app.route("/api", auditPlansRoutes(deps));
	app.route("/api", auditsRoutes(deps));
	app.route("/api", auditFieldworkRoutes(deps));
	app.route("/api", exceptionsRoutes(deps));
	app.route("/api", socialMediaRoutes(deps));
	app.route("/api", webhooksRoutes(deps));
	app.route("/api", myNumberRoutes(deps));
	app.route("/api", directoryRoutes(deps));
	app.route("/api", secureAreasRoutes(deps));
	app.route("/api", trainingRoutes(deps));
	app.route("/api", cloudServicesRoutes(deps));
	app.route("/api", contractsRoutes(deps));
	app.route("/api", mappingsRoutes(deps));
	app.route("/api", importsRoutes(deps));
	app.route("/api", homeRoutes(deps));

	app.openAPIRegistry.registerComponent("securitySchemes", "session", {
		type: "apiKey",
		in: "cookie",
		name: "mamori_session",
		description:
			"Session cookie set by POST /api/auth/login; state-changing requests also need X-CSRF-Token.",
	});
	app.openAPIRegistry.registerComponent("securitySchemes", "apiToken", {
		type: "http",
		scheme: "bearer",
		description:
			"An API token of a machine client (`Authorization: Bearer mamori_…`), made by the tenant " +
			"administrator with scopes and an expiry. It reaches only the operations that list one of " +
			"its scopes; no CSRF token, and a session cookie sent with it is ignored.",
	});
	let document: object | undefined;
	app.get("/api/openapi.json", (c) => {
		document ??= finishApiDocument(app.getOpenAPI31Document(OPENAPI_CONFIG));
		return c.json(document);
	});
	mountApiDocs(app);

	app.all("/api/*", () => {
		throw new Problem("not_found", "no such API route");
	});
	mountWebUi(app, WEB_DIST);
	app.onError((error, c) => problemResponse(c, toProblem(error, `${c.req.method} ${c.req.path}`)));
	return app;
}

export type App = ReturnType<typeof createApp>;

/** The OpenAPI 3.1 document of an app, as served at /api/openapi.json. */
export function openApiDocument(app: App) {
	return finishApiDocument(app.getOpenAPI31Document(OPENAPI_CONFIG));
}
