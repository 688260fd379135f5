import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { Problem } from "../../shared/problem.ts";
import { allowedActions, authorize } from "../authz/policy.ts";
import { packForUsers, packForUsersSchema } from "./pack/pack.schema.ts";
import { currentTenantPack } from "./pack/tenant-pack.repository.ts";
import { policiesPolicy } from "./policies.policy.ts";

const tenantPackSchema = z
	.object({
		version: z.number().int(),
		source: z.string(),
		installedAt: z.string(),
		/** The pack without its authors' notes (provenance), which users never see. */
		pack: packForUsersSchema,
		allowedActions: z.array(z.string()),
	})
	.openapi("TenantPolicyPack");

const current = createRoute({
	method: "get",
	path: "/policy-pack",
	tags: ["policies"],
	security: sessionSecurity,
	summary:
		"The policy pack the caller's tenant runs on: agencies, classification, threats, revisions",
	responses: { 200: jsonResponse(tenantPackSchema, "The current pack"), ...problemResponses },
});

export function policiesRoutes(deps: AppDeps) {
	return createRouter().openapi(current, async (c) => {
		const actor = requireActor(c);
		authorize(actor, policiesPolicy, "policy_pack.read");
		const found = await currentTenantPack(deps.db, actor.tenantId);
		if (!found) throw new Problem("not_found", "this tenant has no policy pack yet");
		return c.json(
			{
				version: found.version,
				source: found.source,
				installedAt: found.createdAt,
				pack: packForUsers(found.pack),
				allowedActions: allowedActions(actor, policiesPolicy),
			},
			200,
		);
	});
}
