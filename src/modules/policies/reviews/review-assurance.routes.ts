import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../../db/transaction.ts";
import type { AppDeps } from "../../../deps.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { auditReviewInputSchema } from "../../assurance/audits/review-input.schemas.ts";
import { campaignReviewInputSchema } from "../../assurance/campaigns/review-input.schemas.ts";
import { raiseFindingSchema } from "../../assurance/findings/findings.schemas.ts";
import { findingReviewInputSchema } from "../../assurance/findings/review-input.schemas.ts";
import {
	raiseFindingFromReview,
	reviewAudits,
	reviewCampaigns,
	reviewFindings,
} from "./review-assurance.ts";

const params = z.object({ id: z.string().min(1).max(64) });

const findings = createRoute({
	method: "get",
	path: "/policy-reviews/{id}/findings",
	tags: ["policies"],
	security: sessionSecurity,
	summary:
		"The review's fiscal year of findings (指摘事項): by source, severity and state, overdue, open major ones, and the change from the year before",
	request: { params },
	responses: {
		200: jsonResponse(findingReviewInputSchema, "Findings of the year"),
		...problemResponses,
	},
});

const audits = createRoute({
	method: "get",
	path: "/policy-reviews/{id}/audits",
	tags: ["policies"],
	security: sessionSecurity,
	summary: "The review's fiscal year of audits (監査) and the yearly audit plan's coverage",
	request: { params },
	responses: {
		200: jsonResponse(auditReviewInputSchema, "Audits of the year"),
		...problemResponses,
	},
});

const selfInspection = createRoute({
	method: "get",
	path: "/policy-reviews/{id}/self-inspection",
	tags: ["policies"],
	security: sessionSecurity,
	summary:
		"The review's fiscal year of self-inspection campaigns (自己点検): response and compliance rates, and the change from the year before",
	request: { params },
	responses: {
		200: jsonResponse(campaignReviewInputSchema, "Self-inspection of the year"),
		...problemResponses,
	},
});

const raise = createRoute({
	method: "post",
	path: "/policy-reviews/{id}/findings",
	tags: ["policies"],
	security: sessionSecurity,
	summary:
		"The decision opens a corrective action (是正処置): a finding raised in the review's name",
	request: { params, body: jsonBody(raiseFindingSchema) },
	responses: {
		201: jsonResponse(
			z.object({ id: z.string(), reference: z.string() }).openapi("ReviewRaisedFinding"),
			"The new finding",
		),
		...problemResponses,
	},
});

/** The review's assurance inputs (findings, audits), routes of their own beside its stored inputs. */
export function reviewAssuranceRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(findings, async (c) => {
			const actor = requireActor(c);
			return c.json(await reviewFindings(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(audits, async (c) => {
			const actor = requireActor(c);
			return c.json(await reviewAudits(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(selfInspection, async (c) => {
			const actor = requireActor(c);
			return c.json(await reviewCampaigns(deps.db, actor, c.req.valid("param").id), 200);
		})
		.openapi(raise, async (c) => {
			const actor = requireActor(c);
			const raised = await inTransaction(deps.db, (tx) =>
				raiseFindingFromReview(tx, actor, c.req.valid("param").id, c.req.valid("json")),
			);
			return c.json(raised, 201);
		});
}
