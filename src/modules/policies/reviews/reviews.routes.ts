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
import { Problem } from "../../../shared/problem.ts";
import { allowedActions, authorize } from "../../authz/policy.ts";
import type { Actor } from "../../authz/roles.ts";
import { currentTenantPack } from "../pack/tenant-pack.repository.ts";
import { decideReview } from "./decide-review.ts";
import { reviewIncidentInput } from "./incident-input.ts";
import { openReview } from "./open-review.ts";
import { presentReview } from "./present-review.ts";
import { recordReviewInputs } from "./record-inputs.ts";
import { scheduledReview } from "./review-schedule.ts";
import { reviewsPolicy } from "./reviews.policy.ts";
import { findReview, findReviewBySchedule, listReviews } from "./reviews.repository.ts";
import {
	decideReviewSchema,
	openReviewSchema,
	reviewDetailSchema,
	reviewInputsSchema,
	reviewListSchema,
} from "./reviews.schemas.ts";

const tags = ["policies"];
const idParam = z.object({ id: z.string().min(1).max(64) });

const list = createRoute({
	method: "get",
	path: "/policy-reviews",
	tags,
	security: sessionSecurity,
	summary: "Policy reviews (見直し), with the yearly review the pack's cadence asks for now",
	responses: { 200: jsonResponse(reviewListSchema, "Reviews"), ...problemResponses },
});

const open = createRoute({
	method: "post",
	path: "/policy-reviews",
	tags,
	security: sessionSecurity,
	summary: "Open this fiscal year's scheduled review, or an extra review for a trigger",
	request: { body: jsonBody(openReviewSchema) },
	responses: { 201: jsonResponse(reviewDetailSchema, "The review"), ...problemResponses },
});

const get = createRoute({
	method: "get",
	path: "/policy-reviews/{id}",
	tags,
	security: sessionSecurity,
	summary:
		"One review with its inputs, the incidents closed in its period, risk analysis and decision",
	request: { params: idParam },
	responses: { 200: jsonResponse(reviewDetailSchema, "The review"), ...problemResponses },
});

const inputs = createRoute({
	method: "put",
	path: "/policy-reviews/{id}/inputs",
	tags,
	security: sessionSecurity,
	summary: "Record what an open review is based on, including the risk analysis",
	request: { params: idParam, body: jsonBody(reviewInputsSchema) },
	responses: { 200: jsonResponse(reviewDetailSchema, "The review"), ...problemResponses },
});

const decide = createRoute({
	method: "post",
	path: "/policy-reviews/{id}/decision",
	tags,
	security: sessionSecurity,
	summary: "Record the decision; `revise` opens a new draft of the policy (when connected)",
	request: { params: idParam, body: jsonBody(decideReviewSchema) },
	responses: { 200: jsonResponse(reviewDetailSchema, "The review"), ...problemResponses },
});

/** One review with its incident input (the cases closed in its period). */
async function reviewOf(deps: AppDeps, actor: Actor, id: string) {
	const row = await findReview(deps.db, actor.tenantId, id);
	if (!row) throw new Problem("not_found", "no such review");
	return {
		...presentReview(row, actor),
		incidentInput: await reviewIncidentInput(deps.db, actor, row),
	};
}

export function reviewsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, reviewsPolicy, "policy_review.read");
			const pack = await currentTenantPack(deps.db, actor.tenantId);
			const schedule = pack ? scheduledReview(pack.pack.cadence, new Date().toISOString()) : null;
			const exists = schedule
				? (await findReviewBySchedule(deps.db, actor.tenantId, schedule.scheduleKey)) !== undefined
				: false;
			const rows = await listReviews(deps.db, actor.tenantId);
			return c.json(
				{
					items: rows.map((row) => presentReview(row, actor)),
					schedule: schedule
						? { fiscalYear: schedule.fiscalYear, dueOn: schedule.dueOn, exists }
						: null,
					requiresRiskAnalysis: pack?.pack.cadence.review.requiresRiskAnalysis ?? false,
					allowedActions: allowedActions(actor, reviewsPolicy),
				},
				200,
			);
		})
		.openapi(open, async (c) => {
			const actor = requireActor(c);
			const { trigger } = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) => openReview(tx, actor, trigger));
			return c.json(await reviewOf(deps, actor, row.id), 201);
		})
		.openapi(get, async (c) => {
			const actor = requireActor(c);
			authorize(actor, reviewsPolicy, "policy_review.read");
			return c.json(await reviewOf(deps, actor, c.req.valid("param").id), 200);
		})
		.openapi(inputs, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => recordReviewInputs(tx, actor, id, c.req.valid("json")));
			return c.json(await reviewOf(deps, actor, id), 200);
		})
		.openapi(decide, async (c) => {
			const actor = requireActor(c);
			const { id } = c.req.valid("param");
			await inTransaction(deps.db, (tx) => decideReview(tx, actor, id, c.req.valid("json")));
			return c.json(await reviewOf(deps, actor, id), 200);
		});
}
