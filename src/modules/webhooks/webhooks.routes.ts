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
import {
	changeSubscription,
	rotateSecret,
	sendTestEvent,
	subscribe,
	unsubscribe,
	type WebhookDesk,
} from "./manage-subscriptions.ts";
import { presentSubscription, readDeliveries, readSubscriptions } from "./read-webhooks.ts";
import {
	changeSubscriptionSchema,
	createSubscriptionSchema,
	deliveryListSchema,
	deliveryQuerySchema,
	subscriptionListSchema,
	subscriptionSchema,
	subscriptionVersionSchema,
} from "./webhooks.schemas.ts";

const secured = { tags: ["webhooks"], security: sessionSecurity };
const idParam = z.object({ id: z.string().min(1).max(64) });
const testQueuedSchema = z.object({ deliveryId: z.string() }).openapi("WebhookTestQueued");

const routes = {
	list: createRoute({
		...secured,
		operationId: "listWebhookSubscriptions",
		method: "get",
		path: "/webhooks/subscriptions",
		summary: "The tenant's webhook subscriptions and the events one may subscribe to",
		responses: {
			200: jsonResponse(subscriptionListSchema, "Subscriptions"),
			...problemResponses,
		},
	}),
	create: createRoute({
		...secured,
		operationId: "createWebhookSubscription",
		method: "post",
		path: "/webhooks/subscriptions",
		summary: "Subscribe a URL (on the instance's allow-list) to events; the secret is shown once",
		request: { body: jsonBody(createSubscriptionSchema) },
		responses: {
			201: jsonResponse(subscriptionSchema, "The subscription with its signing secret"),
			...problemResponses,
		},
	}),
	change: createRoute({
		...secured,
		operationId: "updateWebhookSubscription",
		method: "put",
		path: "/webhooks/subscriptions/{id}",
		summary: "Change a subscription's URL, description, events or whether it is enabled",
		request: { params: idParam, body: jsonBody(changeSubscriptionSchema) },
		responses: { 200: jsonResponse(subscriptionSchema, "The subscription"), ...problemResponses },
	}),
	rotate: createRoute({
		...secured,
		operationId: "rotateWebhookSecret",
		method: "post",
		path: "/webhooks/subscriptions/{id}/rotate-secret",
		summary: "A new signing secret, shown once; the old one signs nothing more",
		request: { params: idParam, body: jsonBody(subscriptionVersionSchema) },
		responses: {
			200: jsonResponse(subscriptionSchema, "The subscription with its new secret"),
			...problemResponses,
		},
	}),
	remove: createRoute({
		...secured,
		operationId: "deleteWebhookSubscription",
		method: "post",
		path: "/webhooks/subscriptions/{id}/unsubscribe",
		summary: "Unsubscribe: nothing more is sent; past deliveries stay listed",
		request: { params: idParam, body: jsonBody(subscriptionVersionSchema) },
		responses: { 204: { description: "Unsubscribed" }, ...problemResponses },
	}),
	test: createRoute({
		...secured,
		operationId: "sendWebhookTestEvent",
		method: "post",
		path: "/webhooks/subscriptions/{id}/test",
		summary: "Queue a webhook.test event to this subscription",
		request: { params: idParam },
		responses: { 202: jsonResponse(testQueuedSchema, "The queued delivery"), ...problemResponses },
	}),
	deliveries: createRoute({
		...secured,
		operationId: "listWebhookDeliveries",
		method: "get",
		path: "/webhooks/deliveries",
		summary: "Deliveries with their outcome: status, attempts, last error, next attempt",
		request: { query: deliveryQuerySchema },
		responses: { 200: jsonResponse(deliveryListSchema, "Deliveries"), ...problemResponses },
	}),
};

export function webhooksRoutes(deps: AppDeps) {
	const desk = (c: Parameters<typeof requireActor>[0]): WebhookDesk => ({
		actor: requireActor(c),
		allowList: deps.config.webhookAllowedHosts,
		secrets: deps.secrets,
	});
	return createRouter()
		.openapi(routes.list, async (c) => {
			return c.json(await readSubscriptions(deps.db, requireActor(c)), 200);
		})
		.openapi(routes.create, async (c) => {
			const d = desk(c);
			const body = c.req.valid("json");
			const made = await inTransaction(deps.db, (tx) => subscribe(tx, d, body));
			return c.json(presentSubscription(d.actor, made.row, made.secret), 201);
		})
		.openapi(routes.change, async (c) => {
			const d = desk(c);
			const body = c.req.valid("json");
			const row = await inTransaction(deps.db, (tx) =>
				changeSubscription(tx, d, c.req.valid("param").id, body),
			);
			return c.json(presentSubscription(d.actor, row), 200);
		})
		.openapi(routes.rotate, async (c) => {
			const d = desk(c);
			const { version } = c.req.valid("json");
			const made = await inTransaction(deps.db, (tx) =>
				rotateSecret(tx, d, c.req.valid("param").id, version),
			);
			return c.json(presentSubscription(d.actor, made.row, made.secret), 200);
		})
		.openapi(routes.remove, async (c) => {
			const d = desk(c);
			const { version } = c.req.valid("json");
			await inTransaction(deps.db, (tx) => unsubscribe(tx, d, c.req.valid("param").id, version));
			return c.body(null, 204);
		})
		.openapi(routes.test, async (c) => {
			const d = desk(c);
			const deliveryId = await inTransaction(deps.db, (tx) =>
				sendTestEvent(tx, d, c.req.valid("param").id),
			);
			return c.json({ deliveryId }, 202);
		})
		.openapi(routes.deliveries, async (c) => {
			return c.json(await readDeliveries(deps.db, requireActor(c), c.req.valid("query")), 200);
		});
}
