import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../deps.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { trainingYearSchema } from "../../training/training.schemas.ts";
import { reviewTraining } from "./review-training.ts";

const training = createRoute({
	method: "get",
	path: "/policy-reviews/{id}/training",
	tags: ["policies"],
	security: sessionSecurity,
	summary:
		"The review's fiscal year of training (研修・訓練): each course's completion, the total and the phishing drills",
	request: { params: z.object({ id: z.string().min(1).max(64) }) },
	responses: {
		200: jsonResponse(trainingYearSchema, "Training of the year"),
		...problemResponses,
	},
});

/** The review's training input, a route of its own beside the review's stored inputs. */
export function reviewTrainingRoutes(deps: AppDeps) {
	return createRouter().openapi(training, async (c) => {
		const actor = requireActor(c);
		return c.json(await reviewTraining(deps.db, actor, c.req.valid("param").id), 200);
	});
}
