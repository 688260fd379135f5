import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../../deps.ts";
import { requireActor } from "../../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../../http/openapi.ts";
import { drillReviewInputSchema } from "../../incidents/drills/drills.schemas.ts";
import { reviewDrills } from "./review-drills.ts";

const drills = createRoute({
	method: "get",
	path: "/policy-reviews/{id}/drills",
	tags: ["policies"],
	security: sessionSecurity,
	summary:
		"The review's fiscal year of drills (訓練): counts, and each drill held with its lessons",
	request: { params: z.object({ id: z.string().min(1).max(64) }) },
	responses: {
		200: jsonResponse(drillReviewInputSchema, "Drills of the year"),
		...problemResponses,
	},
});

/** The review's drills input, a route of its own beside the review's stored inputs. */
export function reviewDrillsRoutes(deps: AppDeps) {
	return createRouter().openapi(drills, async (c) => {
		const actor = requireActor(c);
		return c.json(await reviewDrills(deps.db, actor, c.req.valid("param").id), 200);
	});
}
