import { createRoute, z } from "@hono/zod-openapi";
import { inTransaction } from "../../db/transaction.ts";
import type { AppDeps } from "../../deps.ts";
import { requireActor } from "../../http/context.ts";
import {
	createRouter,
	jsonBody,
	jsonResponse,
	problemResponses,
	sessionSecurity,
} from "../../http/openapi.ts";
import { authorize } from "../authz/policy.ts";
import { createTenant } from "./create-tenant.ts";
import { changeTenantSettings, readTenantSettings } from "./tenant-settings.ts";
import { tenantsPolicy } from "./tenants.policy.ts";
import { listTenants, type TenantRow } from "./tenants.repository.ts";
import {
	tenantInputSchema,
	tenantSchema,
	tenantSettingsInputSchema,
	tenantSettingsSchema,
} from "./tenants.schemas.ts";

const tags = ["tenants"];

function present(row: TenantRow) {
	return { id: row.id, slug: row.slug, name: row.name, pack: row.pack, createdAt: row.created_at };
}

const list = createRoute({
	method: "get",
	path: "/tenants",
	tags,
	security: sessionSecurity,
	summary: "Every tenant of the instance (instance administrators)",
	responses: {
		200: jsonResponse(z.object({ items: z.array(tenantSchema) }), "Tenants"),
		...problemResponses,
	},
});

const create = createRoute({
	method: "post",
	path: "/tenants",
	tags,
	security: sessionSecurity,
	summary: "Add a tenant (団体)",
	request: { body: jsonBody(tenantInputSchema) },
	responses: { 201: jsonResponse(tenantSchema, "Created"), ...problemResponses },
});

const settings = createRoute({
	method: "get",
	path: "/tenant/settings",
	tags,
	security: sessionSecurity,
	summary: "The caller's tenant's settings: how it writes dates (和暦 or 西暦)",
	responses: { 200: jsonResponse(tenantSettingsSchema, "Settings"), ...problemResponses },
});

const changeSettings = createRoute({
	method: "put",
	path: "/tenant/settings",
	tags,
	security: sessionSecurity,
	summary: "Change the tenant's settings (tenant administrator); audited",
	request: { body: jsonBody(tenantSettingsInputSchema) },
	responses: { 200: jsonResponse(tenantSettingsSchema, "Settings"), ...problemResponses },
});

export function tenantsRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(list, async (c) => {
			const actor = requireActor(c);
			authorize(actor, tenantsPolicy, "tenant.read");
			return c.json({ items: (await listTenants(deps.db)).map(present) }, 200);
		})
		.openapi(create, async (c) => {
			const actor = requireActor(c);
			authorize(actor, tenantsPolicy, "tenant.create");
			const tenant = await inTransaction(deps.db, (tx) =>
				createTenant(
					tx,
					{ label: `${actor.label} (${actor.accountId})`, ip: actor.ip },
					c.req.valid("json"),
				),
			);
			return c.json(present(tenant), 201);
		})
		.openapi(settings, async (c) => c.json(await readTenantSettings(deps.db, requireActor(c)), 200))
		.openapi(changeSettings, async (c) => {
			const actor = requireActor(c);
			return c.json(await changeTenantSettings(deps.db, actor, c.req.valid("json")), 200);
		});
}
