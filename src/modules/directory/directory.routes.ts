import { createRoute, z } from "@hono/zod-openapi";
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
import { findTenant } from "../tenants/tenants.repository.ts";
import {
	addGroupMapping,
	readDirectoryConfig,
	removeGroupMapping,
	saveDirectoryConfig,
	saveSignInSettings,
	testDirectory,
} from "./configure.ts";
import { readOidcConfig, saveOidcConfig, testOidcDiscovery } from "./configure-oidc.ts";
import { directoryPolicy } from "./directory.policy.ts";
import {
	ldapConfigInputSchema,
	ldapConfigSchema,
	mappingInputSchema,
	signInSettingsInputSchema,
	syncResultSchema,
	testInputSchema,
	testResultSchema,
} from "./directory.schemas.ts";
import { oidcConfigInputSchema, oidcConfigSchema, oidcTestResultSchema } from "./oidc.schemas.ts";
import { syncDirectory } from "./sync.ts";

const secured = { tags: ["directory"], security: sessionSecurity };
const configResponse = {
	200: jsonResponse(ldapConfigSchema, "The directory settings"),
	...problemResponses,
};

const routes = {
	get: createRoute({
		...secured,
		method: "get",
		path: "/directory/config",
		summary: "The tenant's directory connection, group mapping and sign-in settings",
		responses: configResponse,
	}),
	save: createRoute({
		...secured,
		method: "put",
		path: "/directory/config",
		summary: "Save the LDAP / Active Directory connection (the bind password is sealed)",
		request: { body: jsonBody(ldapConfigInputSchema) },
		responses: configResponse,
	}),
	getOidc: createRoute({
		...secured,
		method: "get",
		path: "/directory/oidc",
		summary: "The tenant's OpenID Connect provider and its group mapping",
		responses: { 200: jsonResponse(oidcConfigSchema, "The OpenID settings"), ...problemResponses },
	}),
	saveOidc: createRoute({
		...secured,
		method: "put",
		path: "/directory/oidc",
		summary: "Save the OpenID Connect provider (the client secret is sealed)",
		request: { body: jsonBody(oidcConfigInputSchema) },
		responses: { 200: jsonResponse(oidcConfigSchema, "The OpenID settings"), ...problemResponses },
	}),
	testOidc: createRoute({
		...secured,
		method: "post",
		path: "/directory/oidc/test",
		summary: "Discovery at the saved issuer: endpoints, scopes and claims it publishes",
		responses: {
			200: jsonResponse(oidcTestResultSchema, "What the provider publishes"),
			...problemResponses,
		},
	}),
	addMapping: createRoute({
		...secured,
		method: "post",
		path: "/directory/mappings",
		summary: "Map a directory group to a role (and org unit for per-unit roles)",
		request: { body: jsonBody(mappingInputSchema) },
		responses: configResponse,
	}),
	removeMapping: createRoute({
		...secured,
		method: "delete",
		path: "/directory/mappings/{id}",
		summary: "Remove a group mapping (roles end at the next sign-in or sync)",
		request: { params: z.object({ id: z.string().min(1).max(64) }) },
		responses: configResponse,
	}),
	signIn: createRoute({
		...secured,
		method: "put",
		path: "/directory/sign-in-settings",
		summary: "Keep local password sign-in for everyone, or for break-glass administrators only",
		request: { body: jsonBody(signInSettingsInputSchema) },
		responses: configResponse,
	}),
	test: createRoute({
		...secured,
		method: "post",
		path: "/directory/test",
		summary: "Look a person up as the service account: DN, attributes, groups, roles",
		request: { body: jsonBody(testInputSchema) },
		responses: {
			200: jsonResponse(testResultSchema, "What the directory has"),
			...problemResponses,
		},
	}),
	sync: createRoute({
		...secured,
		method: "post",
		path: "/directory/sync",
		summary: "Sync roles and disabled people from the directory (dryRun lists the changes only)",
		request: { body: jsonBody(z.object({ dryRun: z.boolean() }).strict()) },
		responses: {
			200: jsonResponse(syncResultSchema, "Who gains and loses what"),
			...problemResponses,
		},
	}),
};

/** The tenant administrator's directory settings, test and sync. */
export function directoryRoutes(deps: AppDeps) {
	return createRouter()
		.openapi(routes.get, async (c) =>
			c.json(await readDirectoryConfig(deps.db, requireActor(c)), 200),
		)
		.openapi(routes.save, async (c) =>
			c.json(await saveDirectoryConfig(deps, requireActor(c), c.req.valid("json")), 200),
		)
		.openapi(routes.getOidc, async (c) =>
			c.json(await readOidcConfig(deps.db, requireActor(c)), 200),
		)
		.openapi(routes.saveOidc, async (c) =>
			c.json(await saveOidcConfig(deps, requireActor(c), c.req.valid("json")), 200),
		)
		.openapi(routes.testOidc, async (c) =>
			c.json(await testOidcDiscovery(deps, requireActor(c)), 200),
		)
		.openapi(routes.addMapping, async (c) =>
			c.json(await addGroupMapping(deps, requireActor(c), c.req.valid("json")), 200),
		)
		.openapi(routes.removeMapping, async (c) =>
			c.json(await removeGroupMapping(deps, requireActor(c), c.req.valid("param").id), 200),
		)
		.openapi(routes.signIn, async (c) =>
			c.json(
				await saveSignInSettings(deps, requireActor(c), c.req.valid("json").localPassword),
				200,
			),
		)
		.openapi(routes.test, async (c) =>
			c.json(await testDirectory(deps, requireActor(c), c.req.valid("json").user), 200),
		)
		.openapi(routes.sync, async (c) => {
			const actor = requireActor(c);
			authorize(actor, directoryPolicy, "directory.configure");
			const tenant = await findTenant(deps.db, actor.tenantId);
			const result = await syncDirectory(deps, tenant?.slug ?? "", {
				dryRun: c.req.valid("json").dryRun,
				actorLabel: actor.label,
			});
			return c.json(result, 200);
		});
}
